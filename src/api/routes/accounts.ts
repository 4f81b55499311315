/** /v1/accounts: list, create and replace (the CLI's account document as JSON), show with status, remove. */
import { createRoute, z } from "@hono/zod-openapi";
import { accountDocFromObject, accountDocToObject } from "../../core/campaign/index.js";
import { accountStatus } from "../../engine/account-status.js";
import { removeAccountJson } from "../../engine/removal-json.js";
import type { Router } from "../router.js";
import { BoolQuery, Document, failures, NameParam, ok, Page, PageQuery, paginate } from "../schemas.js";
import { AccountRemoved } from "./removal-schemas.js";
import { AccountStatusSchema, statusJson } from "./status.js";

const AccountList = z
  .object({
    accounts: z.array(z.object({ name: z.string(), type: z.string(), timezone: z.string(), created: z.string().nullable() })),
    page: Page,
  })
  .openapi("AccountList");
const StoredAccount = z.object({ account: Document }).openapi("StoredAccount");
const AccountWithStatus = z.object({ account: Document, status: AccountStatusSchema }).openapi("AccountWithStatus");

export { AccountList, AccountWithStatus, StoredAccount };

export function registerAccountRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/accounts",
      tags: ["accounts"],
      summary: "List sender accounts",
      request: { query: PageQuery },
      responses: { ...ok("accounts, by id", AccountList), ...failures(422) },
    }),
    async (c) => {
      const app = c.var.app;
      const rows = await app.store.listAccounts(app.ctx.workspaceId);
      const { items, page } = paginate(rows, c.req.valid("query"));
      return c.json(
        {
          accounts: items.map((a) => ({ name: a.name, type: a.doc.type, timezone: a.doc.timezone, created: a.doc.created ?? null })),
          page,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/accounts",
      tags: ["accounts"],
      summary: "Add a sender account (the account document, as JSON)",
      request: { body: { required: true, content: { "application/json": { schema: Document } } } },
      responses: {
        201: { description: "the account as stored, defaults filled in", content: { "application/json": { schema: StoredAccount } } },
        ...failures(409, 422),
      },
    }),
    async (c) => {
      const doc = accountDocFromObject(c.req.valid("json"), "body");
      const row = await c.var.app.addAccount(doc);
      return c.json({ account: accountDocToObject(row.doc) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/accounts/{name}",
      tags: ["accounts"],
      summary: "An account's settings and current status",
      request: { params: NameParam },
      responses: { ...ok("the account and its status", AccountWithStatus), ...failures(404) },
    }),
    async (c) => {
      const app = c.var.app;
      const row = await app.account(c.req.valid("param").name);
      return c.json({ account: accountDocToObject(row.doc), status: statusJson(await accountStatus(app.store, row, app.now())) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/v1/accounts/{name}",
      tags: ["accounts"],
      summary: "Replace an account's settings (the whole account document; the name cannot change)",
      description:
        "Fields left out take their defaults, as when adding. The governor's learned state (a lowered weekly budget, a pause, the counts) is kept; the engine re-decides with the new limits at once.",
      request: { params: NameParam, body: { required: true, content: { "application/json": { schema: Document } } } },
      responses: { ...ok("the account as stored, defaults filled in, and its status", AccountWithStatus), ...failures(404, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const doc = accountDocFromObject(c.req.valid("json"), "body");
      const row = await app.updateAccount(c.req.valid("param").name, doc);
      return c.json({ account: accountDocToObject(row.doc), status: statusJson(await accountStatus(app.store, row, app.now())) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/v1/accounts/{name}",
      tags: ["accounts"],
      summary: "Remove an account with its campaigns and its log, once nothing is pending",
      description:
        "Refused (409) while the account has active or paused campaigns, unless `stopCampaigns=true` stops them first; then refused while invitations are still to withdraw or tasks open (the problem says what and until when; campaigns stopped by this call stay stopped). Removing deletes the account's campaigns, enrollments, log, replies and notifications.",
      request: {
        params: NameParam,
        query: z.object({
          stopCampaigns: BoolQuery.optional().openapi({
            param: { name: "stopCampaigns", in: "query" },
            type: "string",
            enum: ["true", "false"],
          }),
        }),
      },
      responses: { ...ok("what was removed", AccountRemoved), ...failures(404, 409, 422) },
    }),
    async (c) => {
      const name = c.req.valid("param").name;
      const stopCampaigns = c.req.valid("query").stopCampaigns === true;
      return c.json(removeAccountJson(name, await c.var.app.removeAccount(name, { stopCampaigns })), 200);
    },
  );
}
