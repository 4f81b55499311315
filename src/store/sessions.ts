/**
 * The dashboard's sign-in sessions (migration 005). A session is opened with an API token and acts for that
 * token's workspace until the first of: its expiry, its revocation (sign-out), the revocation of its token.
 * Only the SHA-256 hash of the cookie's secret is kept, as for tokens. Ended sessions are of no use to anyone,
 * so they are deleted rather than kept listed.
 */
import type { Instant } from "../core/time.js";
import type { StoreContext } from "./store-context.js";
import type { WorkspaceId } from "./store.js";

export interface SessionRow {
  id: number;
  workspaceId: WorkspaceId;
  tokenId: number;
  /** What cookie-authenticated writes must echo in X-CSRF-Token. */
  csrfToken: string;
  createdAt: Instant;
  expiresAt: Instant;
  revokedAt: Instant | null;
}

export interface SessionStore {
  insertSession(row: {
    workspaceId: WorkspaceId;
    tokenId: number;
    hash: string;
    csrfToken: string;
    createdAt: Instant;
    expiresAt: Instant;
  }): Promise<SessionRow>;
  /** The session with this hash if it is live at `now`: not revoked, not expired, and its token not revoked. */
  findSession(hash: string, now: Instant): Promise<SessionRow | null>;
  /** Revokes a live session; false when there is none with that id (or it was revoked already). */
  revokeSession(id: number, at: Instant): Promise<boolean>;
  /** Deletes the sessions that have ended by `now` (expired, revoked, or their token revoked); returns how many. */
  deleteEndedSessions(now: Instant): Promise<number>;
}

type SessionDb = {
  id: number;
  workspace_id: number;
  token_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
};

const sessionFromDb = (r: SessionDb): SessionRow => ({
  id: Number(r.id),
  workspaceId: Number(r.workspace_id),
  tokenId: Number(r.token_id),
  csrfToken: r.csrf_token,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
});

const SESSION_COLUMNS = ["id", "workspace_id", "token_id", "csrf_token", "created_at", "expires_at", "revoked_at"] as const;

export function sessionQueries({ db }: StoreContext): SessionStore {
  return {
    async insertSession(row) {
      const r = await db
        .insertInto("sessions")
        .values({
          workspace_id: row.workspaceId,
          token_id: row.tokenId,
          hash: row.hash,
          csrf_token: row.csrfToken,
          created_at: row.createdAt,
          expires_at: row.expiresAt,
          revoked_at: null,
        })
        .returning(SESSION_COLUMNS)
        .executeTakeFirstOrThrow();
      return sessionFromDb(r);
    },
    async findSession(hash, now) {
      const r = await db
        .selectFrom("sessions as s")
        .innerJoin("api_tokens as t", "t.id", "s.token_id")
        .select(SESSION_COLUMNS.map((c) => `s.${c}` as const))
        .where("s.hash", "=", hash)
        .where("s.revoked_at", "is", null)
        .where("s.expires_at", ">", now)
        .where("t.revoked_at", "is", null)
        .executeTakeFirst();
      return r ? sessionFromDb(r) : null;
    },
    async revokeSession(id, at) {
      const r = await db
        .updateTable("sessions")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async deleteEndedSessions(now) {
      const r = await db
        .deleteFrom("sessions")
        .where((eb) =>
          eb.or([
            eb("expires_at", "<=", now),
            eb("revoked_at", "is not", null),
            eb("token_id", "in", eb.selectFrom("api_tokens").select("id").where("revoked_at", "is not", null)),
          ]),
        )
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
