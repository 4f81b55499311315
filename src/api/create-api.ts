/**
 * The HTTP application: security headers on everything; `/healthz`, `/openapi.json` and `/docs` open to all
 * (they show no data); `/metrics` and everything under `/v1` only with a credential (a bearer token or the
 * dashboard's session cookie, whose writes need the CSRF token), rate limited per credential; sign-in
 * (`POST /v1/session`) comes before the guard, rate limited per client address. Refused credentials (there and
 * at the guard) are counted per client address: one that fails too often gets 429 (rate-limit.ts). Errors of
 * every kind leave as problem+json.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { isLinkpaceError } from "../core/errors.js";
import type { Clock } from "../core/time.js";
import type { Store } from "../store/store.js";
import type { WebhookAllow } from "../webhooks/webhook-allow.js";
import { AppPool } from "./app-pool.js";
import { authenticate, bearerResolver } from "./auth.js";
import { csrfProtection } from "./csrf.js";
import { extensionCors, extensionTokenOnly } from "./extension-origin.js";
import { registerSessionRoutes, registerSignIn, sessionResolver } from "./session.js";
import { registerDocs } from "./docs-page.js";
import { requestLog, silentLogger, type Logger } from "./logger.js";
import { METRICS_CONTENT_TYPE, ServerMetrics } from "./metrics.js";
import { problem, problemFromError, sendProblem } from "./problem.js";
import {
  AUTH_FAILURE_LIMIT,
  AuthFailures,
  DEFAULT_RATE_LIMIT,
  memoryLimiters,
  rateLimit,
  type Limiters,
  type RateLimit,
} from "./rate-limit.js";
import { createRouter, type Router } from "./router.js";
import { registerAccountRoutes } from "./routes/accounts.js";
import { registerAgentRoutes } from "./routes/agent.js";
import { registerCampaignRoutes } from "./routes/campaigns.js";
import { registerInvitationRoutes } from "./routes/invitations.js";
import { MAX_UPLOAD_BYTES, registerProspectRoutes } from "./routes/prospects.js";
import { registerStatusRoutes } from "./routes/status.js";
import { registerPlanRoutes } from "./routes/plan.js";
import { registerSittingRoutes } from "./routes/sittings.js";
import { registerTaskRoutes } from "./routes/tasks.js";
import { registerWebhookRoutes } from "./routes/webhooks.js";
import { registerExportRoutes } from "./routes/exports.js";
import { registerAnalyticsRoutes } from "./routes/analytics.js";
import { registerCampaignPreviewRoutes } from "./routes/campaign-preview.js";
import { registerEnrollmentRoutes } from "./routes/enrollments.js";
import { registerPersonRoutes } from "./routes/persons.js";
import { ARCHIVE_IMPORT_PATH, registerImportRoutes } from "./routes/imports.js";
import { registerMarkRoutes } from "./routes/mark.js";
import { registerReplyRoutes } from "./routes/replies.js";
import { registerSuppressionRoutes } from "./routes/suppressions.js";
import { securityHeaders } from "./security-headers.js";
import { DEFAULT_WEB_ROOT, registerDashboard } from "./dashboard.js";

export interface ApiOptions {
  store: Store;
  clock: Clock;
  rateLimit?: RateLimit;
  /** Sign-ins per client address (default: session.ts's SIGN_IN_RATE_LIMIT). */
  signInRateLimit?: RateLimit;
  /** Refused credentials per client address before 429 (default: rate-limit.ts's AUTH_FAILURE_LIMIT). */
  authFailureLimit?: RateLimit;
  /** Where the limits' buckets are kept (default: this process's memory; sharedLimiters on PostgreSQL). */
  limiters?: Limiters;
  /** Request lines and unexpected errors (default: none). */
  logger?: Logger;
  /** The built dashboard (default: dist/web); null: no dashboard. */
  webRoot?: string | null;
  /** The non-public webhook targets allowed (LINKPACE_WEBHOOK_ALLOW; default: none). */
  webhookAllow?: WebhookAllow;
  /** The browser extensions (ids) whose requests are accepted, with a token (extension-origin.ts; default: none). */
  extensionIds?: readonly string[];
}

export interface Api {
  http: Router;
  pool: AppPool;
}

/** JSON bodies (documents, reports) are small; CSV uploads have their own limit (routes/prospects.ts). */
export const MAX_JSON_BYTES = 1024 * 1024;

export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "linkpace",
    version: "1",
    description:
      "linkpace's HTTP API: accounts, campaigns, enrollments, prospect and LinkedIn-archive imports, outcomes, invitations, analytics, status, tasks, the agent protocol and webhooks.",
  },
  security: [{ bearer: [] }, { cookie: [] }] as Array<Record<string, string[]>>,
};

