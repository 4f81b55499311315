/**
 * What every route handler gets: the principal the auth middleware resolved (its workspace, and a key for rate
 * limiting and task leases) and the App bound to that workspace.
 */
import type { App } from "../app.js";
import type { Instant } from "../core/time.js";
import type { WorkspaceId } from "../store/store.js";

/**
 * A bearer token (`via: "token"`, key `token:<id>`) or a dashboard session cookie (`via: "session"`, key
 * `session:<id>`, opened with token `tokenId`); cookie-authenticated writes must echo the session's CSRF token.
 */
export type Principal = TokenPrincipal | SessionPrincipal;

interface PrincipalBase {
  workspaceId: WorkspaceId;
  /** Rate limits and runner leases are per principal. */
  key: string;
  tokenId: number;
}

export interface TokenPrincipal extends PrincipalBase {
  via: "token";
}

export interface SessionPrincipal extends PrincipalBase {
  via: "session";
  sessionId: number;
  csrfToken: string;
  expiresAt: Instant;
}

export interface ApiEnv {
  Variables: {
    principal: Principal;
    app: App;
  };
}
