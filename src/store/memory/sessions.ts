/**
 * The dashboard's sign-in sessions, of the memory store (../sessions.ts is the SQL one): found by the hash of
 * the cookie's secret (sessions_hash), live while neither it nor its token is revoked and it has not expired.
 */
import type { Selectable } from "kysely";
import type { SessionsTable } from "../schema.js";
import type { SessionRow, SessionStore } from "../sessions.js";
import type { MemoryContext } from "./context.js";

const sessionFromDb = (r: Selectable<SessionsTable>): SessionRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  tokenId: r.token_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export function sessionMethods(ctx: MemoryContext): SessionStore {
  return {
    insertSession: (row) =>
      ctx.run((db) =>
        sessionFromDb(
          db.sessions.insertWithId({
            workspace_id: row.workspaceId,
            token_id: row.tokenId,
            hash: row.hash,
            csrf_token: row.csrfToken,
            created_at: row.createdAt,
            expires_at: row.expiresAt,
            revoked_at: null,
          }),
        ),
      ),

    findSession: (hash, now) =>
      ctx.run((db) => {
        const id = db.sessionsByHash.get(hash);
        const s = id === undefined ? undefined : db.sessions.get(id);
        if (!s || s.revoked_at !== null || s.expires_at <= now) return null;
        const token = db.apiTokens.get(s.token_id); // the inner join
        return token && token.revoked_at === null ? sessionFromDb(s) : null;
      }),

    revokeSession: (id, at) =>
      ctx.run((db) => {
        const r = db.sessions.get(id);
        if (!r || r.revoked_at !== null) return false;
        db.sessions.update(id, { revoked_at: at });
        return true;
      }),

    deleteEndedSessions: (now) =>
      ctx.run((db) => {
        const ended = [...db.sessions.values()].filter(
          (s) => s.expires_at <= now || s.revoked_at !== null || db.apiTokens.get(s.token_id)?.revoked_at != null,
        );
        for (const s of ended) db.sessions.delete(s.id);
        return ended.length;
      }),
  };
}
