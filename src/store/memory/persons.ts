/**
 * People and their identifiers, of the memory store (../persons.ts is the SQL one). An identifier names at most
 * one person per workspace (the primary key of person_identifiers); a refused insert writes nothing and spends
 * no id.
 */
import { LinkpaceError } from "../../core/errors.js";
import { personPatchToDb, personToDb } from "../rows.js";
import type { Store } from "../store.js";
import { compareText, type MemoryContext } from "./context.js";
import { key, type PersonDbRow } from "./database.js";
import { personOf } from "./rows.js";

type PersonQueries = Pick<Store, "findPersonIds" | "insertPerson" | "addIdentifiers" | "updatePerson" | "getPerson">;

export function personMethods(ctx: MemoryContext): PersonQueries {
  return {
    findPersonIds: (workspaceId, identifiers) =>
      ctx.run((db) => {
        const found = new Map<string, number>();
        for (const identifier of identifiers) {
          const r = db.personIdentifiers.get(key(workspaceId, identifier));
          if (r) found.set(identifier, r.person_id);
        }
        return found;
      }),

    insertPerson: (row, identifiers) =>
      ctx.run((db) => {
        const ids = [...new Set(identifiers)];
        // The first known identifier in text order, as the SQL's `ORDER BY i.identifier` names it.
        const known = ids.filter((i) => db.personIdentifiers.get(key(row.workspaceId, i))).sort(compareText)[0];
        if (known !== undefined) {
          const holder = db.personIdentifiers.get(key(row.workspaceId, known)) as { person_id: number };
          const person = db.persons.get(holder.person_id) as PersonDbRow;
          throw new LinkpaceError(
            "conflict",
            `identifier ${known} already belongs to person ${person.id} (${person.display_url}) in workspace ${row.workspaceId}`,
          );
        }
        const inserted = db.persons.insertWithId(personToDb(row));
        for (const identifier of ids) {
          db.personIdentifiers.insert({ workspace_id: row.workspaceId, identifier, person_id: inserted.id });
        }
        return inserted.id;
      }),

    addIdentifiers: (workspaceId, personId, identifiers) =>
      ctx.run((db) => {
        for (const identifier of new Set(identifiers)) {
          if (db.personIdentifiers.get(key(workspaceId, identifier))) continue; // ON CONFLICT DO NOTHING
          db.personIdentifiers.insert({ workspace_id: workspaceId, identifier, person_id: personId });
        }
      }),

    updatePerson: (id, patch) =>
      ctx.run((db) => {
        const set = personPatchToDb(patch) as Partial<PersonDbRow>;
        if (Object.keys(set).length > 0) db.persons.update(id, set);
      }),

    getPerson: (id) => ctx.run((db) => personOf(db, id)),
  };
}
