/**
 * The task panel (the side panel, and the same page as a tab: panel.html): pick an account, start or stop a
 * sitting, see the next suggested sitting, and work the account's tasks as the runner does: who, their title
 * and company, their local time, the profile link and "Open profile" (in the active tab, never read or clicked),
 * the note or message with its length and a copy button, one button per outcome with the runner's keys, skip,
 * "they replied" with the pasted text, and the countdown to the next task.
 */
import { Api, ApiError, connectedApi } from "./api.js";
import {
  charCount,
  countdown,
  describeSitting,
  localTime,
  taskText,
  type NextTask,
  type OpenSitting,
  type Overview,
  type OverviewAccount,
  type Plan,
  type Task,
} from "./format.js";

/** While waiting, the panel asks again at least this often (a sitting may open elsewhere, a task may come early). */
const POLL_MS = 15_000;
const ACCOUNT_KEY = "account";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const accountSelect = $<HTMLSelectElement>("account");
const errorBox = $("error");
const notice = $("notice");

let api: Api | null = null;
let accounts: OverviewAccount[] = [];
let account: string | null = null;
let current: NextTask | null = null;
/** The server's clock minus this one's, from the last answer: countdowns follow the server. */
let skew = 0;
let busy = false;
let pollTimer: ReturnType<typeof setTimeout> | null = null;
/** The `until` the countdown last asked again at, so that a wait that has run out asks once, not every second. */
let askedAt: string | null = null;

const serverNow = () => Date.now() + skew;

function showError(e: unknown): void {
  errorBox.hidden = false;
  errorBox.textContent = e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
}

function clearError(): void {
  errorBox.hidden = true;
  errorBox.textContent = "";
}

/** Runs one request at a time (a double click or a held key answers once), showing its failure. */
async function act(what: () => Promise<void>): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    clearError();
    await what();
  } catch (e) {
    showError(e);
  } finally {
    busy = false;
  }
}

function requireApi(): Api {
  if (api === null) throw new Error("the companion is not configured: open the options");
  return api;
}

const accountPath = (name: string) => `/v1/accounts/${encodeURIComponent(name)}/sitting`;

async function start(): Promise<void> {
  api = await connectedApi();
  $("setup").hidden = api !== null;
  $("main").hidden = api === null;
  if (api === null) return;
  await act(async () => {
    const overview = await requireApi().call<Overview>("GET", "/v1/tasks");
    accounts = overview.accounts;
    accountSelect.replaceChildren(
      ...accounts.map((a) => {
        const o = document.createElement("option");
        o.value = a.account;
        o.textContent = a.account;
        return o;
      }),
    );
    const saved = (await chrome.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY];
    account = accounts.find((a) => a.account === saved)?.account ?? accounts[0]?.account ?? null;
    if (account === null) {
      notice.textContent = "This workspace has no account yet (linkpace account add).";
      return;
    }
    accountSelect.value = account;
    await showAccount();
  });
}

/** The selected account: its sitting, the next suggested sitting, and its next task. */
async function showAccount(): Promise<void> {
  if (account === null) return;
  const overview = await requireApi().call<Overview>("GET", `/v1/tasks?account=${encodeURIComponent(account)}`);
  const a = overview.accounts.find((x) => x.account === account);
  if (a) accounts = accounts.map((x) => (x.account === a.account ? a : x));
  skew = Date.parse(overview.at) - Date.now();
  showSitting(a?.sitting ?? null);
  await showPlan();
  await nextTask();
}

function accountZone(): string | null {
  return accounts.find((a) => a.account === account)?.timezone ?? null;
}

function showSitting(sitting: OpenSitting | null): void {
  const open = sitting !== null && Date.parse(sitting.until) > serverNow();
  const status = $("sitting-status");
  status.textContent = open
    ? `Sitting open until ${localTime(Date.parse(sitting.until), accountZone())?.split(" ")[1] ?? sitting.until}: tasks come back to back.`
    : "No sitting open.";
  status.dataset.open = String(open);
  $<HTMLButtonElement>("stop-sitting").disabled = !open;
  $<HTMLButtonElement>("start-sitting").textContent = open ? "Extend sitting" : "Start sitting";
}

