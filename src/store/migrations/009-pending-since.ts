/**
 * Migration 009: each account's governor state learns when its pending invitations were sent (`pendingSince`),
 * so that those still pending 21 days later count as not accepted in every acceptance rate (core/acceptance.ts),
 * the governor's slow-down included. States saved before kept only a count; the times are read from the
 * account's enrollments: invited, and neither accepted nor withdrawn nor declined. The governor never keeps more
 * times than its pending count, so when the enrollments hold more, the newest are kept (as it would have).
 */
import type { Kysely, Migration } from "kysely";

interface Tables {
  accounts: { id: number; state: string };
  enrollments: {
    account_id: number;
    invited_at: number | null;
    accepted_at: number | null;
    withdrawn_at: number | null;
    end_reason: string | null;
  };
}

export function pendingSinceMigration(): Migration {
  return {
    async up(raw: Kysely<unknown>): Promise<void> {
      const db = raw as unknown as Kysely<Tables>;
      for (const account of await db.selectFrom("accounts").select(["id", "state"]).execute()) {
        const state = JSON.parse(account.state) as { pending?: unknown; pendingSince?: unknown } | null;
        if (state === null || typeof state !== "object" || Array.isArray(state.pendingSince)) continue;
        const pending = typeof state.pending === "number" ? state.pending : 0;
        state.pendingSince = pending > 0 ? await pendingTimes(db, account.id, pending) : [];
        await db
          .updateTable("accounts")
          .set({ state: JSON.stringify(state) })
          .where("id", "=", account.id)
          .execute();
      }
    },
  };
}

async function pendingTimes(db: Kysely<Tables>, accountId: number, pending: number): Promise<number[]> {
  const rows = await db
    .selectFrom("enrollments")
    .select("invited_at")
    .where("account_id", "=", accountId)
    .where("invited_at", "is not", null)
    .where("accepted_at", "is", null)
    .where("withdrawn_at", "is", null)
    .where((eb) => eb.or([eb("end_reason", "is", null), eb("end_reason", "not in", ["declined", "withdrawn"])]))
    .orderBy("invited_at")
    .execute();
  const times = rows.map((r) => Number(r.invited_at));
  return times.slice(Math.max(0, times.length - pending));
}
