/**
 * Where the person is when the dashboard is not in front of them: the tab's title counts the tasks due now
 * ("(3) linkpace"), and a desktop notification says when a suggested sitting begins, once per sitting (never
 * one per task). The browser's permission is asked only on a click (NotifyButton), never when a page loads.
 */
import { useEffect, useState } from "preact/hooks";
import { navigate } from "./router";
import {
  announcedSittings,
  beginningText,
  dueCount,
  dueCountFromOverview,
  dueTitle,
  rememberAnnounced,
  sittingsBegun,
  type Plan,
} from "./sittings";

export type Permission = NotificationPermission | "unsupported";

function permission(): Permission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

/** Announced by this page even where localStorage refuses to keep them. */
const announcedHere = new Set<string>();

/** The button that asks for the browser's permission to notify, or what the browser answered. */
export function NotifyButton() {
  const [state, setState] = useState<Permission>(permission);
  if (state === "unsupported") return null;
  if (state === "granted")
    return (
      <span class="muted small" data-testid="notify-state">
        Notifications on: one when a suggested sitting begins.
      </span>
    );
  if (state === "denied")
    return (
      <span class="muted small" data-testid="notify-state">
        Notifications are blocked for this site in the browser's settings.
      </span>
    );
  return (
    <button
      type="button"
      data-testid="notify-button"
      title="One desktop notification when a suggested sitting begins, not one per task"
      onClick={() => {
        Notification.requestPermission().then(setState, () => setState(permission()));
      }}
    >
      Notify me when a sitting begins
    </button>
  );
}

/**
 * Keeps the tab's title on the number of due tasks (the plan's dueNow over every account; without a plan, what
 * GET /v1/tasks says) and announces each suggested sitting that has begun, once, if notifications are allowed.
 * `plan` undefined: not loaded yet; null: the server has no plan. The page's polling refreshes both.
 */
export function useDueSignals(
  plan: Plan | null | undefined,
  overview: { accounts: Array<{ dueNow: boolean; inProgress: unknown[] }> } | null,
) {
  const count = plan ? dueCount(plan) : plan === null && overview ? dueCountFromOverview(overview) : null;
  useEffect(() => {
    if (count !== null) document.title = dueTitle(count);
  }, [count]);
  useEffect(() => () => void (document.title = dueTitle(0)), []);

  useEffect(() => {
    if (!plan || permission() !== "granted") return;
    const announced = new Set([...announcedSittings(), ...announcedHere]);
    const begun = sittingsBegun(plan, Date.parse(plan.at), announced);
    for (const b of begun) {
      announcedHere.add(b.key);
      const { title, body } = beginningText(b);
      try {
        const n = new Notification(title, { body, tag: b.key });
        n.onclick = () => {
          window.focus();
          navigate("runner", b.account);
          n.close();
        };
      } catch {
        // a browser that notifies only through a service worker: the title still counts the tasks
      }
    }
    rememberAnnounced(begun.map((b) => b.key));
  }, [plan]);
}
