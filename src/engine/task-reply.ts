/**
 * A reply learned on a task's screen (the runner's key `r`, `POST /v1/tasks/{id}/reply`), recorded for the task's
 * person and account as `linkpace mark PERSON replied` records it. When the campaign stops on reply, the task on
 * screen is first put back unperformed and uncharged (Engine.releaseTask) and the reply then ends the sequence,
 * in one transaction, so no runner is ever handed that task again. Every kind of task goes back, a visit too: the
 * reply ends the enrollment whatever its next step was. When the campaign goes on after a reply, the task stays
 * on screen to be done.
 */
import { LinkpaceError } from "../core/errors.js";
import { formatInstant } from "../core/time.js";
import { readAction } from "./answer-outcome.js";
import type { EngineContext } from "./context.js";
import { Engine } from "./engine.js";
import { markPerson, type MarkResult } from "./mark.js";

export interface TaskReplyResult {
  actionId: number;
  /** What was recorded for the task's person (as `linkpace mark PERSON replied` says it). */
  reply: MarkResult;
  /** The task was put back unperformed (nothing charged): the campaign stops on reply. */
  released: boolean;
  /** The task's enrollment has ended "replied". */
  ended: boolean;
}

/**
 * The reply of the person of task `actionId`, learned on its screen, with its text (already checked by
 * replyText). A 404 for an action this workspace never handed out, a 409 for one put back since (its person is
 * no longer known from it: `linkpace mark` records the reply then).
 */
export async function replyOnTask(ctx: EngineContext, actionId: number, text: string | null): Promise<TaskReplyResult> {
  return ctx.store.transaction(async (tx) => {
    const txCtx: EngineContext = { ...ctx, store: tx };
    const engine = new Engine(txCtx);
    const now = ctx.clock.now();
    const { action, released } = await readAction(tx, actionId);
    if (released !== null && released.workspaceId === ctx.workspaceId)
      throw new LinkpaceError(
        "conflict",
        `task ${actionId} was put back at ${formatInstant(released.at)}: record the reply with linkpace mark PERSON replied (or POST /v1/mark)`,
      );
    if (action?.type !== "action" || action.workspaceId !== ctx.workspaceId || action.personId === null)
      throw new LinkpaceError("not_found", `no task ${actionId} in this workspace`);
    await tx.lockAccount(action.accountId);
    const enrollment = action.enrollmentId === null ? null : await tx.getEnrollment(action.enrollmentId);
    const campaign = enrollment === null ? null : await ctx.campaigns.get(enrollment.campaignId, tx);
    let put = false;
    if (action.result === null && campaign?.doc.stopOnReply === true && enrollment?.leaseActionId === action.id) {
      put = (await engine.releaseTask(action.id, now, { delay: 0 })).type === "recorded";
    }
    const person = await tx.getPerson(action.personId);
    const account = await tx.getAccountById(action.accountId);
    if (person === null || account === null) throw new LinkpaceError("not_found", `task ${actionId}: its person or account is gone`);
    const reply = await markPerson(txCtx, engine, {
      person: person.displayUrl,
      outcome: "replied",
      account: account.name,
      ...(text !== null ? { text } : {}),
    });
    const after = enrollment === null ? null : await tx.getEnrollment(enrollment.id);
    return { actionId, reply, released: put, ended: after?.status === "done" && after.endReason === "replied" };
  });
}
