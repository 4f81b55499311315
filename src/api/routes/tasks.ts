/**
 * /v1/tasks: the assisted runner as an API (the dashboard's runner page uses it): what is due per account, the
 * next task for an account held for this credential, an outcome by key or result, skip. The logic is the
 * terminal runner's (src/runner/runner.ts); the credential is the runner.
 */
import { tasksOverview } from "../../runner/tasks-overview.js";
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.js";
import { LinkpaceError } from "../../core/errors.js";
import { MAX_NAME_LENGTH } from "../../core/limits.js";
import type { ActionKind, ActionResult } from "../../core/model.js";
import { DAY } from "../../core/time.js";
import { RELEASES_KEPT } from "../../engine/answer-outcome.js";
import { outcomeKeys } from "../../runner/outcome-keys.js";
import { Runner, SKIP_DELAY } from "../../runner/runner.js";
import type { Router } from "../router.js";
import { SittingSchema } from "./sittings.js";
import { ActionResultSchema, failures, IdParam, ok, strictBody } from "../schemas.js";
import { answerTaken } from "../task-answers.js";
import { findAction, iso, taskJson, TaskSchema as Task, type AnswerableAction } from "../task-json.js";

const AccountBody = strictBody({ account: z.string().min(1).max(MAX_NAME_LENGTH).openapi({ example: "alice" }) }).openapi("AccountRef");
const OutcomeBody = strictBody({
  key: z.string().length(1).optional().openapi({ description: "a runner key: d, a, u, w, n, x" }),
  result: ActionResultSchema.optional(),
})
  .refine((b) => (b.key === undefined) !== (b.result === undefined), { message: "give exactly one of key or result", path: ["result"] })
  .openapi("TaskOutcome");

const At = z.string().datetime().openapi({ description: "the server's clock when it answered" });
const NextTask = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("task"), at: At, recovered: z.boolean(), task: Task }),
    z.object({ type: z.literal("held"), at: At, by: z.string(), until: z.string().datetime().nullable() }),
    z.object({
      type: z.literal("wait"),
      at: At,
      until: z.string().datetime().nullable(),
      reason: z.string(),
      paused: z.string().nullable(),
    }),
  ])
  .openapi("NextTask");
const TasksOverview = z
  .object({
    at: At,
    accounts: z.array(
      z.object({
        account: z.string(),
        timezone: z.string().openapi({ description: "the account's zone, in which people read its times" }),
        pacing: z.enum(["drip", "sittings"]).openapi({ description: "sittings: tasks are handed out only during an open sitting" }),
        sitting: SittingSchema.nullable(),
        inProgress: z.array(
          z.object({
            actionId: z.number().int(),
            kind: z.string(),
            prospect: z.string().nullable(),
            since: z.string().datetime(),
            heldBy: z.string().nullable(),
            leaseUntil: z.string().datetime().nullable(),
          }),
        ),
        dueNow: z.boolean(),
        next: z.object({ kind: z.string(), at: z.string().datetime(), waitsFor: z.string().nullable() }).nullable(),
        paused: z.object({ until: z.string().datetime(), reason: z.string() }).nullable(),
      }),
    ),
  })
  .openapi("TasksOverview");
export { NextTask, TasksOverview };

async function actionOr404(app: App, id: number): Promise<AnswerableAction> {
  const action = await findAction(app, id);
  if (!action)
    throw new LinkpaceError(
      "not_found",
      `no task ${id} in this workspace (never handed out, or skipped over ${RELEASES_KEPT / DAY} days ago)`,
    );
  return action;
}

/** The result a key or result names for this kind of task, or a 422 naming the field. */
export function outcomeFor(kind: ActionKind, body: { key?: string | undefined; result?: ActionResult | undefined }): ActionResult {
  const outcomes = outcomeKeys(kind);
  const hit = body.key !== undefined ? outcomes.find((o) => o.key === body.key) : outcomes.find((o) => o.result === body.result);
  if (hit) return hit.result;
  const field = body.key !== undefined ? "key" : "result";
  const valid = outcomes.map((o) => (field === "key" ? o.key : o.result)).join(", ");
  throw new LinkpaceError("invalid_input", `not an outcome of a ${kind} task`, [
    { where: `body: ${field}`, message: `expected one of ${valid}` },
  ]);
}

export function registerTaskRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/tasks",
      tags: ["tasks"],
      summary: "What is due now per account: tasks in progress and the next action",
      request: {
        query: z.object({
          account: z
            .string()
            .min(1)
            .optional()
            .openapi({ param: { name: "account", in: "query" } }),
        }),
      },
      responses: {
        ...ok("per account: tasks in progress, whether the next is due, the next action", TasksOverview),
        ...failures(404, 422),
      },
    }),
    async (c) => {
      const { account } = c.req.valid("query");
      return c.json(await tasksOverview(c.var.app, account), 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/tasks/next",
      tags: ["tasks"],
      summary: "The account's next task, held for this credential (as `linkpace work` shows it)",
      request: { body: { required: true, content: { "application/json": { schema: AccountBody } } } },
      responses: { ...ok("{type: task | held | wait, at: the server's time}", NextTask), ...failures(404, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const { account } = c.req.valid("json");
      const view = await new Runner(app, account, c.var.principal.key).view();
      // `at`: the server's time, for countdowns on a client whose clock differs.
      const at = iso(app.now());
      if (view.type === "task")
        return c.json({ type: "task", at, recovered: view.recovered, task: await taskJson(app, view.task, view) }, 200);
      if (view.type === "held") return c.json({ type: "held", at, by: view.by, until: iso(view.until) }, 200);
      return c.json({ type: "wait", at, until: iso(view.until), reason: view.reason, paused: view.paused }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/tasks/{id}/report",
      tags: ["tasks"],
      summary: "Record what happened on LinkedIn, by runner key or result",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: OutcomeBody } } } },
      responses: { ...ok("recorded"), ...failures(404, 409, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const task = await actionOr404(app, c.req.valid("param").id);
      const result = outcomeFor(task.kind, c.req.valid("json"));
      const { duplicate } = answerTaken(await app.engine.recordResult(task.id, result, app.now()), `task ${task.id}`);
      return c.json({ actionId: task.id, result, duplicate }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/tasks/{id}/skip",
      tags: ["tasks"],
      summary: "Skip a task today: nothing is charged, the prospect comes back tomorrow",
      request: { params: IdParam },
      responses: { ...ok("skipped, or skipped before (`duplicate: true`)"), ...failures(404, 409) },
    }),
    async (c) => {
      const app = c.var.app;
      const task = await actionOr404(app, c.req.valid("param").id);
      const { duplicate } = answerTaken(await app.engine.releaseTask(task.id, app.now(), { delay: SKIP_DELAY }), `task ${task.id}`);
      return c.json({ actionId: task.id, skipped: true, duplicate }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/tasks/{id}/release",
      tags: ["tasks"],
      summary: "Stop showing a task (quitting the runner): it stays in progress for the next runner, no outcome recorded",
      request: { params: IdParam },
      responses: { ...ok("released"), ...failures(404) },
    }),
    async (c) => {
      const app = c.var.app;
      const task = await actionOr404(app, c.req.valid("param").id);
      return c.json({ actionId: task.id, released: await app.store.letGoTask(task.id, c.var.principal.key) }, 200);
    },
  );
}
