/**
 * The dashboard's sign-in. `POST /v1/session` trades an API token for a session: an HttpOnly, SameSite=Strict
 * cookie `lp_session` holding a random secret (stored hashed, store/sessions.ts) and a CSRF token returned in
 * the body, which writes must echo (csrf.ts). A session lasts 7 days from sign-in, however much it is used, and
 * ends sooner at sign-out or when its token is revoked. The cookie is the second credential resolver of
 * auth.ts's chain, after the bearer token.
 *
 * Sign-in needs no credential, so it is registered before the guard with its own defences: a small body limit,
 * an Origin check (no signing a victim into someone else's workspace from another site), and a rate limit per
 * client address (rate-limit.ts's clientAddress). A refused token also counts as a failed authentication of
 * that address, shared with the guard's count (AuthFailures), so sign-in is no way around that limit.
 */
import { randomBytes } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import { MAX_SECRET_LENGTH } from "../core/limits.js";
import { DAY, formatInstant, type Clock } from "../core/time.js";
import type { Store, WorkspaceId } from "../store/store.js";
import { hashToken, SESSION_COOKIE, TOKEN_PREFIX, type CredentialResolver } from "./auth.js";
import { CSRF_HEADER, crossOriginRefusal, isHttps } from "./csrf.js";
import { problem, sendProblem } from "./problem.js";
import { clientAddress, tooManyRequests, type AuthFailures, type Limiters, type RateLimit } from "./rate-limit.js";
import type { Router } from "./router.js";
import { failures, Problem, strictBody } from "./schemas.js";

export const SESSION_TTL_MS = 7 * DAY;

/** Sign-ins per client address: 10 at once, then one every 6 seconds. */
export const SIGN_IN_RATE_LIMIT: RateLimit = { burst: 10, perSecond: 1 / 6 };

const MAX_SIGN_IN_BYTES = 4096;

/** `lp_session=<secret>; Max-Age=<s>; Path=/; HttpOnly; SameSite=Strict`, with `Secure` over https. */
function setSessionCookie(c: Context, value: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, value, { maxAge: maxAgeSeconds, path: "/", httpOnly: true, secure: isHttps(c), sameSite: "Strict" });
}

function readSessionCookie(c: Context): string | null {
  return getCookie(c, SESSION_COOKIE) || null;
}

export function sessionResolver(store: Store, clock: Clock): CredentialResolver {
  return async (c) => {
    const secret = readSessionCookie(c);
    if (secret === null) return null;
    const s = await store.findSession(hashToken(secret), clock.now());
    return s
      ? {
          workspaceId: s.workspaceId,
          key: `session:${s.id}`,
          via: "session",
          tokenId: s.tokenId,
          sessionId: s.id,
          csrfToken: s.csrfToken,
          expiresAt: s.expiresAt,
        }
      : null;
  };
}

async function workspaceJson(store: Store, id: WorkspaceId): Promise<{ id: number; name: string }> {
  const w = (await store.listWorkspaces()).find((x) => x.id === id);
  return { id, name: w?.name ?? String(id) };
}

