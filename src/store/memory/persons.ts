/** PersonQueries of the memory store (../persons.ts is the SQL one). */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

type PersonQueries = Pick<Store, "findPersonIds" | "insertPerson" | "addIdentifiers" | "updatePerson" | "getPerson">;

export function personMethods(_ctx: MemoryContext): PersonQueries {
  return placeholders<PersonQueries>({
    findPersonIds: true,
    insertPerson: true,
    addIdentifiers: true,
    updatePerson: true,
    getPerson: true,
  });
}
