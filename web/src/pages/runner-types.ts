/**
 * The task routes' JSON as the runner page reads it (generated from the OpenAPI document: api-types.ts), and
 * the small pure helpers the page needs: the server's clock, the character count, countdowns, what a reply
 * recorded with the key r did.
 */
import type { ApiSchema } from "../api-json.js";

export type Task = ApiSchema<"Task">;

export type TaskKind = Task["kind"];

export type Outcome = Task["outcomes"][number];

/** POST /v1/tasks/next; `at` is the server's clock when it answered. */
export type NextView = ApiSchema<"NextTask">;

/** GET /v1/tasks: per account, what is in progress and what comes next; `at` is the server's clock. */
export type TasksOverview = ApiSchema<"TasksOverview">;

/** GET /v1/accounts/{name}: the fields the runner uses. */
export interface AccountInfo {
  account: { name: string; timezone: string; type: "free" | "premium" | "sales_navigator" };
}

/** POST /v1/tasks/{id}/reply: what was recorded, whether the task went back and the sequence ended. */
export type TaskReplyResult = ApiSchema<"TaskReplyResult">;

/** The terminal runner's command keys (src/runner/outcome-keys.ts COMMAND_KEYS). */
export const COMMAND_KEYS = { reply: "r", skip: "s", open: "o", copy: "c", quit: "q" } as const;

/** What the key r did, in the terminal runner's words (src/runner/runner.ts reply). */
export function replyNotice(r: TaskReplyResult): string {
  if (r.reply.status === "nothing") return `Not recorded: ${r.reply.message}.`;
  const what = `Reply recorded${r.reply.reply?.text ? " with its text" : ""}.`;
  if (r.released) return `${what} The task was put back unperformed (nothing charged)${r.ended ? ": the sequence has stopped" : ""}.`;
  if (r.ended) return `${what} The sequence has stopped.`;
  return `${what} The campaign goes on after a reply: this task is still to do.`;
}

export const VERB: Record<TaskKind, string> = {
  visit: "Visit the profile",
  connect: "Connect",
  message: "Message",
  withdraw: "Withdraw the invitation",
};

/** LinkedIn's note limit by account type: 200 characters on free accounts, 300 on paid ones. */
export function noteLimitFor(type: string): number {
  return type === "free" ? 200 : 300;
}

/** Characters as linkpace counts them (core/template countCharacters): code points after NFC. */
export function countCharacters(text: string): number {
  return [...text.normalize("NFC")].length;
}

/**
 * The server's clock as seen from the browser. The server may run on a virtual clock (tests), so the offset
 * comes from a server-stamped `at` field, not from the browser's clock nor the HTTP Date header (which Node
 * stamps from the real clock). The request's midpoint is taken as the moment `at` was read.
 */
export function clockOffset(serverAt: string, sentAt: number, receivedAt: number): number {
  const at = Date.parse(serverAt);
  return Number.isNaN(at) ? 0 : at - (sentAt + receivedAt) / 2;
}

/** As the terminal shows a wait: "1h 05m" above an hour, else "3m 07s". */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m ${String(sec).padStart(2, "0")}s`;
}

/** True when a key press was typed into a field and is not meant for the runner. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable]") !== null;
}
