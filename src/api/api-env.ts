/**
 * What every route handler gets: the principal the auth middleware resolved (its workspace, and a key for rate
 * limiting and task leases) and the App bound to that workspace.
 */
import type { App } from "../app.js";
import type { WorkspaceId } from "../store/store.js";

export interface Principal {
  workspaceId: WorkspaceId;
  /** `token:<id>` (later also `session:<id>`): rate limits and runner leases are per principal. */
  key: string;
  /** How the request authenticated; cookie sessions (the dashboard) will add "session" and require CSRF. */
  via: "token";
  tokenId: number;
}

export interface ApiEnv {
  Variables: {
    principal: Principal;
    app: App;
  };
}
