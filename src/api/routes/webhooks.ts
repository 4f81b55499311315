/** /v1/webhooks: list, add (the signing secret is shown once), remove, and each webhook's delivery log. */
import { createRoute, z } from "@hono/zod-openapi";
import { LinkpaceError } from "../../core/errors.js";
import { MAX_SECRET_LENGTH, MAX_URL_LENGTH } from "../../core/limits.js";
import { NOTIFICATION_KINDS } from "../../core/notifications.js";
import { formatInstant } from "../../core/time.js";
import type { App } from "../../app.js";
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookRow } from "../../store/webhooks.js";
import { deliveryJson } from "../../webhooks/delivery-json.js";
import { generateSecret } from "../../webhooks/signing.js";
import { parseWebhookUrl } from "../../webhooks/webhook-config.js";
import type { Router } from "../router.js";
import { failures, IdParam, ok, strictBody } from "../schemas.js";

const webhookJson = (w: WebhookRow) => ({ id: w.id, url: w.url, events: w.events, createdAt: formatInstant(w.createdAt) });

const NewWebhookBody = strictBody({
  url: z.string().min(1).max(MAX_URL_LENGTH).openapi({ example: "https://example.com/hooks/linkpace" }),
  events: z
    .array(z.enum([...NOTIFICATION_KINDS, "all"] as [string, ...string[]]))
    .min(1)
    .max(NOTIFICATION_KINDS.length + 1),
  secret: z
    .string()
    .trim()
    .min(1)
    .max(MAX_SECRET_LENGTH)
    .optional()
    .openapi({ description: "the HMAC-SHA256 signing secret (default: generated, returned once)" }),
}).openapi("NewWebhook");

async function webhookOr404(app: App, id: number): Promise<WebhookRow> {
  const row = await app.store.getWebhook(id);
  if (!row || row.workspaceId !== app.ctx.workspaceId)
    throw new LinkpaceError("not_found", `no webhook ${id} in this workspace (see GET /v1/webhooks)`);
  return row;
}

export function registerWebhookRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/webhooks",
      tags: ["webhooks"],
      summary: "List webhooks (never their secrets)",
      responses: { ...ok("webhooks, by id"), ...failures() },
    }),
    async (c) => {
      const app = c.var.app;
      return c.json({ webhooks: (await app.store.listWebhooks(app.ctx.workspaceId)).map(webhookJson) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/webhooks",
      tags: ["webhooks"],
      summary: "Add a webhook; it receives notifications written from now on",
      request: { body: { required: true, content: { "application/json": { schema: NewWebhookBody } } } },
      responses: {
        201: {
          description: "the webhook and its signing secret (shown only now)",
          content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
        },
        ...failures(422),
      },
    }),
    async (c) => {
      const app = c.var.app;
      const body = c.req.valid("json");
      let url: string;
      try {
        url = parseWebhookUrl(body.url, app.webhookAllow);
      } catch (e) {
        throw new LinkpaceError("invalid_input", "invalid webhook", [{ where: "body: url", message: (e as Error).message }]);
      }
      const events = body.events.includes("all") ? [...NOTIFICATION_KINDS] : NOTIFICATION_KINDS.filter((k) => body.events.includes(k));
      const secret = body.secret ?? generateSecret();
      const row = await app.store.insertWebhook({ workspaceId: app.ctx.workspaceId, url, events, secret, createdAt: app.now() });
      return c.json({ webhook: { ...webhookJson(row), secret } }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/v1/webhooks/{id}",
      tags: ["webhooks"],
      summary: "Remove a webhook and its delivery log",
      request: { params: IdParam },
      responses: { ...ok("removed"), ...failures(404) },
    }),
    async (c) => {
      const app = c.var.app;
      const row = await webhookOr404(app, c.req.valid("param").id);
      if (!(await app.store.deleteWebhook(row.id))) throw new LinkpaceError("not_found", `no webhook ${row.id} in this workspace`);
      return c.json({ removed: webhookJson(row) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/webhooks/{id}/deliveries",
      tags: ["webhooks"],
      summary: "A webhook's delivery log, newest first",
      request: {
        params: IdParam,
        query: z.object({
          status: z
            .enum(DELIVERY_STATUSES as [DeliveryStatus, ...DeliveryStatus[]])
            .optional()
            .openapi({ param: { name: "status", in: "query" } }),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(1000)
            .default(100)
            .openapi({ param: { name: "limit", in: "query" } }),
        }),
      },
      responses: { ...ok("deliveries"), ...failures(404, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const hook = await webhookOr404(app, c.req.valid("param").id);
      const { status, limit } = c.req.valid("query");
      const rows = await app.store.listDeliveries(app.ctx.workspaceId, { webhookId: hook.id, limit, ...(status ? { status } : {}) });
      return c.json({ deliveries: rows.map(deliveryJson) }, 200);
    },
  );
}
