/**
 * The in-memory store answers every report, listing, export and sub-store read exactly as SQLite does, bytes
 * included (key order, ties, NULLs, pages and cursors), and deletes the same rows: one simulated month with text
 * variants, replies and unreachable prospects is run on both, then the same calls go to both and their answers
 * are compared as JSON; with LINKPACE_TEST_PG, PostgreSQL's answers too. The contract suite checks each method on small hand-made data; this checks them on the
 * many ties and odd rows a simulation makes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "../../src/core/notifications.js";
import { DAY } from "../../src/core/time.js";
import { runSimulation } from "../../src/sim/run-simulation.js";
import type { Scenario } from "../../src/sim/scenario.js";
import { openMemoryStore } from "../../src/store/memory/memory-store.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { richScenario } from "../sim/scenarios.js";
import { storeBackends, type StoreBackend } from "./backends.js";

/** The rich scenario with two notes and two follow-up texts on the `us` campaign, so that variants are tallied. */
function scenario(): Scenario {
  const s = richScenario(7);
  const campaigns = s.campaigns.map((c) =>
    c.name !== "us"
      ? c
      : {
          ...c,
          autoWinner: true,
          steps: c.steps.map((step, i) => {
            if (step.kind === "connect")
              return {
                ...step,
                variants: [
                  { name: "a", text: step.note },
                  { name: "b", text: "Hello {{ firstName | default: 'there' }}" },
                ],
              };
            if (step.kind === "message" && i === 1)
              return {
                ...step,
                variants: [
                  { name: "thanks", text: step.text },
                  { name: "short", text: "Thanks!" },
                ],
              };
            return step;
          }),
        },
  );
  return { ...s, campaigns };
}

/** Every read this test makes, in order, with its answer as JSON: what both stores must say alike. */
type Transcript = Array<[string, string]>;

async function pages<T>(read: (after: T | null) => Promise<unknown[]>, cursor: (row: never) => T): Promise<unknown[]> {
  const all: unknown[] = [];
  let after: T | null = null;
  for (let i = 0; i < 10_000; i++) {
    const page = await read(after);
    if (page.length === 0) return all;
    all.push(...page);
    after = cursor(page[page.length - 1] as never);
  }
  throw new Error("pages: no end");
}

