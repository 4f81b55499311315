/**
 * The export queries on every backend, read through the paging generators with pages of 2 rows so that every
 * page boundary (equal instants in the log, the switch from enrollments to people never enrolled) is crossed.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { readActivityRecords, readProspectRecords } from "../../src/io/export-rows.js";
import { customColumns } from "../../src/io/prospect-writer.js";
import { DEFAULT_WORKSPACE, type ExportFilter, type Store } from "../../src/store/store.js";
import { storeBackends, type TestDatabase } from "./backends.js";
import { newEnrollment, newLog, seedAccountAndCampaign, seedPeople, T0 } from "./fixtures.js";

const WS = DEFAULT_WORKSPACE;
const H = 3_600_000;

async function all<T>(gen: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe.each(storeBackends())("export queries on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;
  let alice: { accountId: number; campaignId: number };
  let bob: { accountId: number; campaignId: number };
  let people: number[];

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
    alice = await seedAccountAndCampaign(store, "alice");
    bob = await seedAccountAndCampaign(store, "bob");
    people = await seedPeople(store, 7);
    const [p0, p1, p2, p3, p4] = people as [number, number, number, number, number];
    await store.insertEnrollments([
      newEnrollment(
        { ...alice, personId: p0 },
        {
          status: "done",
          invitedAt: T0 + H,
          acceptedAt: T0 + 3.5 * H,
          repliedAt: T0 + 10 * H,
          messagesSent: 1,
          endedAt: T0 + 10 * H,
          endReason: "replied",
        },
      ),
      newEnrollment({ ...bob, personId: p1 }, { status: "invited", invitedAt: T0 + 2 * H }),
      newEnrollment({ ...alice, personId: p2 }),
      newEnrollment({ ...bob, personId: p3 }, { status: "done", endedAt: T0, endReason: "unreachable" }),
      newEnrollment({ ...alice, personId: p4 }, { visitedAt: T0 + H }),
      // p0 again, in another campaign once the first enrollment ended: a second row.
      newEnrollment({ ...bob, personId: p0 }),
    ]);
    // Log rows out of id order, with equal instants across page boundaries, an in-flight action and events.
    const log = (over: Parameters<typeof newLog>[1] & { accountId: number }) => store.appendLog(newLog(over.accountId, over));
    await log({ ...alice, personId: p0, prospect: "https://www.linkedin.com/in/p0", at: T0 + 2 * H, kind: "connect", note: "Hi p0" });
    await log({ ...bob, personId: p1, prospect: "https://www.linkedin.com/in/p1", at: T0 + H, kind: "visit" });
    await log({ ...alice, personId: p2, prospect: "https://www.linkedin.com/in/p2", at: T0 + H, kind: "visit" });
    await log({ ...alice, personId: p4, prospect: "https://www.linkedin.com/in/p4", at: T0 + H, kind: "visit", result: null });
    await log({
      ...alice,
      personId: p0,
      prospect: "https://www.linkedin.com/in/p0",
      at: T0 + 2 * H,
      type: "event",
      kind: "accepted",
      result: null,
    });
    await log({ accountId: bob.accountId, at: T0 + 2 * H, type: "event", kind: "restricted", result: null });
    await log({ ...alice, personId: p0, prospect: "https://www.linkedin.com/in/p0", at: T0 + 3 * H, kind: "message", text: "Thanks!" });
  });

  it("gives one prospect row per enrollment in id order, then people never enrolled, page after page", async () => {
    const rows = await all(readProspectRecords(store, WS, {}, 2));
    expect(rows.map((r) => [r.profileUrl.slice(-2), r.account, r.stage])).toEqual([
      ["p0", "alice", "replied"],
      ["p1", "bob", "invited"],
      ["p2", "alice", "enrolled"],
      ["p3", "bob", "ended:unreachable"],
      ["p4", "alice", "visited"],
      ["p0", "bob", "enrolled"],
      ["p5", null, "not_enrolled"],
      ["p6", null, "not_enrolled"],
    ]);
    expect(rows[0]).toMatchObject({
      campaign: "c-alice",
      status: "done",
      invitedAt: "2027-03-01T01:00:00Z",
      hoursToAccept: 2.5,
      hoursToReply: 9,
      messagesSent: 1,
      timezone: "Europe/Berlin",
      timezoneSource: "explicit",
    });
    expect(await all(readProspectRecords(store, WS, {}, 1000))).toEqual(rows);
  });

  it.each<[string, (ids: { alice: number; bob: number; c: number }) => ExportFilter, string[]]>([
    ["a campaign", ({ c }) => ({ campaignId: c }), ["p1", "p3", "p0"]],
    ["an account", ({ bob }) => ({ accountId: bob }), ["p1", "p3", "p0"]],
    ["an account and another's campaign", ({ alice, c }) => ({ accountId: alice, campaignId: c }), []],
  ])("keeps only the enrollments of %s, without people never enrolled", async (_what, filter, slugs) => {
    const f = filter({ alice: alice.accountId, bob: bob.accountId, c: bob.campaignId });
    const rows = await all(readProspectRecords(store, WS, f, 2));
    expect(rows.map((r) => r.profileUrl.slice(-2))).toEqual(slugs);
  });

  it("gives the activity in (at, id) order across pages, with names, leaving out actions still in flight", async () => {
    const rows = await all(readActivityRecords(store, WS, {}, 2));
    expect(rows.map((r) => [r.at.slice(11, 13), r.account, r.type, r.kind, r.result, r.prospectName, r.text])).toEqual([
      ["01", "bob", "action", "visit", "ok", "p1 Doe", null],
      ["01", "alice", "action", "visit", "ok", "p2 Doe", null],
      ["02", "alice", "action", "connect", "ok", "p0 Doe", "Hi p0"],
      ["02", "alice", "event", "accepted", null, "p0 Doe", null],
      ["02", "bob", "event", "restricted", null, null, null],
      ["03", "alice", "action", "message", "ok", "p0 Doe", "Thanks!"],
    ]);
    expect(await all(readActivityRecords(store, WS, {}, 1000))).toEqual(rows);
    const bobs = await all(readActivityRecords(store, WS, { accountId: bob.accountId }, 1));
    expect(bobs.map((r) => r.kind)).toEqual(["visit", "restricted"]);
    const campaign = await all(readActivityRecords(store, WS, { campaignId: bob.campaignId }, 1));
    expect(campaign.map((r) => r.kind)).toEqual(["visit"]);
  });

  it("finds the imported extra columns of the exported people, in the order first met, across pages", async () => {
    const [p0, p1, p2, , , p5] = people as [number, number, number, number, number, number];
    await store.updatePerson(p2, { custom: { Email: "p2@example.com", Phone: "1" } });
    await store.updatePerson(p1, { custom: { "Lead Score": "7" } });
    await store.updatePerson(p0, { custom: { Email: "p0@example.com", status: "hot" } });
    await store.updatePerson(p5, { custom: { Source: "fair" } });
    expect(await customColumns(store, WS, {}, 2)).toEqual(["Email", "status", "Lead Score", "Phone", "Source"]);
    expect(await customColumns(store, WS, { campaignId: bob.campaignId }, 1)).toEqual(["Email", "status", "Lead Score"]);
    expect(await customColumns(store, WS, { accountId: alice.accountId, campaignId: bob.campaignId })).toEqual([]);
    const rows = await all(readProspectRecords(store, WS, {}, 2));
    expect(rows.map((r) => r.custom)).toEqual([
      { Email: "p0@example.com", status: "hot" },
      { "Lead Score": "7" },
      { Email: "p2@example.com", Phone: "1" },
      {},
      {},
      { Email: "p0@example.com", status: "hot" },
      { Source: "fair" },
      {},
    ]);
  });

  it("names people as written and writes every instant in whole seconds", async () => {
    const [p0] = people as [number];
    await store.updatePerson(p0, { firstName: "伟", lastName: "李", fullName: "李伟" });
    await store.insertEnrollments([
      newEnrollment({ ...alice, personId: people[6]! }, { status: "invited", enrolledAt: T0 + 999, invitedAt: T0 + H + 456 }),
    ]);
    await store.appendLog(
      newLog(alice.accountId, { ...alice, personId: p0, prospect: "https://www.linkedin.com/in/p0", at: T0 + 4 * H + 1, kind: "visit" }),
    );
    const rows = await all(readProspectRecords(store, WS, {}));
    expect(rows[0]).toMatchObject({ firstName: "伟", lastName: "李", fullName: "李伟" });
    expect(rows.find((r) => r.profileUrl.endsWith("/p6"))).toMatchObject({
      enrolledAt: "2027-03-01T00:00:00Z",
      invitedAt: "2027-03-01T01:00:00Z",
    });
    const activity = await all(readActivityRecords(store, WS, {}));
    expect(activity.at(-1)).toMatchObject({ at: "2027-03-01T04:00:00Z", prospectName: "李伟" });
    const instants = [...rows, ...activity]
      .flatMap((r) => Object.values(r))
      .filter((v) => typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v));
    expect(instants.length, "not vacuous: the records hold instants").toBeGreaterThan(3);
    for (const v of instants) expect(v).toMatch(/T\d\d:\d\d:\d\dZ$/);
  });
});
