/**
 * Workspaces and API tokens (migration 004). A token belongs to one workspace; only its SHA-256 hash is kept,
 * so a database leak gives no usable credential. A revoked token stays listed (with its revocation time) so
 * the owner can see what was cut off.
 */
import type { Instant } from "../core/time.js";
import type { StoreContext } from "./store-context.js";
import type { WorkspaceId } from "./store.js";

export interface WorkspaceRow {
  id: WorkspaceId;
  name: string;
}

export interface ApiTokenRow {
  id: number;
  workspaceId: WorkspaceId;
  name: string;
  createdAt: Instant;
  revokedAt: Instant | null;
}

export interface ApiTokenStore {
  // Workspaces, ordered by id.
  insertWorkspace(name: string): Promise<WorkspaceRow>;
  getWorkspace(name: string): Promise<WorkspaceRow | null>;
  listWorkspaces(): Promise<WorkspaceRow[]>;
  // Tokens, ordered by id.
  insertApiToken(row: { workspaceId: WorkspaceId; name: string; hash: string; createdAt: Instant }): Promise<ApiTokenRow>;
  /** The live (not revoked) token with this hash, or null. */
  findApiToken(hash: string): Promise<ApiTokenRow | null>;
  listApiTokens(): Promise<ApiTokenRow[]>;
  /** Revokes a live token; false when there is none with that id (or it was revoked already). */
  revokeApiToken(id: number, at: Instant): Promise<boolean>;
}

type TokenDb = { id: number; workspace_id: number; name: string; created_at: number; revoked_at: number | null };

const tokenFromDb = (r: TokenDb): ApiTokenRow => ({
  id: Number(r.id),
  workspaceId: Number(r.workspace_id),
  name: r.name,
  createdAt: Number(r.created_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
});

const TOKEN_COLUMNS = ["id", "workspace_id", "name", "created_at", "revoked_at"] as const;

export function apiTokenQueries({ db }: StoreContext): ApiTokenStore {
  return {
    async insertWorkspace(name) {
      const r = await db.insertInto("workspaces").values({ name }).returningAll().executeTakeFirstOrThrow();
      return { id: Number(r.id), name: r.name };
    },
    async getWorkspace(name) {
      const r = await db.selectFrom("workspaces").selectAll().where("name", "=", name).executeTakeFirst();
      return r ? { id: Number(r.id), name: r.name } : null;
    },
    async listWorkspaces() {
      const rows = await db.selectFrom("workspaces").selectAll().orderBy("id").execute();
      return rows.map((r) => ({ id: Number(r.id), name: r.name }));
    },
    async insertApiToken(row) {
      const r = await db
        .insertInto("api_tokens")
        .values({ workspace_id: row.workspaceId, name: row.name, hash: row.hash, created_at: row.createdAt, revoked_at: null })
        .returning(TOKEN_COLUMNS)
        .executeTakeFirstOrThrow();
      return tokenFromDb(r);
    },
    async findApiToken(hash) {
      const r = await db
        .selectFrom("api_tokens")
        .select(TOKEN_COLUMNS)
        .where("hash", "=", hash)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return r ? tokenFromDb(r) : null;
    },
    async listApiTokens() {
      const rows = await db.selectFrom("api_tokens").select(TOKEN_COLUMNS).orderBy("id").execute();
      return rows.map(tokenFromDb);
    },
    async revokeApiToken(id, at) {
      const r = await db
        .updateTable("api_tokens")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
