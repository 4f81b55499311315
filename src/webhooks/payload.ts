/**
 * The webhook request for a notification (docs/webhooks.md). The body is the same on every
 * attempt; only the timestamp and its signature change.
 *
 *   {"id": 42, "type": "invite_accepted", "at": "2027-03-02T10:15:00Z", "account": "alice",
 *    "data": {"campaign": "q1", "prospect": "https://www.linkedin.com/in/jane-doe"}}
 *
 * `id` is the notification's id (increasing, per database), `data` the notification's details without the
 * `account` and `at` it already gives.
 */
import { formatInstant } from "../core/time.js";
import type { NotificationRow } from "../store/store.js";
import { sign } from "./signing.js";

export interface WebhookPayload {
  id: number;
  type: string;
  at: string;
  account: string | null;
  data: Record<string, unknown>;
}

export function webhookPayload(n: NotificationRow): WebhookPayload {
  const { account, at: _at, ...data } = n.data;
  return { id: n.id, type: n.kind, at: formatInstant(n.at), account: typeof account === "string" ? account : null, data };
}

export interface SignedDelivery {
  body: string;
  headers: Record<string, string>;
}

export const USER_AGENT = "linkpace-webhooks/1";

export function signedDelivery(n: NotificationRow, opts: { deliveryId: string; secret: string; timestamp: number }): SignedDelivery {
  const body = JSON.stringify(webhookPayload(n));
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": USER_AGENT,
      "X-Linkpace-Event": n.kind,
      "X-Linkpace-Delivery": opts.deliveryId,
      "X-Linkpace-Timestamp": String(opts.timestamp),
      "X-Linkpace-Signature": sign(opts.secret, opts.timestamp, body),
    },
  };
}
