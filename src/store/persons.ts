/**
 * People and their identifiers. An identifier (a canonical profile URL, core/prospect/profile-url.ts) names at most one person per
 * workspace; a person may have several.
 *
 * insertPerson is on the path of bulk imports (200,000 prospects), so it writes in as few round trips as the
 * backend allows: the person is inserted by `INSERT … SELECT … WHERE NOT EXISTS (a known identifier)`, which
 * refuses a collision without raising an error (a PostgreSQL transaction stays usable, no id is spent); the
 * identifiers follow in one multi-row insert (SQLite) or in the same statement through a data-modifying CTE
 * (PostgreSQL: one round trip per person). insertPersons writes many people its caller checked are new (an
 * import's batch, engine/enroll.ts) in multi-row inserts: a few statements per thousand people.
 */
import { sql, type Kysely } from "kysely";
import { LinkpaceError } from "../core/errors.js";
import { rowOf, runDeferrable, runPrepared, runPreparedFirst, valuesOf } from "./prepared.js";
import { PERSON_COLUMNS, personFromDb, personPatchToDb, personToDb } from "./rows.js";
import type { Database } from "./schema.js";
import { atomically, chunks, MAX_PARAMS, type StoreContext } from "./store-context.js";
import { mapConflict } from "./store-errors.js";
import type { NewPerson, Store, WorkspaceId } from "./store.js";

type PersonQueries = Pick<Store, "findPersonIds" | "insertPerson" | "insertPersons" | "addIdentifiers" | "updatePerson" | "getPerson">;

/** Identifiers per IN list or multi-row insert. */
const BATCH = 500;
/** Lists up to this long get a prepared query per length (an import looks up 1-3 identifiers at a time). */
const PREPARED_LIST = 8;

export function personQueries(ctx: StoreContext): PersonQueries {
  const { db } = ctx;
  return {
    async findPersonIds(workspaceId, identifiers) {
      const found = new Map<string, number>();
      for (const batch of chunks([...new Set(identifiers)], BATCH)) {
        const lookup = (w: number, ...ids: string[]) =>
          db
            .selectFrom("person_identifiers")
            .select(["identifier", "person_id"])
            .where("workspace_id", "=", w)
            .where("identifier", "in", ids);
        const rows =
          batch.length <= PREPARED_LIST
            ? await runPrepared(ctx, `person.find:${batch.length}`, lookup, workspaceId, ...batch)
            : await lookup(workspaceId, ...batch).execute();
        for (const r of rows) found.set(r.identifier, r.person_id);
      }
      return found;
    },

    async insertPerson(row, identifiers) {
      const ids = [...new Set(identifiers)];
      const id = await mapConflict(`person ${row.displayUrl}: an identifier is already known in workspace ${row.workspaceId}`, () =>
        ctx.dialect === "postgres"
          ? insertPersonPostgres(ctx, row, ids)
          : atomically(ctx, (tx) => insertPersonSqlite({ ...ctx, db: tx, inTransaction: true }, row, ids)),
      );
      if (id === undefined) throw await identifierConflict(db, row.workspaceId, ids);
      return id;
    },

    async insertPersons(people) {
      if (people.length === 0) return [];
      const what = `${people.length} people: an identifier is already known or given twice`;
      return mapConflict(what, () => atomically(ctx, (tx) => insertNewPeople(tx, people)));
    },

    async addIdentifiers(workspaceId, personId, identifiers) {
      for (const batch of chunks([...new Set(identifiers)], BATCH)) {
        await db
          .insertInto("person_identifiers")
          .values(batch.map((identifier) => ({ workspace_id: workspaceId, identifier, person_id: personId })))
          .onConflict((oc) => oc.columns(["workspace_id", "identifier"]).doNothing())
          .execute();
      }
    },

    async updatePerson(id, patch, opts) {
      const set = personPatchToDb(patch);
      const columns = Object.keys(set);
      if (columns.length === 0) return;
      const key = `person.update:${columns.join(",")}`;
      const build = (target: number, ...values: unknown[]) =>
        db.updateTable("persons").set(rowOf(columns, values)).where("id", "=", target);
      if (opts?.deferrable) return runDeferrable(ctx, { table: "persons", key: id }, key, build, id, ...valuesOf(columns, set));
      await runPrepared(ctx, key, build, id, ...valuesOf(columns, set));
    },

    async getPerson(id) {
      const r = await runPreparedFirst(ctx, "person.byId", (i: number) => db.selectFrom("persons").selectAll().where("id", "=", i), id);
      return r ? personFromDb(r) : null;
    },
  };
}

const WORKSPACE_AT = PERSON_COLUMNS.indexOf("workspace_id");
/** People per multi-row insert: their columns stay far below MAX_PARAMS. */
const PEOPLE_PER_INSERT = Math.floor(MAX_PARAMS / PERSON_COLUMNS.length);

/**
 * insertPersons: the people in multi-row inserts, then their identifiers. Ids are given in the order of the
 * rows (each backend numbers a multi-row insert's rows in order); they are sorted, so that the order in which
 * RETURNING lists them does not matter.
 */
