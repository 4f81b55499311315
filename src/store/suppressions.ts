/**
 * The do-not-contact list (migration 013): a workspace's entries, its salt for hash entries, the lock that keeps
 * an import and a change of the list apart, and the people it is checked against when entries are added.
 * What an entry means and how it matches is core/suppression/match.ts; what adding one does is
 * engine/suppress.ts.
 */
import { randomBytes } from "node:crypto";
import type { SuppressionKind } from "../core/suppression/match.js";
import type { Instant } from "../core/time.js";
import { chunks, type StoreContext } from "./store-context.js";
import type { WorkspaceId } from "./store.js";

export interface SuppressionRow {
  id: number;
  workspaceId: WorkspaceId;
  kind: SuppressionKind;
  /** The normalised value it matches by. */
  value: string;
  /** What the user typed ("" for a hash entry). */
  input: string;
  reason: string | null;
  createdAt: Instant;
}

export type NewSuppression = Pick<SuppressionRow, "kind" | "value" | "input" | "reason">;

/** A person the list is checked against: their identifiers, company and extra columns. */
export interface SuppressionCandidate {
  personId: number;
  company: string;
  custom: Record<string, string>;
  identifiers: string[];
}

export interface SuppressionStore {
  /**
   * Adds the entries not on the list yet (by kind and value; an entry given twice counts once). Answers each
   * entry given, in order, with its row and whether this call added it (else it was there already).
   */
  addSuppressions(
    workspaceId: WorkspaceId,
    entries: readonly NewSuppression[],
    now: Instant,
  ): Promise<Array<{ row: SuppressionRow; added: boolean }>>;
  /** One page of the workspace's list, newest first (by id), and how many entries it has. */
  listSuppressions(workspaceId: WorkspaceId, page: { offset: number; limit: number }): Promise<{ total: number; rows: SuppressionRow[] }>;
  /** The whole list, in id order (what an import checks against). */
  allSuppressions(workspaceId: WorkspaceId): Promise<SuppressionRow[]>;
  getSuppression(workspaceId: WorkspaceId, id: number): Promise<SuppressionRow | null>;
  findSuppression(workspaceId: WorkspaceId, kind: SuppressionKind, value: string): Promise<SuppressionRow | null>;
  /** Removes an entry; false when the workspace has no such entry. */
  removeSuppression(workspaceId: WorkspaceId, id: number): Promise<boolean>;
  /** The workspace's salt for hash entries, made (32 random bytes, hex) the first time it is asked for. */
  suppressionSalt(workspaceId: WorkspaceId): Promise<string>;
  /**
   * Inside a transaction, on PostgreSQL: holds the workspace's list until the transaction ends, `share`d by
   * imports, or alone (`change`) to add entries. An import then either sees the new entries or is seen by the
   * change that ends the people it enrolled. SQLite has one writer at a time: nothing to do.
   */
  lockSuppressions(workspaceId: WorkspaceId, mode: "share" | "change"): Promise<void>;
  /** People with an enrollment that is not done, person id > afterId, in id order, up to `limit`. */
  activeCandidates(workspaceId: WorkspaceId, afterId: number, limit: number): Promise<SuppressionCandidate[]>;
  /** Those of `personIds` (any number) with an enrollment that is not done, in id order. */
  activeCandidatesAmong(workspaceId: WorkspaceId, personIds: readonly number[]): Promise<SuppressionCandidate[]>;
}

interface SuppressionDbRow {
  id: number;
  workspace_id: number;
  kind: string;
  value: string;
  input: string;
  reason: string | null;
  created_at: number;
}

const fromDb = (r: SuppressionDbRow): SuppressionRow => ({
  id: Number(r.id),
  workspaceId: Number(r.workspace_id),
  kind: r.kind as SuppressionKind,
  value: r.value,
  input: r.input,
  reason: r.reason,
  createdAt: Number(r.created_at),
});

/** Entries per multi-row insert or IN list (7 parameters a row). */
const BATCH = 500;

