/**
 * The assisted runner's logic, without terminal I/O (shared by `linkpace work` and the API's task and agent
 * routes): what to show an account's owner now (a task, a task held
 * by another runner, or a wait with its reason), and what a key does. Every task is done at most once: a task
 * is held through a lease, a result is recorded only while none is, and a task left by a runner that stopped
 * is never put back in the queue: the next runner asks the owner whether it was done.
 */
import type { App } from "../app.js";
import { formatLocalTime } from "../core/schedule/index.js";
import { formatDuration, formatInstant, DAY, type Instant } from "../core/time.js";
import { accountStatus } from "../engine/account-status.js";
import { RELEASES_KEPT, type AnswerOutcome, type FirstAnswer } from "../engine/answer-outcome.js";
import { TASK_LEASE } from "../engine/claim.js";
import { replyText } from "../engine/replies.js";
import { replyOnTask } from "../engine/task-reply.js";
import type { AccountRow, PersonRow, TaskHold, TaskRow } from "../store/store.js";
import { outcomeKeys } from "./outcome-keys.js";

export { TASK_LEASE };
/** A skipped task's prospect comes back after this. */
export const SKIP_DELAY = DAY;

export type RunnerView =
  | { type: "task"; task: TaskRow; person: PersonRow | null; campaign: string | null; recovered: boolean; account: AccountRow }
  | { type: "held"; by: string; until: Instant | null }
  | { type: "wait"; until: Instant | null; reason: string; paused: string | null };

export class Runner {
  constructor(
    private readonly app: App,
    private readonly accountName: string,
    readonly id: string,
  ) {}

  /**
   * What to show now: takes (or renews) this runner's hold on the account's open task, or claims the next one.
   * `repeat`: what taking the task this runner holds already means (Store.takeTask): "refresh" for a runner
   * renewing the task on its screen, "restart" for an agent, whose claim may come from a process that restarted.
   */
  async view(repeat: TaskHold["repeat"] = "refresh"): Promise<RunnerView> {
    const now = this.app.now();
    const account = await this.app.account(this.accountName);
    let open = (await this.app.store.openTasks(account.id))[0];
    // An action the engine loop (linkpace serve) handed over that no runner ever held was certainly not
    // performed: it goes back and is decided afresh now, so it is charged, paced, and kept inside the working
    // hours as of when it is done, and a pause since then applies.
    if (open && isUnheld(open) && (await this.app.engine.releaseTask(open.id, now, { delay: 0, unheldOnly: true })).type !== "held")
      open = undefined;
    if (open) return this.holdTask(account, open, { now, repeat });
    const claimed = await this.app.engine.claimOrWait(account.id, now, { by: this.id, until: now + TASK_LEASE });
    if (claimed.request) {
      const actionId = claimed.request.actionId;
      const task = (await this.app.store.openTasks(account.id)).find((t) => t.id === actionId);
      if (task) return this.describe(account, task);
    }
    // The loop may have handed one over in between: it is just as fresh.
    const raced = (await this.app.store.openTasks(account.id))[0];
    if (raced) return this.holdTask(account, raced, { now, repeat });
    // The claim's transaction just wrote the account's state and read its due times: no need to read them again.
    const status = claimed.wait
      ? await accountStatus(this.app.store, claimed.wait.account, now, claimed.wait.ready)
      : await accountStatus(this.app.store, await this.app.account(this.accountName), now);
    const paused = status.paused
      ? `paused until ${formatLocalTime(status.paused.until, account.doc.timezone)}: ${status.paused.reason}`
      : null;
    if (!status.next) return { type: "wait", until: null, reason: "no prospect is due (import prospects or wait for acceptances)", paused };
    return { type: "wait", until: status.next.at, reason: status.next.waitsFor ?? "the next action's time", paused };
  }

  private async holdTask(account: AccountRow, task: TaskRow, hold: Pick<TaskHold, "now" | "repeat">): Promise<RunnerView> {
    const taken = await this.app.store.takeTask(task.id, { ...hold, by: this.id, until: hold.now + TASK_LEASE });
    if (!taken) return { type: "held", by: task.claimedBy ?? "another runner", until: task.leaseUntil };
    return this.describe(account, taken);
  }