async function insertNewPeople(db: Kysely<Database>, people: ReadonlyArray<{ row: NewPerson; identifiers: string[] }>): Promise<number[]> {
  const ids: number[] = [];
  for (const batch of chunks(people, PEOPLE_PER_INSERT)) {
    const rows = await db
      .insertInto("persons")
      .values(batch.map((p) => personToDb(p.row)))
      .returning("id")
      .execute();
    if (rows.length !== batch.length) throw new Error(`inserted ${rows.length} of ${batch.length} people`);
    ids.push(...rows.map((r) => r.id).sort((a, b) => a - b));
  }
  const links = people.flatMap((p, i) =>
    [...new Set(p.identifiers)].map((identifier) => ({ workspace_id: p.row.workspaceId, identifier, person_id: ids[i] as number })),
  );
  for (const batch of chunks(links, BATCH * 4)) await db.insertInto("person_identifiers").values(batch).execute();
  return ids;
}

/** Arguments of the prepared person inserts: the person's column values in PERSON_COLUMNS order, then the ids. */
function insertArgs(row: NewPerson, ids: string[]): unknown[] {
  return [...valuesOf(PERSON_COLUMNS, personToDb(row)), ...ids];
}

/**
 * `INSERT INTO persons … SELECT <values> WHERE NOT EXISTS (<one of ids is known>)`, returning the new id (no
 * row when an identifier is known).
 */
function insertPersonIfNew(db: Kysely<Database>, idCount: number, args: unknown[]) {
  const values = args.slice(0, PERSON_COLUMNS.length);
  const workspaceId = values[WORKSPACE_AT] as number;
  const ids = args.slice(PERSON_COLUMNS.length, PERSON_COLUMNS.length + idCount) as string[];
  return db
    .insertInto("persons")
    .columns(PERSON_COLUMNS)
    .expression(
      db
        .selectNoFrom((eb) => PERSON_COLUMNS.map((c, i) => eb.val(values[i]).as(c)))
        .$if(idCount > 0, (q) =>
          q.where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("person_identifiers").select("person_id").where("workspace_id", "=", workspaceId).where("identifier", "in", ids),
              ),
            ),
          ),
        ),
    )
    .returning("id");
}

async function insertPersonSqlite(ctx: StoreContext, row: NewPerson, ids: string[]): Promise<number | undefined> {
  const { db } = ctx;
  const build = (...args: unknown[]) => insertPersonIfNew(db, ids.length, args);
  const inserted =
    ids.length <= PREPARED_LIST
      ? await runPreparedFirst(ctx, `person.insert.sqlite:${ids.length}`, build, ...insertArgs(row, ids))
      : await build(...insertArgs(row, ids)).executeTakeFirst();
  if (inserted === undefined) return undefined;
  for (const batch of chunks(ids, BATCH)) {
    const link = (w: number, person: number, ...batchIds: string[]) =>
      db.insertInto("person_identifiers").values(batchIds.map((identifier) => ({ workspace_id: w, identifier, person_id: person })));
    if (batch.length <= PREPARED_LIST) await runPrepared(ctx, `person.link:${batch.length}`, link, row.workspaceId, inserted.id, ...batch);
    else await link(row.workspaceId, inserted.id, ...batch).execute();
  }
  return inserted.id;
}

async function insertPersonPostgres(ctx: StoreContext, row: NewPerson, ids: string[]): Promise<number | undefined> {
  const { db } = ctx;
  const build = (...args: unknown[]) => {
    const idValues = args.slice(PERSON_COLUMNS.length);
    return db
      .with("p", () => insertPersonIfNew(db, ids.length, args))
      .with("i", (qb) =>
        qb
          .insertInto("person_identifiers")
          .columns(["workspace_id", "identifier", "person_id"])
          .expression(
            qb
              .selectFrom(["p", sql<string>`unnest(array[${sql.join(idValues)}]::text[])`.as("u")])
              .select([sql.val(args[WORKSPACE_AT]).as("workspace_id"), sql.ref<string>("u").as("identifier"), "p.id"]),
          ),
      )
      .selectFrom("p")
      .select("p.id");
  };
  if (ids.length === 0) {
    // No identifiers: a plain insert (an empty ARRAY[] would need its own type).
    return (
      await runPreparedFirst(
        ctx,
        "person.insert.postgres:0",
        (...args: unknown[]) => insertPersonIfNew(db, 0, args),
        ...insertArgs(row, ids),
      )
    )?.id;
  }
  const inserted =
    ids.length <= PREPARED_LIST
      ? await runPreparedFirst(ctx, `person.insert.postgres:${ids.length}`, build, ...insertArgs(row, ids))
      : await build(...insertArgs(row, ids)).executeTakeFirst();
  return inserted?.id;
}

/** The error for an insert refused because an identifier is known: which one, and whose. */
async function identifierConflict(db: Kysely<Database>, workspaceId: WorkspaceId, ids: string[]): Promise<LinkpaceError> {
  const holder = await db
    .selectFrom("person_identifiers as i")
    .innerJoin("persons as p", "p.id", "i.person_id")
    .select(["i.identifier", "p.id", "p.display_url"])
    .where("i.workspace_id", "=", workspaceId)
    .where("i.identifier", "in", ids.length > 0 ? ids : [""])
    .orderBy("i.identifier")
    .executeTakeFirst();
  const detail = holder
    ? `identifier ${holder.identifier} already belongs to person ${holder.id} (${holder.display_url})`
    : `one of its identifiers already belongs to another person`;
  return new LinkpaceError("conflict", `${detail} in workspace ${workspaceId}`);
}
