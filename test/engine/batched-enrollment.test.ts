/**
 * Enrolling in batches (engine/enroll.ts, Store.insertPersons): the same results, people and enrollments, with
 * the same ids, as enrolling each import one after the other; in a few statements per thousand people.
 */
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { LinkedInSimulator } from "../../src/channels/simulator/index.js";
import { VirtualClock } from "../../src/core/time.js";
import { profileIdentifiers } from "../../src/core/prospect/profile-url.js";
import type { EnrollItem } from "../../src/engine/enroll.js";
import { generateScenario } from "../../src/sim/generate.js";
import type { Scenario } from "../../src/sim/scenario.js";
import { statementsSent } from "../../src/store/statement-counter.js";
import { storeBackends, type TestDatabase } from "../store/backends.js";

/** The scenario's prospects as runs of one campaign, as `linkpace sim` enrolls them, with some named twice. */
function imports(scenario: Scenario): Array<{ campaign: string; items: EnrollItem[] }> {
  const out: Array<{ campaign: string; items: EnrollItem[] }> = [];
  const people = [
    ...scenario.prospects,
    ...scenario.prospects.slice(0, 20).map((p, i) => ({ ...p, campaign: scenario.prospects[i + 1]!.campaign })),
  ];
  for (const p of people) {
    const item: EnrollItem = {
      prospect: {
        identifiers: profileIdentifiers([p.profileUrl]).map((id) => id.url),
        firstName: p.firstName,
        lastName: p.lastName,
        company: p.company,
        title: p.title,
        location: p.location,
        timezone: p.timezone,
        connected: p.connected,
        custom: p.custom,
      },
    };
    const last = out[out.length - 1];
    if (last?.campaign === p.campaign) last.items.push(item);
    else out.push({ campaign: p.campaign, items: [item] });
  }
  return out;
}

async function setUp(db: TestDatabase, scenario: Scenario): Promise<App> {
  const clock = new VirtualClock(scenario.start);
  const channel = new LinkedInSimulator({ seed: scenario.seed, accounts: [] });
  const app = new App({ store: db.store, channel, clock, seed: String(scenario.seed) });
  for (const a of scenario.accounts) await app.addAccount(a.doc);
  for (const c of scenario.campaigns) await app.createCampaign(c);
  return app;
}

describe.each(storeBackends())("batched enrolment on $name", (backend) => {
  const dbs: TestDatabase[] = [];
  let passed = false;
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.dispose(passed);
  });

  it("writes what enrolling each import in turn writes, in far fewer statements", async () => {
    const scenario = generateScenario({ accounts: 3, prospects: 1500, days: 1, seed: 4 });
    const batches = imports(scenario);
    expect(batches.length).toBeGreaterThan(100);
    const [one, many] = [await backend.create(), await backend.create()];
    dbs.push(one, many);
    const [byOne, byMany] = [await setUp(one, scenario), await setUp(many, scenario)];

    let before = statementsSent();
    const expected = [];
    for (const b of batches) expected.push(await byOne.enroll(b.campaign, b.items));
    const inTurn = statementsSent() - before;
    before = statementsSent();
    const got = await byMany.enrollMany(batches);
    const batched = statementsSent() - before;

    expect(got).toEqual(expected);
    const results = got.flat();
    expect(results.filter((r) => r.status === "enrolled").length).toBeGreaterThan(1000);
    expect(results.some((r) => r.status === "refused" && r.reason.startsWith("already enrolled"))).toBe(true);
    expect(results.some((r) => r.status === "refused" && r.reason.startsWith("unreachable"))).toBe(true);
    // The same people, with the same ids, and the same enrollments.
    const ids = batches.flatMap((b) => b.items.flatMap((i) => i.prospect.identifiers));
    const people = await one.store.findPersonIds(1, ids);
    expect(await many.store.findPersonIds(1, ids)).toEqual(people);
    const personIds = [...new Set(people.values())];
    expect(await many.store.activeEnrollments(1, personIds)).toEqual(await one.store.activeEnrollments(1, personIds));
    for (const id of personIds.slice(0, 50)) expect(await many.store.getPerson(id)).toEqual(await one.store.getPerson(id));
    // A few statements per batch of 500 (the unreachable are recorded one by one), against several per person.
    const unreachable = results.filter((r) => r.status === "refused" && r.reason.startsWith("unreachable")).length;
    console.log(`${backend.name}: ${inTurn} statements in turn, ${batched} batched (${unreachable} unreachable)`);
    if (backend.name !== "sqlite" && backend.name !== "postgres") return void (passed = true); // no statements to count
    expect(batched - unreachable).toBeLessThan(80);
    expect(inTurn).toBeGreaterThan(10 * batched);
    passed = true;
  }, 120_000);
});
