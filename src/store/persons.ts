/**
 * People and their identifiers. An identifier (a canonical profile URL, DOMAIN.md) names at most one person per
 * workspace; a person may have several.
 *
 * insertPerson is on the path of bulk imports (200,000 prospects), so it writes in as few round trips as the
 * backend allows: the person is inserted by `INSERT … SELECT … WHERE NOT EXISTS (a known identifier)`, which
 * refuses a collision without raising an error (a PostgreSQL transaction stays usable, no id is spent); the
 * identifiers follow in one multi-row insert (SQLite) or in the same statement through a data-modifying CTE
 * (PostgreSQL: one round trip per person).
 */
import { sql, type Kysely } from "kysely";
import { LinkpaceError } from "../core/errors.js";
import { personFromDb, personPatchToDb, personToDb } from "./rows.js";
import type { Database } from "./schema.js";
import { atomically, chunks, type StoreContext } from "./store-context.js";
import { mapConflict } from "./store-errors.js";
import type { NewPerson, Store, WorkspaceId } from "./store.js";

type PersonQueries = Pick<Store, "findPersonIds" | "insertPerson" | "addIdentifiers" | "updatePerson" | "getPerson">;

/** Identifiers per IN list or multi-row insert. */
const BATCH = 500;

export function personQueries(ctx: StoreContext): PersonQueries {
  const { db } = ctx;
  return {
    async findPersonIds(workspaceId, identifiers) {
      const found = new Map<string, number>();
      for (const batch of chunks([...new Set(identifiers)], BATCH)) {
        const rows = await db
          .selectFrom("person_identifiers")
          .select(["identifier", "person_id"])
          .where("workspace_id", "=", workspaceId)
          .where("identifier", "in", batch)
          .execute();
        for (const r of rows) found.set(r.identifier, r.person_id);
      }
      return found;
    },

    async insertPerson(row, identifiers) {
      const ids = [...new Set(identifiers)];
      const id = await mapConflict(`person ${row.displayUrl}: an identifier is already known in workspace ${row.workspaceId}`, () =>
        ctx.dialect === "postgres" ? insertPersonPostgres(db, row, ids) : atomically(ctx, (tx) => insertPersonSqlite(tx, row, ids)),
      );
      if (id === undefined) throw await identifierConflict(db, row.workspaceId, ids);
      return id;
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

    async updatePerson(id, patch) {
      const set = personPatchToDb(patch);
      if (Object.keys(set).length === 0) return;
      await db.updateTable("persons").set(set).where("id", "=", id).execute();
    },

    async getPerson(id) {
      const r = await db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? personFromDb(r) : null;
    },
  };
}

/** `INSERT INTO persons … SELECT <values> WHERE NOT EXISTS (<a known identifier>)`; no row when one is known. */
function insertPersonIfNew(db: Kysely<Database>, row: NewPerson, ids: string[]) {
  const values = personToDb(row);
  const columns = Object.keys(values) as Array<keyof typeof values>;
  return db
    .insertInto("persons")
    .columns(columns)
    .expression(
      db
        .selectNoFrom((eb) => columns.map((c) => eb.val(values[c]).as(c)))
        .$if(ids.length > 0, (q) =>
          q.where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("person_identifiers")
                  .select("person_id")
                  .where("workspace_id", "=", row.workspaceId)
                  .where("identifier", "in", ids),
              ),
            ),
          ),
        ),
    )
    .returning("id");
}

async function insertPersonSqlite(db: Kysely<Database>, row: NewPerson, ids: string[]): Promise<number | undefined> {
  const inserted = await insertPersonIfNew(db, row, ids).executeTakeFirst();
  if (inserted === undefined) return undefined;
  for (const batch of chunks(ids, BATCH)) {
    await db
      .insertInto("person_identifiers")
      .values(batch.map((identifier) => ({ workspace_id: row.workspaceId, identifier, person_id: inserted.id })))
      .execute();
  }
  return inserted.id;
}

async function insertPersonPostgres(db: Kysely<Database>, row: NewPerson, ids: string[]): Promise<number | undefined> {
  const inserted = await db
    .with("p", () => insertPersonIfNew(db, row, ids))
    .with("i", (qb) =>
      qb
        .insertInto("person_identifiers")
        .columns(["workspace_id", "identifier", "person_id"])
        .expression(
          qb
            .selectFrom(["p", sql<string>`unnest(${ids}::text[])`.as("u")])
            .select([sql.val(row.workspaceId).as("workspace_id"), sql.ref<string>("u").as("identifier"), "p.id"]),
        ),
    )
    .selectFrom("p")
    .select("p.id")
    .executeTakeFirst();
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
