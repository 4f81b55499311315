/**
 * The Store contract for the do-not-contact list (store/suppressions.ts, migration 013) on every backend
 * storeBackends() finds (PostgreSQL when LINKPACE_TEST_PG is set): one entry per kind and value, pages newest
 * first, removal, one salt per workspace, and the people with an enrollment still going.
 */
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { HOUR, VirtualClock } from "../../src/core/time.js";
import { addSuppressions, suppressIdentifierHashes, suppressionEntries } from "../../src/engine/suppress.js";
import { ScriptedChannel, prospect } from "../support/harness.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { DEFAULT_WORKSPACE, type Store } from "../../src/store/store.js";
import { storeBackends, type TestDatabase } from "./backends.js";
import { newEnrollment, newPerson, seedAccountAndCampaign, T0 } from "./fixtures.js";

describe.each(storeBackends())("the do-not-contact list on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  });

  const W = DEFAULT_WORKSPACE;

  it("keeps one entry per kind and value, and says which entries a call added", async () => {
    const first = await store.addSuppressions(
      W,
      [
        { kind: "company", value: "acme", input: "Acme Inc", reason: "customer" },
        { kind: "domain", value: "acme", input: "acme", reason: null },
        { kind: "company", value: "acme", input: "ACME", reason: null },
      ],
      T0,
    );
    expect(first.map((x) => [x.row.kind, x.row.value, x.row.input, x.added])).toEqual([
      ["company", "acme", "Acme Inc", true],
      ["domain", "acme", "acme", true],
      ["company", "acme", "Acme Inc", false],
    ]);
    expect(first[0]?.row).toMatchObject({ workspaceId: W, reason: "customer", createdAt: T0 });
    const again = await store.addSuppressions(W, [{ kind: "company", value: "acme", input: "Acme", reason: "other" }], T0 + HOUR);
    expect(again).toEqual([{ row: first[0]?.row, added: false }]);
    expect(await store.findSuppression(W, "company", "acme")).toEqual(first[0]?.row);
    expect(await store.findSuppression(W, "company", "globex")).toBeNull();
  });

  it("lists newest first in pages, reads the whole list in id order, and removes by id", async () => {
    const made = await store.addSuppressions(
      W,
      ["a", "b", "c", "d", "e"].map((v) => ({ kind: "company" as const, value: v, input: v.toUpperCase(), reason: null })),
      T0,
    );
    const page = await store.listSuppressions(W, { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.value)).toEqual(["d", "c"]);
    expect((await store.allSuppressions(W)).map((r) => r.value)).toEqual(["a", "b", "c", "d", "e"]);
    const c = made[2]?.row.id as number;
    expect(await store.getSuppression(W, c)).toMatchObject({ value: "c", input: "C" });
    expect(await store.removeSuppression(W, c)).toBe(true);
    expect(await store.removeSuppression(W, c)).toBe(false);
    expect(await store.getSuppression(W, c)).toBeNull();
    const other = await store.insertWorkspace("other");
    expect(await store.getSuppression(other.id, made[0]?.row.id as number)).toBeNull();
    expect(await store.removeSuppression(other.id, made[0]?.row.id as number)).toBe(false);
    expect((await store.listSuppressions(W, { offset: 0, limit: 10 })).total).toBe(4);
  });

  it("makes one random salt per workspace and keeps it", async () => {
    const salt = await store.suppressionSalt(W);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.suppressionSalt(W)).toBe(salt);
    const other = await store.insertWorkspace("other");
    expect(await store.suppressionSalt(other.id)).not.toBe(salt);
  });

  it.runIf(backend.name === "postgres")("makes an addition wait for an import that holds the list", async () => {
    const other = await db.openAnother();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = (): void => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const order: string[] = [];
    const importing = store.transaction(async (tx) => {
      await tx.lockSuppressions(W, "share");
      locked();
      await held;
      order.push("import committed");
    });
    await isLocked;
    const adding = other.transaction(async (tx) => {
      await tx.lockSuppressions(W, "change");
      order.push("added");
    });
    // Wait until the addition is seen waiting for the lock (PostgreSQL says so), then let the import finish.
    const client = new pg.Client({ connectionString: process.env.LINKPACE_TEST_PG });
    await client.connect();
    try {
      for (let i = 0; ; i++) {
        const r = await client.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%for no key update%' AND query ILIKE '%workspaces%'",
        );
        if ((r.rows[0] as { n: number }).n > 0) break;
        expect(i, "the addition never waited").toBeLessThan(5000);
      }
    } finally {
      await client.end();
    }
    expect(order).toEqual([]);
    release();
    await importing;
    await adding;
    expect(order).toEqual(["import committed", "added"]);
  });

  it("takes its lock inside a transaction on either backend", async () => {
    await store.transaction(async (tx) => {
      await tx.lockSuppressions(W, "share");
      await tx.lockSuppressions(W, "change");
    });
  });

  it("finds the people with an enrollment not done, with their identifiers, company and columns", async () => {
    const ids = await seedAccountAndCampaign(store);
    const person = async (slug: string, status: "ready" | "done" | null, over = {}) => {
      const urls = [`https://www.linkedin.com/in/${slug}`, `https://www.linkedin.com/in/ACoAAB${slug}xyz`];
      const id = await store.insertPerson(newPerson({ displayUrl: urls[0] as string, ...over }), urls);
      if (status !== null) await store.insertEnrollments([newEnrollment({ ...ids, personId: id }, { status })]);
      return id;
    };
    const a = await person("a", "ready", { company: "Acme", custom: { email: "a@acme.com" } });
    await person("b", "done");
    await person("c", null);
    const d = await person("d", "ready");
    const all = await store.activeCandidates(W, 0, 10);
    expect(all.map((p) => p.personId)).toEqual([a, d]);
    expect(all[0]).toEqual({
      personId: a,
      company: "Acme",
      custom: { email: "a@acme.com" },
      identifiers: ["https://www.linkedin.com/in/ACoAABaxyz", "https://www.linkedin.com/in/a"],
    });
    expect((await store.activeCandidates(W, a, 10)).map((p) => p.personId)).toEqual([d]);
    expect(await store.activeCandidates(W, 0, 1)).toHaveLength(1);
    const b = a + 1;
    const among = await store.activeCandidatesAmong(W, [d, b, a, 999_999]);
    expect(among.map((p) => p.personId)).toEqual([a, d]);
    expect(among[0]).toEqual(all[0]);
    expect(await store.activeCandidatesAmong(W, [])).toEqual([]);
  });

  it("lets the engine refuse at import and end at addition on this backend, hash entries included", async () => {
    const app = new App({ store, channel: new ScriptedChannel(), clock: new VirtualClock(T0 + 9 * HOUR) });
    await app.addAccount(accountDoc());
    await app.createCampaign(campaignDoc());
    await app.enroll("c1", [
      { prospect: prospect("anna", { company: "Acme Inc" }) },
      { prospect: prospect("bob", { company: "Initech" }) },
    ]);
    const out = await addSuppressions(
      app.ctx,
      suppressionEntries([{ kind: "company", input: "ACME" }], "customer", () => "company"),
    );
    expect(out).toMatchObject({ ended: 1, withdrawals: 0, awaitingResult: 0 });
    await suppressIdentifierHashes(app.ctx, store, W, ["https://www.linkedin.com/in/erin"]);
    const results = await app.enroll("c1", [
      { line: 2, prospect: prospect("carl", { company: "acme" }) },
      { line: 3, prospect: prospect("erin", { company: "Initech" }) },
      { line: 4, prospect: prospect("dora", { company: "Initech" }) },
    ]);
    expect(results.map((r) => (r.status === "refused" ? r.reason.replace(/, entry \d+\)$/, ")") : r.status))).toEqual([
      'suppressed (company "ACME")',
      "suppressed (a person erased earlier)",
      "enrolled",
    ]);
    const counts = await store.enrollmentCounts({});
    expect(counts.byEndReason).toEqual({ suppressed: 1 });
  });
});