async function reads(store: Store, workspaceId: number, end: number): Promise<Transcript> {
  const out: Transcript = [];
  const say = async (what: string, answer: Promise<unknown>) => out.push([what, JSON.stringify(await answer)]);
  const accounts = await store.listAccounts(workspaceId);
  const campaigns = await store.listCampaigns(workspaceId);
  const filters = [{}, ...accounts.map((a) => ({ accountId: a.id })), ...campaigns.map((c) => ({ campaignId: c.id }))];

  for (const f of filters) {
    const tag = JSON.stringify(f);
    await say(
      `exportEnrollments ${tag}`,
      pages(
        (after: number | null) => store.exportEnrollments(workspaceId, f, after ?? 0, 37),
        (r: { enrollment: { id: number } }) => r.enrollment.id,
      ),
    );
    await say(
      `exportCustomFields ${tag}`,
      pages(
        (after: number | null) => store.exportCustomFields(workspaceId, f, after ?? 0, 29),
        (r: { id: number }) => r.id,
      ),
    );
    await say(
      `exportActivity ${tag}`,
      pages(
        (after: { at: number; id: number } | null) => store.exportActivity(workspaceId, f, after, 53),
        (r: { at: number; id: number }) => ({ at: r.at, id: r.id }),
      ),
    );
    await say(`listInvitations ${tag}`, store.listInvitations(workspaceId, f));
    await say(`enrollmentCounts ${tag}`, store.enrollmentCounts(f));
    await say(`openEnrollments ${tag}`, store.openEnrollments(workspaceId, f));
    await say(`countOpenActions ${tag}`, store.countOpenActions(f));
    for (const status of [undefined, "ready", "invited", "done"] as const)
      for (const page of [
        { offset: 0, limit: 25 },
        { offset: 40, limit: 7 },
      ])
        await say(
          `listEnrollments ${tag} ${status} ${page.offset}`,
          store.listEnrollments(workspaceId, { ...f, ...(status ? { status } : {}) }, page),
        );
    for (const handled of [undefined, true, false])
      await say(
        `listReplies ${tag} ${handled}`,
        store.listReplies(workspaceId, { ...f, ...(handled === undefined ? {} : { handled }) }, { offset: 0, limit: 500 }),
      );
  }
  await say(
    "exportUnenrolled",
    pages(
      (after: number | null) => store.exportUnenrolled(workspaceId, after ?? 0, 11),
      (r: { person: { id: number } }) => r.person.id,
    ),
  );
  await say("recentPeople", store.recentPeople(workspaceId, 30));
  await say("actionCounts", store.actionCounts(workspaceId));
  for (const at of [end - 20 * DAY, end - DAY, end]) await say(`queueDepth ${at}`, store.queueDepth(workspaceId, at));
  await say(
    "unreachableByAccount",
    store.unreachableByAccount(accounts.map((a) => a.id)).then((m) => [...m]),
  );
  await say("invitationOutcomes", store.invitationOutcomes(workspaceId, 0, end + DAY));
  await say("invitationOutcomes, a week", store.invitationOutcomes(workspaceId, end - 14 * DAY, end - 7 * DAY));
  for (const c of campaigns) {
    for (const decideAfter of [0, 7 * DAY, 21 * DAY]) {
      await say(`variantTallies ${c.name} connect ${decideAfter}`, store.variantTallies(c.id, "connect", { now: end, decideAfter }));
      await say(`variantTallies ${c.name} message ${decideAfter}`, store.variantTallies(c.id, "message", { now: end, decideAfter }));
    }
    await say(`variantWinners ${c.name}`, store.variantWinners(c.id));
  }
  for (const a of accounts) {
    await say(
      `recentNotifications ${a.name}`,
      store.recentNotifications(workspaceId, { kinds: NOTIFICATION_KINDS, accountId: a.id, limit: 500 }),
    );
  }
  await say(
    "recentNotifications since",
    store.recentNotifications(workspaceId, { kinds: NOTIFICATION_KINDS, since: end - 10 * DAY, limit: 17 }),
  );
  await say(
    "outboxAfter",
    pages(
      (after: number | null) => store.outboxAfter(after ?? 0, 13),
      (r: { id: number }) => r.id,
    ),
  );
  return out;
}

/** Webhook fan-out and attempts on the run's outbox, then the delivery log. */
async function deliveries(store: Store, workspaceId: number, end: number): Promise<Transcript> {
  const out: Transcript = [];
  const say = async (what: string, answer: Promise<unknown>) => out.push([what, JSON.stringify(await answer)]);
  const hook = await store.insertWebhook({
    workspaceId,
    url: "http://127.0.0.1:9/h",
    events: ["replied"],
    secret: "s",
    createdAt: end,
  });
  const outbox = await store.outboxAfter(0, 100_000);
  await say(
    "insertDeliveries",
    store.insertDeliveries(
      outbox.map((n, i) => ({
        webhookId: hook.id,
        notificationId: n.id,
        deliveryId: `d${n.id}`,
        nextAttemptAt: end + (i % 5),
        createdAt: end,
      })),
    ),
  );
  await say(
    "insertDeliveries again",
    store.insertDeliveries(
      outbox
        .slice(0, 3)
        .map((n) => ({ webhookId: hook.id, notificationId: n.id, deliveryId: `e${n.id}`, nextAttemptAt: end, createdAt: end })),
    ),
  );
  const due = await store.claimDueDeliveries(hook.id, end + 2, end + 100, 9);
  await say("claimDueDeliveries", Promise.resolve(due));
  for (const [i, d] of due.entries())
    await say(
      `recordDeliveryAttempt ${d.delivery.id}`,
      store.recordDeliveryAttempt(d.delivery.id, {
        at: end + 3,
        status: i % 2 ? "delivered" : "pending",
        statusCode: 500,
        error: null,
        nextAttemptAt: i % 2 ? null : end + 1,
      }),
    );
  await say("claimDueDeliveries again", store.claimDueDeliveries(hook.id, end + 5, end + 200, 1000));
  for (const status of [undefined, "pending", "delivered"] as const)
    await say(`listDeliveries ${status}`, store.listDeliveries(workspaceId, { ...(status ? { status } : {}), limit: 50 }));
  return out;
}

