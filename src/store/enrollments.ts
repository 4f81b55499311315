/**
 * Enrollments: one person going through one campaign (core/enrollment/state-machine.ts). The invariant kept
 * here: at most one enrollment per person per workspace is not `done` (unique index enrollments_one_active).
 *
 * insertEnrollments is on the path of bulk imports, so the common case is one multi-row INSERT per ~1,300 rows
 * with nothing checked beforehand: the importer has already looked people up with activeEnrollments. When the
 * index does refuse a row, the error names the person and, where the connection is still usable, the campaign
 * that holds them. Outside a transaction the insert runs in one of its own and is all or nothing. Inside the
 * caller's, a refusal leaves that transaction to be given up: PostgreSQL has aborted it, and on SQLite batches
 * before the refused one stay written.
 */
import { sql, type Kysely } from "kysely";
import { LinkpaceError } from "../core/errors.js";
import { rowOf, runDeferrable, runPrepared, runPreparedFirst, valuesOf } from "./prepared.js";
import { ENROLLMENT_INSERT_COLUMNS, enrollmentFromDb, enrollmentPatchToDb, enrollmentToDb } from "./rows.js";
import type { Database } from "./schema.js";
import { atomically, chunks, MAX_PARAMS, type StoreContext } from "./store-context.js";
import { isUniqueViolation, mapConflict } from "./store-errors.js";
import type { EnrollmentStatus, NewEnrollment, Store, WorkspaceId } from "./store.js";

export type EnrollmentQueries = Pick<
  Store,
  "insertEnrollments" | "updateEnrollment" | "getEnrollment" | "activeEnrollments" | "latestEnrollment"
>;

/** A literal, not a parameter, so that SQLite can use the partial index enrollments_one_active. */
export const DONE = sql.lit<EnrollmentStatus>("done");
const PEOPLE_PER_QUERY = 500;
const ROWS_PER_INSERT = Math.floor(MAX_PARAMS / ENROLLMENT_INSERT_COLUMNS.length);
/** Batches up to this size get a prepared query per size (an import enrolls one person at a time). */
const PREPARED_LIST = 8;

export function enrollmentQueries(ctx: StoreContext): EnrollmentQueries {
  const { db } = ctx;
  return {
    async insertEnrollments(rows) {
      if (rows.length === 0) return [];
      refuseTwiceInBatch(rows);
      try {
        return await atomically(ctx, (tx) => insertInBatches({ ...ctx, db: tx, inTransaction: true }, rows));
      } catch (e) {
        if (!(e instanceof RefusedBatch)) throw e;
        // SQLite undoes only the failed statement; PostgreSQL's transaction is usable only if it was ours.
        const canQuery = ctx.dialect === "sqlite" || !ctx.inTransaction;
        throw (canQuery ? await whoHoldsThem(db, e.rows) : null) ?? conflictFromIndex(e.cause);
      }
    },

    async updateEnrollment(id, patch, opts) {
      const set = enrollmentPatchToDb(patch);
      const columns = Object.keys(set);
      if (columns.length === 0) return;
      const key = `enrollment.update:${columns.join(",")}`;
      const build = (target: number, ...values: unknown[]) =>
        db.updateTable("enrollments").set(rowOf(columns, values)).where("id", "=", target);
      if (opts?.deferrable) return runDeferrable(ctx, { table: "enrollments", key: id }, key, build, id, ...valuesOf(columns, set));
      await mapConflict(`enrollment ${id} cannot become active again: its person is enrolled elsewhere`, () =>
        runPrepared(ctx, key, build, id, ...valuesOf(columns, set)),
      );
    },

    async getEnrollment(id) {
      const r = await runPreparedFirst(
        ctx,
        "enrollment.byId",
        (i: number) => db.selectFrom("enrollments").selectAll().where("id", "=", i),
        id,
      );
      return r ? enrollmentFromDb(r) : null;
    },

    async activeEnrollments(workspaceId, personIds) {
      const found = new Map<number, { enrollment: ReturnType<typeof enrollmentFromDb>; campaignName: string }>();
      for (const batch of chunks([...new Set(personIds)], PEOPLE_PER_QUERY)) {
        const lookup = (w: number, ...people: number[]) =>
          db
            .selectFrom("enrollments as e")
            .innerJoin("campaigns as c", "c.id", "e.campaign_id")
            .selectAll("e")
            .select("c.name as campaign_name")
            .where("e.workspace_id", "=", w)
            .where("e.status", "<>", DONE)
            .where("e.person_id", "in", people);
        const rows =
          batch.length <= PREPARED_LIST
            ? await runPrepared(ctx, `enrollment.active:${batch.length}`, lookup, workspaceId, ...batch)
            : await lookup(workspaceId, ...batch).execute();
        for (const r of rows) found.set(r.person_id, { enrollment: enrollmentFromDb(r), campaignName: r.campaign_name });
      }
      return found;
    },

    async latestEnrollment(accountId, personId) {
      const r = await runPreparedFirst(
        ctx,
        "enrollment.latest",
        (account: number, person: number) =>
          db
            .selectFrom("enrollments")
            .selectAll()
            .where("person_id", "=", person)
            .where("account_id", "=", account)
            .orderBy("enrolled_at", "desc")
            .orderBy("id", "desc")
            .limit(1),
        accountId,
        personId,
      );
      return r ? enrollmentFromDb(r) : null;
    },
  };
}

