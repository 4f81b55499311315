/**
 * What `linkpace webhook add` (and POST /v1/webhooks) accepts: an http(s) URL whose address is public or
 * allowed by the server's setting (webhook-allow.ts), and a list of notification kinds. Errors name the flag,
 * what was given and what would be valid.
 */
import { LinkpaceError } from "../core/errors.js";
import { NOTIFICATION_KINDS, type NotificationKind } from "../core/notifications.js";
import { refusedUrl, type WebhookAllow } from "./webhook-allow.js";

export function parseWebhookUrl(text: string, allow: WebhookAllow): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new LinkpaceError("invalid_input", `webhook URL "${text}" is not a URL (expected e.g. https://example.com/hooks/linkpace)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new LinkpaceError(
      "invalid_input",
      `webhook URL "${text}": only http:// and https:// URLs are accepted (got ${url.protocol.replace(/:$/, "")})`,
    );
  }
  const refused = refusedUrl(url, allow);
  if (refused !== null) throw new LinkpaceError("invalid_input", refused);
  return url.toString();
}

/** A comma-separated list of kinds, or `all`; duplicates dropped, order of NOTIFICATION_KINDS. */
export function parseEvents(text: string): NotificationKind[] {
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (names.length === 0)
    throw new LinkpaceError("invalid_input", `--events: name at least one event (known: ${NOTIFICATION_KINDS.join(", ")}, or all)`);
  if (names.includes("all")) return [...NOTIFICATION_KINDS];
  const unknown = names.filter((n) => !(NOTIFICATION_KINDS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new LinkpaceError(
      "invalid_input",
      `--events: unknown event${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (known: ${NOTIFICATION_KINDS.join(", ")}, or all)`,
    );
  }
  return NOTIFICATION_KINDS.filter((k) => names.includes(k));
}
