/**
 * What the terminal runner shows: plain text lines, rendered from a RunnerView.
 */
import { personName } from "../../core/prospect/person-name.js";
import { countCharacters } from "../../core/template/index.js";
import { formatLocalTime, localMinuteOfDay, localWeekday } from "../../core/schedule/index.js";
import type { Instant } from "../../core/time.js";
import { COMMAND_KEYS, outcomeKeys } from "./outcome-keys.js";
import type { RunnerView } from "./runner.js";

const VERB: Record<string, string> = {
  visit: "VISIT the profile",
  connect: "CONNECT",
  message: "MESSAGE",
  withdraw: "WITHDRAW the invitation",
};

export function taskText(view: Extract<RunnerView, { type: "task" }>): string {
  return view.task.kind === "connect" ? (view.task.note ?? "") : view.task.kind === "message" ? (view.task.text ?? "") : "";
}

/** The header line: the runner, its workspace (when not the default one) and the time in the account's zone. */
export function renderHeader(now: Instant, zone: string, workspace: string | null): string {
  return `linkpace work${workspace === null ? "" : ` (workspace ${workspace})`}: ${formatLocalTime(now, zone)}`;
}

/** The screen below the header; `zone` is the account's, in which its times are shown. */
export function renderView(view: RunnerView, now: Instant, notice: string | null, zone: string, sitting: string | null = null): string[] {
  const lines: string[] = [];
  if (notice) lines.push(notice, "");
  if (sitting) lines.push(sitting, "");
  if (view.type === "held") {
    lines.push(
      `Another runner (${view.by}) is showing this account's task${view.until ? ` until ${formatLocalTime(view.until, zone)}` : ""}.`,
      "Waiting for it to finish… (q to quit)",
    );
    return lines;
  }
  if (view.type === "wait") {
    if (view.paused) lines.push(`PAUSED: ${view.paused}`);
    if (view.until === null) lines.push(`Nothing to do now: ${view.reason}.`);
    else lines.push(`Next task in ${countdown(view.until - now)} (at ${formatLocalTime(view.until, zone)}), waiting for: ${view.reason}.`);
    lines.push("", "q to quit");
    return lines;
  }
  return [...lines, ...renderTask(view, now)];
}

function renderTask(view: Extract<RunnerView, { type: "task" }>, now: Instant): string[] {
  const { task, person, account } = view;
  const lines: string[] = [];
  if (view.recovered) lines.push("A runner stopped while showing this task. Did you already do it on LinkedIn? Report what happened:", "");
  const name = person ? personName(person) || "(no name)" : "(unknown person)";
  lines.push(
    `${VERB[task.kind] ?? task.kind}  ${name}${person?.title ? `, ${person.title}` : ""}${person?.company ? ` at ${person.company}` : ""}`,
  );
  const zone = task.prospectTz ?? account.doc.timezone;
  lines.push(
    `  their time: ${localWeekday(zone, now)} ${hhmm(localMinuteOfDay(zone, now))} (${zone})   campaign: ${view.campaign ?? "-"}   account: ${account.name}`,
  );
  lines.push(`  profile:    ${task.prospect ?? person?.displayUrl ?? "-"}`);
  const text = taskText(view);
  if (task.kind === "connect" || task.kind === "message") {
    const limit = task.kind === "connect" ? ` / ${account.doc.noteMaxLength}` : "";
    lines.push(
      task.kind === "connect" && text === ""
        ? "  note:       (send without a note)"
        : `  ${task.kind === "connect" ? "note" : "text"} (${countCharacters(text)}${limit} characters):`,
    );
    if (text !== "") lines.push(...text.split("\n").map((l) => `    ${l}`));
  }
  lines.push(
    "",
    ...outcomeKeys(task.kind as never).map((o) => `  [${o.key}] ${o.label}`),
    ...COMMAND_KEYS.map((c) => `  [${c.key}] ${c.label}`),
  );
  return lines;
}

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m ${String(sec).padStart(2, "0")}s`;
}