async function showPlan(): Promise<void> {
  const el = $("next-sitting");
  if (account === null) return;
  try {
    const plan = await requireApi().call<Plan>("GET", `/v1/plan?account=${encodeURIComponent(account)}&days=1`);
    const next = plan.accounts.find((a) => a.account === account)?.nextSitting ?? null;
    if (next === null) {
      el.textContent = "No suggested sitting in the plan.";
      return;
    }
    const from = Date.parse(next.from) - Date.parse(plan.at);
    el.textContent = `Next suggested sitting: ${describeSitting(next)}${from > 0 ? ` (in ${countdown(from)})` : " (now)"}`;
  } catch (e) {
    el.textContent = e instanceof ApiError && e.status === 404 ? "" : `The plan is not available: ${(e as Error).message}`;
  }
  void chrome.runtime.sendMessage({ type: "refresh" }).catch(() => undefined); // the badge follows
}

async function nextTask(): Promise<void> {
  if (account === null) return;
  document.body.dataset.state = "asking"; // data-state: what the panel shows (asking, task, wait, held)
  try {
    const answer = await requireApi().call<NextTask>("POST", "/v1/tasks/next", { account });
    skew = Date.parse(answer.at) - Date.now();
    current = answer;
    render();
  } finally {
    document.body.dataset.state = current?.type ?? "none";
    document.body.dataset.answers = String(Number(document.body.dataset.answers ?? 0) + 1);
  }
  schedulePoll();
}

function render(): void {
  const next = current;
  $("task").hidden = next?.type !== "task";
  $("wait").hidden = next === null || next.type === "task";
  $<HTMLFormElement>("reply-form").hidden = true;
  if (next === null) return;
  if (next.type === "task") return renderTask(next.task);
  $("wait-reason").textContent =
    next.type === "held"
      ? `Another runner (${next.by}) holds this account's task${next.until ? " until it answers or its hold ends" : ""}.`
      : next.paused
        ? `Paused: ${next.paused}`
        : next.reason;
  tick();
}

const KIND_LABEL: Record<Task["kind"], string> = {
  visit: "Visit the profile",
  connect: "Invite",
  message: "Message",
  withdraw: "Withdraw the invitation",
};

function renderTask(task: Task): void {
  const p = task.prospect;
  $("task").dataset.actionId = String(task.actionId);
  $("task").dataset.kind = task.kind;
  $("task-kind").textContent = `${KIND_LABEL[task.kind]}${task.campaign ? ` · ${task.campaign}` : ""}`;
  $("task-name").textContent = p.fullName || p.url || "(no name)";
  $("task-role").textContent = [p.title, p.company].filter((s) => s !== "").join(" at ");
  const theirs = localTime(serverNow(), p.timezone);
  $("task-local").textContent = theirs ? `Their time: ${theirs} (${p.timezone})${p.location ? ` · ${p.location}` : ""}` : p.location;
  const link = $<HTMLAnchorElement>("task-link");
  link.textContent = p.url ?? "";
  link.href = p.url ?? "";
  $<HTMLButtonElement>("open-profile").disabled = p.url === null;
  const text = taskText(task);
  $("task-text-block").hidden = text === null;
  $("task-text").textContent = text === "" ? "(no note: send the invitation without one)" : (text ?? "");
  $("task-count").textContent = text === null ? "" : `${charCount(text)} characters`;
  $("copied").textContent = "";
  $<HTMLButtonElement>("copy").disabled = !text;
  $("outcomes").replaceChildren(
    ...task.outcomes.map((o) => {
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.key = o.key;
      b.setAttribute("aria-keyshortcuts", o.key);
      const kbd = document.createElement("kbd");
      kbd.setAttribute("aria-hidden", "true");
      kbd.textContent = o.key;
      b.append(kbd, o.label);
      b.addEventListener("click", () => void act(() => report(o.key)));
      return b;
    }),
  );
}

function currentTask(): Task | null {
  return current?.type === "task" ? current.task : null;
}

async function afterAnswer(message: string): Promise<void> {
  notice.textContent = message;
  await nextTask();
  void chrome.runtime.sendMessage({ type: "refresh" }).catch(() => undefined);
}

async function report(key: string): Promise<void> {
  const task = currentTask();
  if (task === null) return;
  const r = await requireApi().call<{ result: string }>("POST", `/v1/tasks/${task.actionId}/report`, { key });
  await afterAnswer(`Recorded: ${task.prospect.fullName || "the task"}, ${r.result}.`);
}

async function skip(): Promise<void> {
  const task = currentTask();
  if (task === null) return;
  await requireApi().call("POST", `/v1/tasks/${task.actionId}/skip`);
  await afterAnswer(`Skipped ${task.prospect.fullName || "the task"} for today.`);
}