export function createApi(opts: ApiOptions): Api {
  const pool = new AppPool(opts.store, opts.clock, opts.webhookAllow);
  const http = createRouter();
  const logger = opts.logger ?? silentLogger;
  const metrics = new ServerMetrics();
  http.use("*", metrics.middleware, requestLog(logger), securityHeaders());
  http.onError((e, c) => {
    if (isLinkpaceError(e)) return sendProblem(c, problemFromError(e));
    if (e instanceof HTTPException && e.status < 500) return sendProblem(c, problem(e.status as 400, e.message || "bad request"));
    logger.error(
      { err: e instanceof Error ? (e.stack ?? e.message) : String(e), method: c.req.method, path: c.req.path },
      "request failed",
    );
    return sendProblem(c, problem(500, "an internal error occurred; the server log has the details"));
  });
  http.notFound((c) => sendProblem(c, problem(404, `no route ${c.req.method} ${c.req.path} (see /docs)`)));

  http.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "an API token from linkpace token create",
  });
  http.openAPIRegistry.registerComponent("securitySchemes", "cookie", {
    type: "apiKey",
    in: "cookie",
    name: "lp_session",
    description: "the dashboard's session from POST /v1/session; writes also need X-CSRF-Token",
  });
  registerOpenRoutes(http, opts.store);
  const companion = extensionCors(opts.extensionIds ?? []);
  for (const path of ["/v1/*", "/metrics"]) http.use(path, companion);
  const limiters = opts.limiters ?? memoryLimiters(opts.clock);
  const failures = new AuthFailures(limiters("auth-failure", opts.authFailureLimit ?? AUTH_FAILURE_LIMIT));
  registerSignIn(http, {
    store: opts.store,
    clock: opts.clock,
    failures,
    limiters,
    ...(opts.signInRateLimit ? { rateLimit: opts.signInRateLimit } : {}),
  });

  const guard = authenticate([bearerResolver(opts.store), sessionResolver(opts.store, opts.clock)], (w) => pool.get(w), failures);
  const limit = rateLimit(limiters("request", opts.rateLimit ?? DEFAULT_RATE_LIMIT));
  for (const path of ["/v1/*", "/metrics"]) http.use(path, guard, extensionTokenOnly(), limit, csrfProtection());
  const tooLarge = (max: number) => (c: Context) => sendProblem(c, problem(413, `the request body is larger than ${max / 1024 / 1024} MB`));
  const uploads = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: (c) =>
      sendProblem(
        c,
        problem(
          413,
          `the upload is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: split the file, or import it with the CLI (linkpace prospects import, linkpace import linkedin-archive), which reads files of any size`,
        ),
      ),
  });
  const documents = bodyLimit({ maxSize: MAX_JSON_BYTES, onError: tooLarge(MAX_JSON_BYTES) });
  http.use("/v1/*", (c, next) =>
    c.req.path === "/v1/prospects/import" || c.req.path === ARCHIVE_IMPORT_PATH ? uploads(c, next) : documents(c, next),
  );

  http.openapi(
    createRoute({
      method: "get",
      path: "/metrics",
      tags: ["operations"],
      summary: "Prometheus metrics of the credential's workspace",
      responses: { 200: { description: "Prometheus text format 0.0.4", content: { "text/plain": { schema: z.string() } } } },
    }),
    async (c) => c.body(await metrics.render(c.var.app), 200, { "content-type": METRICS_CONTENT_TYPE }) as never,
  );
  registerAccountRoutes(http);
  registerCampaignRoutes(http);
  registerProspectRoutes(http);
  registerInvitationRoutes(http);
  registerStatusRoutes(http);
  registerTaskRoutes(http);
  registerSittingRoutes(http);
  registerPlanRoutes(http);
  registerAgentRoutes(http);
  registerWebhookRoutes(http);
  registerExportRoutes(http);
  registerAnalyticsRoutes(http);
  registerEnrollmentRoutes(http);
  registerPersonRoutes(http);
  registerMarkRoutes(http);
  registerReplyRoutes(http);
  registerSuppressionRoutes(http);
  registerImportRoutes(http);
  registerCampaignPreviewRoutes(http);
  registerSessionRoutes(http);

  let document: ReturnType<Router["getOpenAPI31Document"]> | null = null;
  const openApi = () => (document ??= withCsrfRefusals(http.getOpenAPI31Document(OPENAPI_CONFIG)));
  http.get("/openapi.json", (c) => c.json(openApi()));
  const webRoot = opts.webRoot === null ? null : (opts.webRoot ?? DEFAULT_WEB_ROOT);
  registerDocs(http, webRoot, () => openApi() as never);
  if (webRoot !== null) registerDashboard(http, webRoot);
  return { http, pool };
}

function registerOpenRoutes(http: Router, store: Store): void {
  http.openapi(
    createRoute({
      method: "get",
      path: "/healthz",
      tags: ["operations"],
      summary: "Liveness and database reachability (no credential)",
      security: [],
      responses: {
        200: {
          description: "the server answers and the database is reachable",
          content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } },
        },
        503: {
          description: "the database is not reachable",
          content: { "application/json": { schema: z.object({ status: z.literal("unavailable") }) } },
        },
      },
    }),
    async (c) => {
      try {
        await store.ping();
        return c.json({ status: "ok" as const }, 200);
      } catch {
        return c.json({ status: "unavailable" as const }, 503);
      }
    },
  );
}

const WRITE_METHODS = ["post", "put", "patch", "delete"];

/**
 * Every credentialed write may also be refused with 403 when it comes with the session cookie (no or a wrong
 * X-CSRF-Token, or another Origin: csrf.ts); the routes describe their own failures, this adds that one.
 */
function withCsrfRefusals<D extends { paths?: unknown }>(doc: D): D {
  const forbidden = {
    description: "with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin",
    content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
  };
  for (const ops of Object.values(
    (doc.paths ?? {}) as Record<string, Record<string, { security?: unknown[]; responses?: Record<string, unknown> }>>,
  )) {
    for (const [method, op] of Object.entries(ops)) {
      const open = Array.isArray(op.security) && op.security.length === 0;
      if (WRITE_METHODS.includes(method) && !open && op.responses) op.responses["403"] ??= forbidden;
    }
  }
  return doc;
}
