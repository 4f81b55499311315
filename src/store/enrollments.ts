/**
 * Enrollments: one person going through one campaign (core/enrollment/state-machine.ts). The invariant kept
 * here: at most one enrollment per person per workspace is not `done` (index enrollments_one_active).
 *
 * insertEnrollments checks that invariant for the whole batch with one query per few hundred people before it
 * writes, so a refused import names the person and the campaign that holds them, leaves a PostgreSQL
 * transaction usable and spends no ids; the unique index catches what a concurrent writer slips past.
 */
import { sql, type Kysely } from "kysely";
import { LinkpaceError } from "../core/errors.js";
import { enrollmentFromDb, enrollmentPatchToDb, enrollmentToDb } from "./rows.js";
import type { Database } from "./schema.js";
import { atomically, chunks, MAX_PARAMS, type StoreContext } from "./store-context.js";
import { mapConflict } from "./store-errors.js";
import type { NewEnrollment, Store, WorkspaceId } from "./store.js";

type EnrollmentQueries = Pick<Store, "insertEnrollments" | "updateEnrollment" | "getEnrollment" | "activeEnrollments" | "latestEnrollment">;

/** A literal, not a parameter, so that SQLite can use the partial index enrollments_one_active. */
export const DONE = sql.lit("done");
const PEOPLE_PER_QUERY = 500;
const ENROLLMENT_COLUMNS = 22;
const ROWS_PER_INSERT = Math.floor(MAX_PARAMS / ENROLLMENT_COLUMNS);

export function enrollmentQueries(ctx: StoreContext): EnrollmentQueries {
  const { db } = ctx;
  return {
    async insertEnrollments(rows) {
      if (rows.length === 0) return [];
      return atomically(ctx, async (tx) => {
        await refuseSecondActive(tx, rows);
        const ids: number[] = [];
        for (const batch of chunks(rows, ROWS_PER_INSERT)) {
          const inserted = await mapConflict("a person in this batch is already enrolled", () =>
            tx.insertInto("enrollments").values(batch.map(enrollmentToDb)).returning("id").execute(),
          );
          // Ids are handed out in VALUES order within one statement; RETURNING's own order is not promised.
          ids.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
        }
        return ids;
      });
    },

    async updateEnrollment(id, patch) {
      const set = enrollmentPatchToDb(patch);
      if (Object.keys(set).length === 0) return;
      await mapConflict(`enrollment ${id} cannot become active again: its person is enrolled elsewhere`, () =>
        db.updateTable("enrollments").set(set).where("id", "=", id).execute(),
      );
    },

    async getEnrollment(id) {
      const r = await db.selectFrom("enrollments").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? enrollmentFromDb(r) : null;
    },

    async activeEnrollments(workspaceId, personIds) {
      const found = new Map<number, { enrollment: ReturnType<typeof enrollmentFromDb>; campaignName: string }>();
      for (const batch of chunks([...new Set(personIds)], PEOPLE_PER_QUERY)) {
        const rows = await db
          .selectFrom("enrollments as e")
          .innerJoin("campaigns as c", "c.id", "e.campaign_id")
          .selectAll("e")
          .select("c.name as campaign_name")
          .where("e.workspace_id", "=", workspaceId)
          .where("e.status", "<>", DONE)
          .where("e.person_id", "in", batch)
          .execute();
        for (const r of rows) found.set(r.person_id, { enrollment: enrollmentFromDb(r), campaignName: r.campaign_name });
      }
      return found;
    },

    async latestEnrollment(accountId, personId) {
      const r = await db
        .selectFrom("enrollments")
        .selectAll()
        .where("person_id", "=", personId)
        .where("account_id", "=", accountId)
        .orderBy("enrolled_at", "desc")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      return r ? enrollmentFromDb(r) : null;
    },
  };
}

/** Throws a conflict when a row that is not `done` would give its person a second active enrollment. */
async function refuseSecondActive(db: Kysely<Database>, rows: NewEnrollment[]): Promise<void> {
  const byWorkspace = new Map<WorkspaceId, number[]>();
  for (const row of rows) {
    if (row.status === "done") continue;
    const people = byWorkspace.get(row.workspaceId) ?? [];
    if (people.length === 0) byWorkspace.set(row.workspaceId, people);
    people.push(row.personId);
  }
  for (const [workspaceId, people] of byWorkspace) {
    const seen = new Set<number>();
    const twice = people.find((p) => seen.size === seen.add(p).size);
    if (twice !== undefined) {
      throw new LinkpaceError("conflict", `person ${twice} appears twice among the new active enrollments of workspace ${workspaceId}`);
    }
    for (const batch of chunks(people, PEOPLE_PER_QUERY)) {
      const held = await db
        .selectFrom("enrollments as e")
        .innerJoin("campaigns as c", "c.id", "e.campaign_id")
        .innerJoin("persons as p", "p.id", "e.person_id")
        .select(["e.id", "e.person_id", "p.display_url", "c.name"])
        .where("e.workspace_id", "=", workspaceId)
        .where("e.status", "<>", DONE)
        .where("e.person_id", "in", batch)
        .orderBy("e.id")
        .executeTakeFirst();
      if (held) {
        throw new LinkpaceError(
          "conflict",
          `person ${held.person_id} (${held.display_url}) is already enrolled in campaign "${held.name}" (enrollment ${held.id}) in workspace ${workspaceId}`,
        );
      }
    }
  }
}
