/**
 * The do-not-contact list of the memory store (../suppressions.ts is the SQL one). lockSuppressions has nothing
 * to do: one transaction runs at a time (context.ts), as on SQLite.
 */
import { randomBytes } from "node:crypto";
import type { SuppressionKind } from "../../core/suppression/match.js";
import type { SuppressionCandidate, SuppressionRow, SuppressionStore } from "../suppressions.js";
import { compareText, type MemoryContext } from "./context.js";
import { key, type MemoryDatabase, type PersonDbRow } from "./database.js";
import { ascending } from "./rows.js";

type SuppressionDbRow = NonNullable<ReturnType<MemoryDatabase["suppressions"]["get"]>>;

const fromDb = (r: SuppressionDbRow): SuppressionRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  kind: r.kind as SuppressionKind,
  value: r.value,
  input: r.input,
  reason: r.reason,
  createdAt: r.created_at,
});

/** The workspace's entries in id order. */
function entriesOf(db: MemoryDatabase, workspaceId: number): SuppressionDbRow[] {
  const rows: SuppressionDbRow[] = [];
  for (const r of db.suppressions.values()) if (r.workspace_id === workspaceId) rows.push(r);
  return rows.sort((a, b) => a.id - b.id);
}

function findRow(db: MemoryDatabase, workspaceId: number, kind: string, value: string): SuppressionDbRow | undefined {
  const id = db.suppressionsByValue.get(key(workspaceId, kind, value));
  return id === undefined ? undefined : db.suppressions.get(id);
}

/** Whether a person has an enrollment that is not done. */
function isActive(db: MemoryDatabase, personId: number): boolean {
  for (const id of db.enrollmentsByPerson.get(personId)) if (db.enrollments.get(id)?.status !== "done") return true;
  return false;
}

function candidate(db: MemoryDatabase, p: PersonDbRow): SuppressionCandidate {
  const identifiers = [...db.identifiersByPerson.get(p.id)]
    .map((k) => (db.personIdentifiers.get(k) as { identifier: string }).identifier)
    .sort(compareText);
  return { personId: p.id, company: p.company, custom: JSON.parse(p.custom) as Record<string, string>, identifiers };
}

export function suppressionMethods(ctx: MemoryContext): SuppressionStore {
  return {
    addSuppressions: (workspaceId, entries, now) =>
      ctx.run((db) => {
        const added = new Set<number>();
        for (const e of entries) {
          if (findRow(db, workspaceId, e.kind, e.value)) continue; // ON CONFLICT DO NOTHING (and an entry given twice)
          const row = db.suppressions.insertWithId({
            workspace_id: workspaceId,
            kind: e.kind,
            value: e.value,
            input: e.input,
            reason: e.reason,
            created_at: now,
          });
          added.add(row.id);
        }
        const reported = new Set<number>();
        return entries.map((e) => {
          const row = findRow(db, workspaceId, e.kind, e.value) as SuppressionDbRow;
          // An entry given twice was added by the first mention only.
          const first = !reported.has(row.id);
          reported.add(row.id);
          return { row: fromDb(row), added: first && added.has(row.id) };
        });
      }),

    listSuppressions: (workspaceId, page) =>
      ctx.run((db) => {
        const rows = entriesOf(db, workspaceId).reverse();
        return { total: rows.length, rows: rows.slice(page.offset, page.offset + page.limit).map(fromDb) };
      }),

    allSuppressions: (workspaceId) => ctx.run((db) => entriesOf(db, workspaceId).map(fromDb)),

    getSuppression: (workspaceId, id) =>
      ctx.run((db) => {
        const r = db.suppressions.get(id);
        return r && r.workspace_id === workspaceId ? fromDb(r) : null;
      }),

    findSuppression: (workspaceId, kind, value) =>
      ctx.run((db) => {
        const r = findRow(db, workspaceId, kind, value);
        return r ? fromDb(r) : null;
      }),

    removeSuppression: (workspaceId, id) =>
      ctx.run((db) => {
        const r = db.suppressions.get(id);
        if (!r || r.workspace_id !== workspaceId) return false;
        db.suppressions.delete(id);
        return true;
      }),

    suppressionSalt: (workspaceId) =>
      ctx.run((db) => {
        const found = db.suppressionSalts.get(workspaceId);
        if (found) return found.salt;
        return db.suppressionSalts.insert({ workspace_id: workspaceId, salt: randomBytes(32).toString("hex") }).salt;
      }),

    lockSuppressions: () => ctx.run(() => undefined),

    activeCandidates: (workspaceId, afterId, limit) =>
      ctx.run((db) => {
        const out: SuppressionCandidate[] = [];
        const people = db.personsByWorkspace.group(workspaceId);
        if (!people || limit <= 0) return out;
        for (const id of people.idsAfter({ sort: afterId, id: afterId })) {
          if (!isActive(db, id)) continue;
          out.push(candidate(db, db.persons.get(id) as PersonDbRow));
          if (out.length >= limit) break;
        }
        return out;
      }),

    activeCandidatesAmong: (workspaceId, personIds) =>
      ctx.run((db) =>
        ascending(new Set(personIds))
          .map((id) => db.persons.get(id))
          .filter((p): p is PersonDbRow => p !== undefined && p.workspace_id === workspaceId && isActive(db, p.id))
          .map((p) => candidate(db, p)),
      ),
  };
}
