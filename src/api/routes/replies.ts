/**
 * Replies (engine/replies.ts): the list the dashboard's Replies page shows (who, when, which account and campaign,
 * the text, handled or not), the handled toggle, and a reply learned on a task's screen: the dashboard runner's
 * and the browser companion's key `r` (engine/task-reply.ts), which records it for the task's person and, when the
 * campaign stops on reply, puts the task back unperformed and uncharged.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { LinkpaceError } from "../../core/errors.js";
import { MAX_REPLY_LENGTH } from "../../core/limits.js";
import { personName } from "../../core/prospect/person-name.js";
import { formatInstant } from "../../core/time.js";
import { replyText } from "../../engine/replies.js";
import { replyOnTask } from "../../engine/task-reply.js";
import type { ReplyFilter, ReplyListRow } from "../../store/store.js";
import type { Router } from "../router.js";
import { BoolQuery, failures, IdParam, ok, Page, PageQuery, PersonNameFields, ScopeQueryFields, strictBody } from "../schemas.js";
import { MarkResultSchema } from "./mark.js";

export const ReplySchema = z
  .object({
    id: z.number().int(),
    personId: z.number().int().openapi({ description: "the person who replied (GET /v1/persons, DELETE /v1/persons/{id})" }),
    at: z.string().openapi({ description: "when they replied (UTC)" }),
    account: z.string(),
    campaign: z.string().nullable().openapi({ description: "the campaign of the enrollment the reply came in, when known" }),
    prospect: z.object({ url: z.string(), ...PersonNameFields, company: z.string(), title: z.string() }),
    text: z.string().nullable().openapi({ description: "the reply's text, when someone pasted it (or the archive had it)" }),
    handled: z.boolean(),
    handledAt: z.string().nullable().openapi({ description: "when it was marked handled (UTC); null: not handled" }),
  })
  .openapi("Reply");

const ReplyList = z.object({ replies: z.array(ReplySchema), page: Page }).openapi("ReplyList");

const HandledBody = strictBody({ handled: z.boolean().openapi({ description: "true: handled; false: not handled (again)" }) }).openapi(
  "ReplyHandled",
);

const TaskReplyBody = strictBody({
  text: z.string().max(MAX_REPLY_LENGTH).optional().openapi({ description: "the reply's text, as pasted (optional)" }),
}).openapi("TaskReply");

const TaskReplyResult = z
  .object({
    actionId: z.number().int(),
    reply: MarkResultSchema.openapi({ description: "what was recorded for the task's person, as POST /v1/mark says it" }),
    released: z.boolean().openapi({ description: "the task was put back unperformed, nothing charged: the campaign stops on reply" }),
    ended: z.boolean().openapi({ description: 'the task\'s enrollment has ended "replied"' }),
  })
  .openapi("TaskReplyResult");

function replyJson(r: ReplyListRow): z.infer<typeof ReplySchema> {
  return {
    id: r.id,
    personId: r.personId,
    at: formatInstant(r.at),
    account: r.accountName,
    campaign: r.campaignName,
    prospect: {
      url: r.person.displayUrl,
      firstName: r.person.firstName,
      lastName: r.person.lastName,
      fullName: personName(r.person),
      company: r.person.company,
      title: r.person.title,
    },
    text: r.text,
    handled: r.handledAt !== null,
    handledAt: r.handledAt === null ? null : formatInstant(r.handledAt),
  };
}

export function registerReplyRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/replies",
      tags: ["replies"],
      summary: "Replies people sent, newest first, filtered by handled, account or campaign",
      request: {
        query: PageQuery.extend({
          ...ScopeQueryFields,
          handled: BoolQuery.optional().openapi({ param: { name: "handled", in: "query" }, type: "string", enum: ["true", "false"] }),
        }),
      },
      responses: { ...ok("one page of replies", ReplyList), ...failures(404, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const q = c.req.valid("query");
      const filter: ReplyFilter = {
        ...(q.campaign ? { campaignId: (await app.campaign(q.campaign)).id } : {}),
        ...(q.account ? { accountId: (await app.account(q.account)).id } : {}),
        ...(q.handled !== undefined ? { handled: q.handled } : {}),
      };
      const { total, rows } = await app.store.listReplies(app.ctx.workspaceId, filter, {
        offset: (q.page - 1) * q.perPage,
        limit: q.perPage,
      });
      const next = q.page * q.perPage < total ? q.page + 1 : null;
      return c.json({ replies: rows.map(replyJson), page: { number: q.page, perPage: q.perPage, total, next } }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/replies/{id}/handled",
      tags: ["replies"],
      summary: "Mark a reply handled, or not handled again",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: HandledBody } } } },
      responses: { ...ok("the reply as it stands now", ReplySchema), ...failures(404, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const { id } = c.req.valid("param");
      const { handled } = c.req.valid("json");
      const ws = app.ctx.workspaceId;
      const known = await app.store.getReply(ws, id);
      if (known === null) throw new LinkpaceError("not_found", `no reply ${id} in this workspace`);
      // Handling it again keeps when it was first handled.
      const handledAt = handled ? (known.handledAt ?? app.now()) : null;
      await app.store.setReplyHandled(ws, id, handledAt);
      return c.json(replyJson({ ...known, handledAt }), 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/tasks/{id}/reply",
      tags: ["tasks"],
      summary:
        "They replied (runner key r): record the reply for the task's person; the task goes back unperformed when the campaign stops on reply",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: TaskReplyBody } } } },
      responses: { ...ok("what was recorded, and whether the task was put back", TaskReplyResult), ...failures(404, 409, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const { id } = c.req.valid("param");
      const text = replyText(c.req.valid("json").text, "body: text");
      return c.json(await replyOnTask(app.ctx, id, text), 200);
    },
  );
}