async function recordReply(): Promise<void> {
  const task = currentTask();
  if (task === null) return;
  const text = $<HTMLTextAreaElement>("reply-text").value.trim();
  await requireApi().call("POST", `/v1/tasks/${task.actionId}/reply`, text === "" ? {} : { text });
  $<HTMLTextAreaElement>("reply-text").value = "";
  await afterAnswer(`Reply recorded for ${task.prospect.fullName || "the prospect"}: their sequence stops.`);
}

async function copyText(): Promise<void> {
  const task = currentTask();
  const text = task ? taskText(task) : null;
  if (!text) return;
  try {
    await navigator.clipboard.writeText(text);
    $("copied").textContent = "Copied.";
  } catch {
    const range = document.createRange();
    range.selectNodeContents($("task-text"));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    $("copied").textContent = "Selected: press Ctrl+C.";
  }
}

/** In the active tab; when the panel is itself the active tab, in a new one (the panel stays). */
async function openProfile(): Promise<void> {
  const url = currentTask()?.prospect.url;
  if (!url) return;
  const here = await chrome.tabs.getCurrent();
  const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.id !== undefined && active.id !== here?.id) await chrome.tabs.update(active.id, { url });
  else await chrome.tabs.create({ url });
}

async function startSitting(): Promise<void> {
  if (account === null) return;
  const minutes = Number($<HTMLSelectElement>("minutes").value);
  const r = await requireApi().call<{ sitting: OpenSitting | null }>("POST", accountPath(account), { minutes });
  showSitting(r.sitting);
  await showPlan();
  await nextTask();
}

async function stopSitting(): Promise<void> {
  if (account === null) return;
  const r = await requireApi().call<{ sitting: OpenSitting | null }>("DELETE", accountPath(account));
  showSitting(r.sitting);
  await nextTask();
}

/** The countdown, once a second; at zero the next task is asked for. */
function tick(): void {
  const next = current;
  const el = $("countdown");
  if (next === null || next.type === "task") return;
  if (next.until === null) {
    el.textContent = "";
    return;
  }
  const left = Date.parse(next.until) - serverNow();
  el.textContent = countdown(left);
  if (left <= 0 && !busy && askedAt !== next.until) {
    askedAt = next.until;
    void act(nextTask);
  }
}

function schedulePoll(): void {
  if (pollTimer !== null) clearTimeout(pollTimer);
  pollTimer = null;
  if (current === null || current.type === "task") return;
  pollTimer = setTimeout(() => void act(nextTask), POLL_MS);
}

setInterval(tick, 1000);

accountSelect.addEventListener("change", () => {
  account = accountSelect.value;
  void chrome.storage.local.set({ [ACCOUNT_KEY]: account });
  notice.textContent = "";
  void act(showAccount);
});
$("start-sitting").addEventListener("click", () => void act(startSitting));
$("stop-sitting").addEventListener("click", () => void act(stopSitting));
$("check").addEventListener("click", () => void act(showAccount));
$("skip").addEventListener("click", () => void act(skip));
$("copy").addEventListener("click", () => void copyText());
$("open-profile").addEventListener("click", () => void act(openProfile));
$("replied").addEventListener("click", () => {
  $<HTMLFormElement>("reply-form").hidden = false;
  $<HTMLTextAreaElement>("reply-text").focus();
});
$("cancel-reply").addEventListener("click", () => {
  $<HTMLFormElement>("reply-form").hidden = true;
});
$<HTMLFormElement>("reply-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  void act(recordReply);
});
for (const id of ["options", "open-options"]) $(id).addEventListener("click", () => void chrome.runtime.openOptionsPage());

/** The runner's keys, when no text field has the focus: outcomes, s skip, o open, c copy, r they replied. */
document.addEventListener("keydown", (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const target = ev.target as HTMLElement | null;
  if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
  const task = currentTask();
  if (task === null) return;
  const key = ev.key.toLowerCase();
  const outcome = task.outcomes.find((o) => o.key === key);
  const press = (id: string) => {
    ev.preventDefault();
    $(id).click();
  };
  if (outcome) {
    ev.preventDefault();
    void act(() => report(outcome.key));
  } else if (key === "s") press("skip");
  else if (key === "o") press("open-profile");
  else if (key === "c") press("copy");
  else if (key === "r") press("replied");
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && ("server" in changes || "token" in changes)) void start();
});

void start();