  /** The task on screen; `recovered` (ask whether it was done) is what taking it made of its `reconcile`. */
  private async describe(account: AccountRow, task: TaskRow): Promise<RunnerView> {
    const recovered = task.reconcile;
    const person = task.personId === null ? null : await this.app.store.getPerson(task.personId);
    // A campaign's name never changes (nor is a campaign ever deleted): the engine's cache of campaigns has it.
    const campaign = task.campaignId === null ? null : ((await this.app.ctx.campaigns.find(task.campaignId))?.name ?? null);
    return { type: "task", task, person, campaign, recovered, account };
  }

  /** Records the owner's outcome for the task on screen; a message when it could not be recorded. */
  async report(task: TaskRow, key: string): Promise<{ ok: true; label: string } | { ok: false; message: string }> {
    const outcome = outcomeKeys(task.kind as never).find((o) => o.key === key);
    if (!outcome) return { ok: false, message: `"${key}" is not an outcome of this task` };
    const recorded = await this.app.engine.recordResult(task.id, outcome.result, this.app.now());
    return recorded.type === "recorded"
      ? { ok: true, label: outcome.label }
      : { ok: false, message: notTakenMessage(recorded, "this task") };
  }

  /** Skips the task on screen (it comes back after SKIP_DELAY, nothing charged); what to tell the owner. */
  async skip(task: TaskRow): Promise<string> {
    const skipped = await this.app.engine.releaseTask(task.id, this.app.now(), { delay: SKIP_DELAY });
    return skipped.type === "recorded"
      ? `skipped; this prospect comes back in ${formatDuration(SKIP_DELAY)}`
      : notTakenMessage(skipped, "this task");
  }

  /** Records that the task's person replied, with the pasted text (engine/task-reply.ts); what to tell the owner. */
  async reply(task: TaskRow, pasted: string): Promise<string> {
    const r = await replyOnTask(this.app.ctx, task.id, replyText(pasted, "the reply's text"));
    const what =
      r.reply.status === "nothing" ? `Not recorded: ${r.reply.message}.` : `Reply recorded${r.reply.reply?.text ? " with its text" : ""}.`;
    if (r.released) return `${what} The task was put back unperformed (nothing charged): the sequence has stopped.`;
    return r.reply.status === "nothing" ? what : `${what} The campaign goes on after a reply: this task is still to do.`;
  }

  /** Lets go of the task on screen (quitting): it stays in flight for the next runner. */
  async letGo(task: TaskRow | null): Promise<void> {
    if (task) await this.app.store.letGoTask(task.id, this.id);
  }
}

/**
 * Why an answer (a result or a skip) for `what` ("this task", "action 12") did not take effect: the one wording
 * for the terminal runner and the API's 409s.
 */
export function notTakenMessage(outcome: Exclude<AnswerOutcome, { type: "recorded" }>, what: string): string {
  switch (outcome.type) {
    case "duplicate":
      return `${what} was already recorded with this result`;
    case "conflict":
      return conflictMessage(outcome.first, what);
    case "gone":
      return `${what} is not in progress: it was never handed out, or put back over ${RELEASES_KEPT / DAY} days ago`;
    case "held":
      return `${what} is held by another runner`;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

function conflictMessage(first: FirstAnswer, what: string): string {
  if (first.type === "result") return `${what} was already recorded as ${first.result}; a different answer cannot replace it`;
  const how = first.reason === "skipped" ? "skipped" : "put back unperformed (nobody had taken it)";
  return `${what} was ${how} at ${formatInstant(first.at)}: it will be handed out again as a new action, so no result can be recorded for this one`;
}

/** Never held by any runner: handed over by the engine loop and not shown to anyone since. */
function isUnheld(task: TaskRow): boolean {
  return task.claimedBy === null && task.leaseUntil === null;
}