/** A batch the unique index refused; nothing of it was written (earlier batches may have been). */
class RefusedBatch extends Error {
  constructor(
    readonly rows: NewEnrollment[],
    override readonly cause: unknown,
  ) {
    super("enrollments_one_active refused a batch");
  }
}

async function insertInBatches(ctx: StoreContext, rows: NewEnrollment[]): Promise<number[]> {
  const ids: number[] = [];
  for (const batch of chunks(rows, ROWS_PER_INSERT)) {
    let inserted: Array<{ id: number }>;
    try {
      inserted = await insertBatch(ctx, batch);
    } catch (e) {
      throw isUniqueViolation(e) ? new RefusedBatch(batch, e) : e;
    }
    // Ids are handed out in VALUES order within one statement; RETURNING's own order is not promised.
    ids.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}

/** One multi-row INSERT … RETURNING id; prepared for the small batches of an import that enrolls one by one. */
function insertBatch(ctx: StoreContext, batch: NewEnrollment[]): Promise<Array<{ id: number }>> {
  const rows = batch.map(enrollmentToDb);
  if (batch.length > PREPARED_LIST) return ctx.db.insertInto("enrollments").values(rows).returning("id").execute();
  const width = ENROLLMENT_INSERT_COLUMNS.length;
  return runPrepared(
    ctx,
    `enrollment.insert:${batch.length}`,
    (...args: unknown[]) =>
      ctx.db
        .insertInto("enrollments")
        .values(rows.map((_, i) => rowOf(ENROLLMENT_INSERT_COLUMNS, args, i * width)))
        .returning("id"),
    ...rows.flatMap((r) => valuesOf(ENROLLMENT_INSERT_COLUMNS, r)),
  );
}

/** Rows that are not `done`, grouped by workspace: the people who would become active. */
export function activePeople(rows: NewEnrollment[]): Map<WorkspaceId, number[]> {
  const byWorkspace = new Map<WorkspaceId, number[]>();
  for (const row of rows) {
    if (row.status === "done") continue;
    const people = byWorkspace.get(row.workspaceId) ?? [];
    if (people.length === 0) byWorkspace.set(row.workspaceId, people);
    people.push(row.personId);
  }
  return byWorkspace;
}

/** A person twice among the new active rows would collide with themself: refused before any write. */
export function refuseTwiceInBatch(rows: NewEnrollment[]): void {
  for (const [workspaceId, people] of activePeople(rows)) {
    const seen = new Set<number>();
    const twice = people.find((p) => seen.size === seen.add(p).size);
    if (twice !== undefined) {
      throw new LinkpaceError("conflict", `person ${twice} appears twice among the new active enrollments of workspace ${workspaceId}`);
    }
  }
}

/** The conflict naming the first person of `rows` who already has an active enrollment, or null if none. */
async function whoHoldsThem(db: Kysely<Database>, rows: NewEnrollment[]): Promise<LinkpaceError | null> {
  for (const [workspaceId, people] of activePeople(rows)) {
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
        return new LinkpaceError(
          "conflict",
          `person ${held.person_id} (${held.display_url}) is already enrolled in campaign "${held.name}" (enrollment ${held.id}) in workspace ${workspaceId}`,
        );
      }
    }
  }
  return null;
}

/** What the unique index itself says (PostgreSQL: `Key (workspace_id, person_id)=(1, 42) already exists.`). */
function conflictFromIndex(e: unknown): LinkpaceError {
  const detail = (e as { detail?: unknown }).detail;
  const key = typeof detail === "string" ? /=\((\d+), (\d+)\)/.exec(detail) : null;
  const who = key ? `person ${key[2]} is already enrolled in workspace ${key[1]}` : "a person is already enrolled in this workspace";
  return new LinkpaceError("conflict", `${who} (enrollments_one_active; the transaction is aborted)`);
}
