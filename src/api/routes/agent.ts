/**
 * The agent protocol, for executors the user runs (a browser extension, a script):
 *
 * - `POST /v1/agent/claim {account}`: the account's next due action, held for this credential until
 *   `leaseUntil` (renewed by claiming again), with `actionId` as its idempotency key; 204 with Retry-After when
 *   nothing is due (or another executor holds the account's action).
 * - `POST /v1/agent/report {actionId, result}`: records the outcome. Reporting the recorded result again is 200
 *   (`duplicate: true`); a different result, or a report for an action skipped meanwhile, is 409. Of reports
 *   that arrive at once (in several server processes too), exactly one takes effect.
 *
 * An action handed out before is never put back in the queue, since nobody knows whether it was performed: the
 * next claim for that account (after its lease ran out, after it was let go of, or a claim again by the same
 * executor, which cannot be told from one that restarted) returns the same action with `reconcile: true`, and
 * the executor must find out on LinkedIn whether it happened (then report `ok`, or what LinkedIn shows) before
 * doing anything. This is the assisted runner's rule (src/runner/runner.ts), whose logic the protocol reuses.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { LinkpaceError } from "../../core/errors.js";
import { MAX_NAME_LENGTH } from "../../core/limits.js";
import { DAY, formatInstant, SECOND } from "../../core/time.js";
import { RELEASES_KEPT } from "../../engine/answer-outcome.js";
import { Runner, TASK_LEASE } from "../../runner/runner.js";
import type { Router } from "../router.js";
import { ActionResultSchema, failures, ok, strictBody } from "../schemas.js";
import { answerTaken } from "../task-answers.js";
import { findAction, taskJson, TaskSchema } from "../task-json.js";
import { outcomeFor } from "./tasks.js";

/** When nothing is scheduled at all, how long an executor should wait before asking again. */
export const IDLE_RETRY_SECONDS = 300;

const ClaimBody = strictBody({
  account: z.string().min(1).max(MAX_NAME_LENGTH).openapi({ example: "alice" }),
  agent: z
    .string()
    .min(1)
    .max(MAX_NAME_LENGTH)
    .optional()
    .openapi({ description: "names this executor when several share a token (default: the token)" }),
}).openapi("AgentClaim");
const ReportBody = strictBody({ actionId: z.number().int().positive(), result: ActionResultSchema }).openapi("AgentReport");

export const AgentAction = TaskSchema.extend({
  idempotencyKey: z.string().openapi({ description: "the action id: perform each at most once" }),
  leaseUntil: z.string(),
  reconcile: z.boolean().openapi({ description: "a lease on this action ran out before: find out on LinkedIn whether it was performed" }),
}).openapi("AgentAction");
export const AgentReported = z
  .object({ actionId: z.number().int(), result: ActionResultSchema, duplicate: z.boolean() })
  .openapi("AgentReported");

export function registerAgentRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/agent/claim",
      tags: ["agent"],
      summary: "Claim the account's next due action, with a lease",
      request: { body: { required: true, content: { "application/json": { schema: ClaimBody } } } },
      responses: {
        ...ok("the action, its lease and idempotency key; `reconcile: true` when a lease on it ran out before", AgentAction),
        204: { description: "nothing is due: Retry-After says when to ask again, X-Linkpace-Next-At when the next action is planned" },
        ...failures(404, 422),
      },
    }),
    async (c) => {
      const app = c.var.app;
      const body = c.req.valid("json");
      const holder = body.agent === undefined ? `agent:${c.var.principal.key}` : `agent:${c.var.principal.key}:${body.agent}`;
      const now = app.now();
      // A claim for the action this executor holds already may come from one that restarted: "restart".
      const view = await new Runner(app, body.account, holder).view("restart");
      if (view.type !== "task") {
        const until = view.until;
        const seconds = until === null ? IDLE_RETRY_SECONDS : Math.max(1, Math.ceil((until - now) / SECOND));
        c.header("Retry-After", String(seconds));
        if (until !== null) c.header("X-Linkpace-Next-At", formatInstant(until));
        return c.body(null, 204);
      }
      const { task } = view;
      return c.json(
        {
          ...(await taskJson(app, task)),
          idempotencyKey: String(task.id),
          leaseUntil: formatInstant(now + TASK_LEASE),
          reconcile: view.recovered,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/agent/report",
      tags: ["agent"],
      summary: "Report a claimed action's outcome (idempotent)",
      request: { body: { required: true, content: { "application/json": { schema: ReportBody } } } },
      responses: {
        ...ok("recorded, or recorded before with the same result (`duplicate: true`)", AgentReported),
        ...failures(404, 409, 422),
      },
    }),
    async (c) => {
      const app = c.var.app;
      const { actionId, result } = c.req.valid("json");
      const action = await findAction(app, actionId);
      if (!action)
        throw new LinkpaceError(
          "not_found",
          `no action ${actionId} in this workspace (never claimed, or skipped over ${RELEASES_KEPT / DAY} days ago)`,
          [{ where: "body: actionId", message: "unknown action" }],
        );
      // A result that does not fit the action is a 422 while it is open; once answered, the answer is about that.
      if (action.open) outcomeFor(action.kind, { result });
      const { duplicate } = answerTaken(await app.engine.recordResult(actionId, result, app.now()), `action ${actionId}`);
      return c.json({ actionId, result, duplicate }, 200);
    },
  );
}
