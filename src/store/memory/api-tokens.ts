/**
 * Workspaces and API tokens of the memory store (../api-tokens.ts is the SQL one). A second workspace of the same
 * name is refused by workspaces_name, as by the SQL's unique index (the error as is, as the SQL module leaves it).
 */
import type { Selectable } from "kysely";
import type { ApiTokenRow, ApiTokenStore } from "../api-tokens.js";
import type { ApiTokensTable } from "../schema.js";
import type { MemoryContext } from "./context.js";

const tokenFromDb = (r: Selectable<ApiTokensTable>): ApiTokenRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export function apiTokenMethods(ctx: MemoryContext): ApiTokenStore {
  return {
    insertWorkspace: (name) =>
      ctx.run((db) => {
        const r = db.workspaces.insertWithId({ name });
        return { id: r.id, name: r.name };
      }),

    getWorkspace: (name) =>
      ctx.run((db) => {
        const id = db.workspacesByName.get(name);
        const r = id === undefined ? undefined : db.workspaces.get(id);
        return r ? { id: r.id, name: r.name } : null;
      }),

    listWorkspaces: () => ctx.run((db) => [...db.workspaces.values()].sort((a, b) => a.id - b.id).map((r) => ({ id: r.id, name: r.name }))),

    insertApiToken: (row) =>
      ctx.run((db) =>
        tokenFromDb(
          db.apiTokens.insertWithId({
            workspace_id: row.workspaceId,
            name: row.name,
            hash: row.hash,
            created_at: row.createdAt,
            revoked_at: null,
          }),
        ),
      ),

    findApiToken: (hash) =>
      ctx.run((db) => {
        const id = db.apiTokensByHash.get(hash);
        const r = id === undefined ? undefined : db.apiTokens.get(id);
        return r && r.revoked_at === null ? tokenFromDb(r) : null;
      }),

    listApiTokens: () => ctx.run((db) => [...db.apiTokens.values()].sort((a, b) => a.id - b.id).map(tokenFromDb)),

    revokeApiToken: (id, at) =>
      ctx.run((db) => {
        const r = db.apiTokens.get(id);
        if (!r || r.revoked_at !== null) return false;
        db.apiTokens.update(id, { revoked_at: at });
        return true;
      }),
  };
}
