/**
 * The service worker: the toolbar button opens the side panel; the badge shows the tasks due now over every
 * account (GET /v1/plan, `dueNow` summed), refreshed every minute by an alarm, when the settings change, and
 * when the panel asks (after each answer); and one desktop notification when a suggested sitting begins, not one
 * per task: the sittings already notified are remembered in storage (an alarm is also set at the next one's
 * start, so that it is announced on time).
 */
import { ApiError, connectedApi, SETTINGS_KEYS } from "./api.js";
import { badgeText, describeSitting, sittingsBegun, type Plan } from "./format.js";

const REFRESH_ALARM = "refresh";
const SITTING_ALARM = "sitting";
const NOTIFIED_KEY = "notifiedSittings";
const NOTIFICATION_ID = "linkpace-sitting";

/** What the last refresh found, for the panel and the tests: the badge's text, or why there is none. */
export interface RefreshResult {
  badge: string;
  error: string | null;
  notified: string[];
}

async function refresh(): Promise<RefreshResult> {
  const api = await connectedApi();
  if (api === null) {
    await setBadge("", null);
    return { badge: "", error: "not configured", notified: [] };
  }
  let plan: Plan;
  try {
    plan = await api.call<Plan>("GET", "/v1/plan?days=1");
  } catch (e) {
    const message = e instanceof ApiError ? e.message : String(e);
    await setBadge("!", message);
    return { badge: "!", error: message, notified: [] };
  }
  const badge = badgeText(plan);
  await setBadge(badge, null);
  const stored = await chrome.storage.local.get(NOTIFIED_KEY);
  const notified = Array.isArray(stored[NOTIFIED_KEY]) ? (stored[NOTIFIED_KEY] as string[]) : [];
  const { begun, remember } = sittingsBegun(plan, notified);
  await chrome.storage.local.set({ [NOTIFIED_KEY]: remember });
  if (begun.length > 0) {
    await chrome.notifications.create(NOTIFICATION_ID, {
      type: "basic",
      iconUrl: chrome.runtime.getURL("icons/128.png"),
      title: begun.length === 1 ? "linkpace: a sitting begins" : `linkpace: ${begun.length} sittings begin`,
      message: begun.map((b) => `${b.account}: ${describeSitting(b.sitting)}`).join("\n"),
      priority: 1,
    });
  }
  const at = Date.parse(plan.at);
  const starts = plan.accounts
    .map((a) => (a.nextSitting ? Date.parse(a.nextSitting.from) : NaN))
    .filter((t) => Number.isFinite(t) && t > at)
    .sort((a, b) => a - b);
  // The server's clock may differ from this one: the alarm fires after the same delay, not at the same instant.
  if (starts[0] !== undefined) await chrome.alarms.create(SITTING_ALARM, { when: Date.now() + (starts[0] - at) + 1000 });
  return { badge, error: null, notified: begun.map((b) => `${b.account}@${b.sitting.from}`) };
}

async function setBadge(text: string, error: string | null): Promise<void> {
  await chrome.action.setBadgeText({ text });
  await chrome.action.setBadgeBackgroundColor({ color: error === null ? "#0a66c2" : "#c62828" });
  await chrome.action.setTitle({
    title: error !== null ? `linkpace: ${error}` : text === "" ? "linkpace: nothing due now" : `linkpace: ${text} due now`,
  });
}

async function setUp(): Promise<void> {
  await chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  await chrome.alarms.create(REFRESH_ALARM, { periodInMinutes: 1 });
  await refresh();
}

chrome.runtime.onInstalled.addListener(() => void setUp());
chrome.runtime.onStartup.addListener(() => void setUp());
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM || alarm.name === SITTING_ALARM) void refresh();
});
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && SETTINGS_KEYS.some((k) => k in changes)) void refresh();
});
chrome.notifications.onClicked.addListener((id) => {
  if (id !== NOTIFICATION_ID) return;
  void chrome.notifications.clear(id);
  void chrome.tabs.create({ url: chrome.runtime.getURL("panel.html") });
});
chrome.runtime.onMessage.addListener((message: unknown, _sender, reply: (r: RefreshResult) => void) => {
  if ((message as { type?: unknown } | null)?.type !== "refresh") return false;
  void refresh().then(reply);
  return true; // the answer comes later
});