const Workspace = z.object({ id: z.number().int(), name: z.string() });
const SignInBody = strictBody({
  token: z
    .string()
    .min(1)
    .max(MAX_SECRET_LENGTH)
    .openapi({ example: "lp_…", description: "an API token (linkpace token create --name NAME)" }),
}).openapi("SignIn");
const SignedIn = z
  .object({
    workspace: Workspace,
    csrfToken: z.string().openapi({ description: `send it back as ${CSRF_HEADER} on every write` }),
    expiresAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("SignedIn");
const SessionInfo = z
  .object({
    workspace: Workspace,
    via: z.enum(["token", "session"]),
    csrfToken: z.string().nullable().openapi({ description: "null when the request used a bearer token" }),
    expiresAt: z.string().nullable().openapi({ format: "date-time", description: "null when the request used a bearer token" }),
  })
  .openapi("Session");

const problemOf = (description: string) => ({ description, content: { "application/problem+json": { schema: Problem } } });

/** POST /v1/session: to be registered before the credential guard. */
export function registerSignIn(
  r: Router,
  opts: { store: Store; clock: Clock; failures: AuthFailures; limiters: Limiters; rateLimit?: RateLimit },
): void {
  const { store, clock, failures } = opts;
  const buckets = opts.limiters("sign-in", opts.rateLimit ?? SIGN_IN_RATE_LIMIT);
  const limits = bodyLimit({
    maxSize: MAX_SIGN_IN_BYTES,
    onError: (c) => sendProblem(c, problem(413, `the request body is larger than ${MAX_SIGN_IN_BYTES} bytes`)),
  });
  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/session",
      tags: ["session"],
      summary: "Sign in with an API token: sets the session cookie, returns the CSRF token (no credential)",
      security: [],
      middleware: [
        async (c, next) => {
          const wait = await buckets.take(clientAddress(c));
          if (wait > 0) return tooManyRequests(c, wait, "too many sign-ins from this address");
          return (await failures.refusal(c)) ?? crossOriginRefusal(c) ?? limits(c, next);
        },
      ] as const,
      request: { body: { required: true, content: { "application/json": { schema: SignInBody } } } },
      responses: {
        201: {
          description: `signed in: Set-Cookie ${SESSION_COOKIE} (HttpOnly, SameSite=Strict, Path=/, Max-Age; Secure over https)`,
          content: { "application/json": { schema: SignedIn } },
        },
        401: problemOf("the token is unknown or revoked"),
        403: problemOf("the Origin header names another origin"),
        413: problemOf("the body is too large"),
        422: problemOf("invalid input: `errors` names each field"),
        429: problemOf("too many sign-ins, or failed authentications, from this address: see Retry-After"),
      },
    }),
    async (c) => {
      const { token } = c.req.valid("json");
      const row = token.startsWith(TOKEN_PREFIX) ? await store.findApiToken(hashToken(token)) : null;
      if (!row) {
        await failures.record(c);
        return sendProblem(
          c,
          problem(401, "the token is not valid (unknown or revoked): create one with linkpace token create --name NAME"),
        ) as never;
      }
      const now = clock.now();
      await store.deleteEndedSessions(now);
      const secret = randomBytes(32).toString("base64url");
      const session = await store.insertSession({
        workspaceId: row.workspaceId,
        tokenId: row.id,
        hash: hashToken(secret),
        csrfToken: randomBytes(32).toString("base64url"),
        createdAt: now,
        expiresAt: now + SESSION_TTL_MS,
      });
      setSessionCookie(c, secret, SESSION_TTL_MS / 1000);
      return c.json(
        {
          workspace: await workspaceJson(store, row.workspaceId),
          csrfToken: session.csrfToken,
          expiresAt: formatInstant(session.expiresAt),
        },
        201,
      );
    },
  );
}

/** GET and DELETE /v1/session: behind the credential guard and the CSRF check. */
export function registerSessionRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/session",
      tags: ["session"],
      summary: "Who this credential is: its workspace, and the session's CSRF token and expiry",
      security: [{ bearer: [] }, { cookie: [] }],
      responses: {
        200: { description: "the credential's workspace and session", content: { "application/json": { schema: SessionInfo } } },
        ...failures(),
      },
    }),
    async (c) => {
      const p = c.var.principal;
      const workspace = await workspaceJson(c.var.app.store, p.workspaceId);
      return c.json(
        {
          workspace,
          via: p.via,
          csrfToken: p.via === "session" ? p.csrfToken : null,
          expiresAt: p.via === "session" ? formatInstant(p.expiresAt) : null,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/v1/session",
      tags: ["session"],
      summary: `Sign out: revokes the session and clears its cookie (needs ${CSRF_HEADER})`,
      security: [{ cookie: [] }],
      request: {
        headers: z.object({
          [CSRF_HEADER.toLowerCase()]: z
            .string()
            .optional()
            .openapi({
              param: { name: CSRF_HEADER.toLowerCase(), in: "header" },
              description: "the session's csrfToken (required with the cookie)",
            }),
        }),
      },
      responses: { 204: { description: "signed out: Set-Cookie clears the cookie" }, ...failures(403, 409) },
    }),
    async (c) => {
      const p = c.var.principal;
      if (p.via !== "session")
        return sendProblem(
          c,
          problem(
            409,
            "this request used an API token, not a session cookie: there is no session to end (revoke a token with linkpace token revoke ID)",
          ),
        ) as never;
      await c.var.app.store.revokeSession(p.sessionId, c.var.app.now());
      setSessionCookie(c, "", 0);
      return c.body(null, 204);
    },
  );
}
