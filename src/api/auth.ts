/**
 * Credentials. An API token is `lp_` and 32 random bytes in base64url; only its SHA-256 hash is stored
 * (store/api-tokens.ts), so it is shown once, when created. The middleware tries each credential resolver in
 * turn (the bearer token, then the dashboard's session cookie of session.ts, whose writes csrf.ts checks) and
 * answers 401 when none yields a principal. Nothing under /v1 is served without one. A refused credential
 * counts against the client's address, which gets 429 once it has failed too often (rate-limit.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { App } from "../app.js";
import type { Instant } from "../core/time.js";
import type { Store, WorkspaceId } from "../store/store.js";
import type { ApiTokenRow } from "../store/api-tokens.js";
import type { ApiEnv, Principal } from "./api-env.js";
import { problem, sendProblem } from "./problem.js";
import type { AuthFailures } from "./rate-limit.js";

export const TOKEN_PREFIX = "lp_";
/** The dashboard's session cookie (session.ts). */
export const SESSION_COOKIE = "lp_session";

export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Creates a token in a workspace; the returned `token` is the only time the secret exists outside the client. */
export async function createToken(
  store: Store,
  input: { workspaceId: WorkspaceId; name: string; now: Instant },
): Promise<{ token: string; row: ApiTokenRow }> {
  const token = generateToken();
  const row = await store.insertApiToken({
    workspaceId: input.workspaceId,
    name: input.name,
    hash: hashToken(token),
    createdAt: input.now,
  });
  return { token, row };
}

/** Finds who a request is from; null when this resolver's credential is absent or invalid. */
export type CredentialResolver = (c: Context) => Promise<Principal | null>;

export function bearerResolver(store: Store): CredentialResolver {
  return async (c) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
    if (!m || !m[1]!.startsWith(TOKEN_PREFIX)) return null;
    const row = await store.findApiToken(hashToken(m[1]!));
    return row ? { workspaceId: row.workspaceId, key: `token:${row.id}`, via: "token", tokenId: row.id } : null;
  };
}

export function authenticate(
  resolvers: CredentialResolver[],
  appFor: (workspaceId: WorkspaceId) => App,
  failures: AuthFailures,
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const refused = await failures.refusal(c);
    if (refused) return refused;
    for (const resolve of resolvers) {
      const principal = await resolve(c);
      if (principal) {
        c.set("principal", principal);
        c.set("app", appFor(principal.workspaceId));
        return next();
      }
    }
    const given = c.req.header("authorization") !== undefined;
    const cookie = (c.req.header("cookie") ?? "").includes(`${SESSION_COOKIE}=`);
    if (given || cookie) await failures.record(c);
    const detail = given
      ? "the credential is not valid (unknown or revoked token): create one with linkpace token create --name NAME"
      : cookie
        ? "the session has ended (expired, signed out, or its token revoked): sign in again with POST /v1/session"
        : "this route needs a credential: send Authorization: Bearer <token> (create one with linkpace token create --name NAME)";
    return sendProblem(c, problem(401, detail), { "WWW-Authenticate": 'Bearer realm="linkpace"' });
  };
}