/** Forget someone who replied, delete a campaign, remove an account: what each took, then the reads again. */
async function removals(store: Store, workspaceId: number, end: number): Promise<Transcript> {
  const out: Transcript = [];
  const say = async (what: string, answer: Promise<unknown>) => out.push([what, JSON.stringify(await answer)]);
  // Actions in flight (the simulator answers at once, so a run leaves none), one at the instant of another line.
  const last = (await store.exportActivity(workspaceId, {}, { at: end - 3 * DAY, id: 0 }, 1))[0]!;
  for (const at of [last.at, end]) {
    await store.appendLog({
      workspaceId,
      at,
      type: "action",
      accountId: last.accountId,
      campaignId: last.campaignId,
      personId: last.personId,
      enrollmentId: last.enrollmentId,
      prospect: last.prospect,
      prospectTz: last.prospectTz,
      kind: "visit",
      note: null,
      text: null,
      result: null,
    });
  }
  await say("actionCounts, in flight", store.actionCounts(workspaceId));
  const replies = await store.listReplies(workspaceId, {}, { offset: 0, limit: 1 });
  const replied = replies.rows[0];
  expect(replied, "the run has a reply").toBeDefined();
  const urls = await store.personIdentifiers(replied!.personId);
  await say("personIdentifiers", Promise.resolve(urls));
  await say("personEnrollments", store.personEnrollments(replied!.personId));
  await say(
    "erasePersonRows",
    store.transaction((tx) =>
      tx.erasePersonRows({ workspaceId, personId: replied!.personId, urls: [...urls, replied!.person.displayUrl.toUpperCase()] }),
    ),
  );
  const campaigns = await store.listCampaigns(workspaceId);
  const accounts = await store.listAccounts(workspaceId);
  await say(
    "deleteCampaignRows",
    store.transaction((tx) => tx.deleteCampaignRows(campaigns.find((c) => c.name === "eu")!.id)),
  );
  await say(
    "deleteAccountRows",
    store.transaction((tx) => tx.deleteAccountRows(accounts.find((a) => a.name === "kolkata")!.id)),
  );
  out.push(...(await reads(store, workspaceId, end)));
  return out;
}

async function transcript(store: Store): Promise<Transcript> {
  const s = scenario();
  const run = await runSimulation({ scenario: s, scenarioPath: "memory-reads", store });
  const end = s.start + s.days * DAY;
  const workspaceId = run.app.ctx.workspaceId;
  return [
    ...(await reads(store, workspaceId, end)),
    ...(await deliveries(store, workspaceId, end)),
    ...(await removals(store, workspaceId, end)),
  ];
}

/** The first read whose answer differs from SQLite's, or null. */
function firstDifference(expected: Transcript, actual: Transcript): { read: string; other: string; sqlite: string } | null {
  expect(actual.map(([w]) => w)).toEqual(expected.map(([w]) => w));
  const i = actual.findIndex(([, answer], j) => answer !== expected[j]![1]);
  return i === -1 ? null : { read: actual[i]![0], other: actual[i]![1], sqlite: expected[i]![1] };
}

describe("the memory store's reads", () => {
  let expected: Transcript = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "linkpace-memory-reads-"));
    const sqlite = await openStore(join(dir, "sim.db"));
    try {
      expected = await transcript(sqlite);
    } finally {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it("are SQLite's, byte for byte, on a simulated month, before and after removals", async () => {
    // Not vacuous: the run made variants, replies, refusals and notifications to read.
    const said = (what: string) => expected.find(([w]) => w === what)?.[1] ?? "";
    expect(said("variantTallies us connect 0")).toMatch(/"variant"/);
    expect(said("variantTallies us message 0")).toMatch(/"variant"/);
    expect(said("listReplies {} undefined")).toMatch(/"text"/);
    expect(said("unreachableByAccount")).toMatch(/[1-9]/);
    expect(said("claimDueDeliveries")).toMatch(/"deliveryId"/);
    expect(said("actionCounts, in flight")).toMatch(/"result":null/);
    const memory = openMemoryStore();
    try {
      expect(firstDifference(expected, await transcript(memory))).toBeNull();
    } finally {
      await memory.close();
    }
  }, 240_000);

  // The third backend, when the environment has one: the same bytes on all three.
  const postgres = storeBackends().find((b) => b.name === "postgres");
  it.skipIf(!postgres)(
    "are PostgreSQL's too",
    async (ctx) => {
      const db = await (postgres as StoreBackend).create();
      ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
      expect(firstDifference(expected, await transcript(db.store))).toBeNull();
    },
    240_000,
  );
});