export function suppressionQueries(ctx: StoreContext): SuppressionStore {
  const { db } = ctx;
  /** The workspace's people with an enrollment that is not done. */
  const activePeople = (workspaceId: WorkspaceId) =>
    db
      .selectFrom("persons as p")
      .select(["p.id", "p.company", "p.custom"])
      .where("p.workspace_id", "=", workspaceId)
      .where((eb) =>
        eb.exists(eb.selectFrom("enrollments as e").select("e.id").whereRef("e.person_id", "=", "p.id").where("e.status", "!=", "done")),
      );
  /** People as the list is checked against them: with their identifiers, in the order given. */
  const withIdentifiers = async (
    people: ReadonlyArray<{ id: number | bigint; company: string; custom: string }>,
  ): Promise<SuppressionCandidate[]> => {
    if (people.length === 0) return [];
    const ids = new Map<number, string[]>(people.map((p) => [Number(p.id), []]));
    for (const part of chunks([...ids.keys()], BATCH)) {
      const rows = await db
        .selectFrom("person_identifiers")
        .select(["person_id", "identifier"])
        .where("person_id", "in", part)
        .orderBy("person_id")
        .orderBy("identifier")
        .execute();
      for (const r of rows) ids.get(Number(r.person_id))?.push(r.identifier);
    }
    return people.map((p) => ({
      personId: Number(p.id),
      company: p.company,
      custom: JSON.parse(p.custom) as Record<string, string>,
      identifiers: ids.get(Number(p.id)) ?? [],
    }));
  };
  const find = async (workspaceId: WorkspaceId, kind: SuppressionKind, values: string[]): Promise<Map<string, SuppressionRow>> => {
    const out = new Map<string, SuppressionRow>();
    for (const part of chunks(values, BATCH)) {
      const rows = await db
        .selectFrom("suppressions")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("kind", "=", kind)
        .where("value", "in", part)
        .execute();
      for (const r of rows) out.set(r.value, fromDb(r));
    }
    return out;
  };
  return {
    async addSuppressions(workspaceId, entries, now) {
      const key = (e: { kind: string; value: string }) => `${e.kind}\n${e.value}`;
      const fresh = new Map<string, NewSuppression>();
      for (const e of entries) if (!fresh.has(key(e))) fresh.set(key(e), e);
      const rows = [...fresh.values()].map((e) => ({
        workspace_id: workspaceId,
        kind: e.kind,
        value: e.value,
        input: e.input,
        reason: e.reason,
        created_at: now,
      }));
      const added = new Set<number>();
      for (const part of chunks(rows, BATCH)) {
        const inserted = await db
          .insertInto("suppressions")
          .values(part)
          .onConflict((oc) => oc.columns(["workspace_id", "kind", "value"]).doNothing())
          .returning("id")
          .execute();
        for (const r of inserted) added.add(Number(r.id));
      }
      const known = new Map<string, SuppressionRow>();
      for (const kind of new Set(rows.map((r) => r.kind))) {
        const found = await find(
          workspaceId,
          kind,
          rows.filter((r) => r.kind === kind).map((r) => r.value),
        );
        for (const row of found.values()) known.set(key(row), row);
      }
      const reported = new Set<number>();
      return entries.map((e) => {
        const row = known.get(key(e)) as SuppressionRow;
        // An entry given twice was added by the first mention only.
        const first = !reported.has(row.id);
        reported.add(row.id);
        return { row, added: first && added.has(row.id) };
      });
    },

    async listSuppressions(workspaceId, page) {
      const [count, rows] = await Promise.all([
        db
          .selectFrom("suppressions")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("workspace_id", "=", workspaceId)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom("suppressions")
          .selectAll()
          .where("workspace_id", "=", workspaceId)
          .orderBy("id", "desc")
          .offset(page.offset)
          .limit(page.limit)
          .execute(),
      ]);
      return { total: Number(count.n), rows: rows.map(fromDb) };
    },

    async allSuppressions(workspaceId) {
      const rows = await db.selectFrom("suppressions").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
      return rows.map(fromDb);
    },

    async getSuppression(workspaceId, id) {
      const r = await db
        .selectFrom("suppressions")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .executeTakeFirst();
      return r ? fromDb(r) : null;
    },

    async findSuppression(workspaceId, kind, value) {
      return (await find(workspaceId, kind, [value])).get(value) ?? null;
    },

    async removeSuppression(workspaceId, id) {
      const r = await db.deleteFrom("suppressions").where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async suppressionSalt(workspaceId) {
      const read = () => db.selectFrom("suppression_salts").select("salt").where("workspace_id", "=", workspaceId).executeTakeFirst();
      const found = await read();
      if (found) return found.salt;
      await db
        .insertInto("suppression_salts")
        .values({ workspace_id: workspaceId, salt: randomBytes(32).toString("hex") })
        .onConflict((oc) => oc.column("workspace_id").doNothing())
        .execute();
      return ((await read()) as { salt: string }).salt;
    },

    async lockSuppressions(workspaceId, mode) {
      if (ctx.dialect !== "postgres") return;
      // FOR NO KEY UPDATE, not FOR UPDATE: the rows that refer to the workspace (people, log lines) keep being
      // written meanwhile (their foreign-key checks take FOR KEY SHARE, which only FOR UPDATE blocks).
      const q = db.selectFrom("workspaces").select("id").where("id", "=", workspaceId);
      await (mode === "share" ? q.forShare() : q.forNoKeyUpdate()).execute();
    },

    async activeCandidates(workspaceId, afterId, limit) {
      const people = await activePeople(workspaceId).where("p.id", ">", afterId).orderBy("p.id").limit(limit).execute();
      return withIdentifiers(people);
    },

    async activeCandidatesAmong(workspaceId, personIds) {
      const people = [];
      for (const part of chunks([...personIds], BATCH))
        people.push(...(await activePeople(workspaceId).where("p.id", "in", part).execute()));
      return withIdentifiers(people.sort((a, b) => Number(a.id) - Number(b.id)));
    },
  };
}
