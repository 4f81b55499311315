/**
 * Two server processes on one database, as two `linkpace serve` would be: two APIs, each with its own store and
 * so its own connections (on SQLite, which serialises writers, they share one). An executor's answers for one
 * action reach both at once: a report repeated (a retry), two different reports, a report and a skip, a report
 * and a release, two skips. Exactly one answer per action takes effect: one result in the log (none after a
 * skip), one charge to the governor, at most one invite_sent notification, and the enrollment moved once. The
 * other is a duplicate when it is the same answer, else a 409 (a report that lost to a skip too, never a 404).
 */
import { describe, expect, it } from "vitest";
import { createToken } from "../../src/api/auth.js";
import { createApi, type Api } from "../../src/api/create-api.js";
import { loadGovernorState } from "../../src/core/governor/index.js";
import type { ActionResult } from "../../src/core/model.js";
import { DAY, MINUTE, VirtualClock, parseInstant } from "../../src/core/time.js";
import type { Store } from "../../src/store/store.js";
import { sqlBackends } from "../store/backends.js";
import { T0 } from "./api-harness.js";

const ACCOUNTS = 20;
const ROUNDS = 6;

type Answer = { type: "agent" | "task"; result: ActionResult } | { type: "skip" | "release" };
/** The pairs, in turn: each answer of a pair goes to a different server. */
const PAIRS: Array<[Answer, Answer]> = [
  [
    { type: "agent", result: "ok" },
    { type: "agent", result: "ok" },
  ],
  [
    { type: "agent", result: "ok" },
    { type: "agent", result: "profile_unavailable" },
  ],
  [
    { type: "task", result: "already_connected" },
    { type: "agent", result: "ok" },
  ],
  [{ type: "task", result: "ok" }, { type: "skip" }],
  [{ type: "skip" }, { type: "agent", result: "profile_unavailable" }],
  [{ type: "agent", result: "profile_unavailable" }, { type: "release" }],
  [{ type: "skip" }, { type: "skip" }],
];

interface Reply {
  status: number;
  body: any;
}

function client(api: Api, token: string) {
  return async (path: string, body?: unknown, type = "application/json"): Promise<Reply> => {
    const res = await api.http.request(path, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : null };
  };
}

type Call = ReturnType<typeof client>;

function send(call: Call, id: number, answer: Answer): Promise<Reply> {
  switch (answer.type) {
    case "agent":
      return call("/v1/agent/report", { actionId: id, result: answer.result });
    case "task":
      return call(`/v1/tasks/${id}/report`, { result: answer.result });
    case "skip":
      return call(`/v1/tasks/${id}/skip`);
    case "release":
      return call(`/v1/tasks/${id}/release`);
  }
}

const answerOf = (a: Answer): string => ("result" in a ? a.result : a.type);

/** The answer that took effect, checking that the other was told why not (a release is no answer). */
function winner(pair: [Answer, Answer], replies: [Reply, Reply]): Answer {
  const took = pair.map((a, i) => a.type !== "release" && replies[i]!.status === 200 && replies[i]!.body.duplicate !== true);
  const released = pair.findIndex((a) => a.type === "release");
  if (released >= 0) {
    expect(replies[released]!.status).toBe(200);
    expect(took[1 - released]).toBe(true);
    return pair[1 - released]!;
  }
  expect(took.filter(Boolean)).toHaveLength(1);
  const w = took.indexOf(true);
  const [won, lost, reply] = [pair[w]!, pair[1 - w]!, replies[1 - w]!];
  // The same answer again (a result, or a skip) is a duplicate; any other is a 409, a report after a skip too.
  if (answerOf(won) === answerOf(lost)) expect(reply).toMatchObject({ status: 200, body: { duplicate: true } });
  else expect(reply.status, JSON.stringify(reply.body)).toBe(409);
  if (won.type === "skip" && lost.type !== "skip")
    expect(reply.body.detail).toMatch(/ was skipped at .*: it will be handed out again as a new action/);
  return won;
}

async function seed(call: Call): Promise<void> {
  for (let a = 0; a < ACCOUNTS; a++) {
    const account = {
      name: `a${a}`,
      timezone: "Europe/Paris",
      type: "premium",
      created: "2019-05-01",
      warmup: "off",
      limits: { minGap: "1m", invitesPerDay: 100 },
    };
    expect((await call("/v1/accounts", account)).status).toBe(201);
    const campaign = {
      name: `c${a}`,
      account: `a${a}`,
      schedule: { timezone: "Europe/Paris", days: ["mon", "tue", "wed", "thu", "fri"], hours: "08:00-18:00" },
      steps: [{ connect: { note: "Hi {{ firstName }}!" } }],
    };
    expect((await call("/v1/campaigns", campaign)).status).toBe(201);
    const rows = Array.from(
      { length: ROUNDS + 2 },
      (_, p) => `https://www.linkedin.com/in/p-${a}-${p},P${p},A${a},Acme,CTO,"Paris, France"`,
    );
    const csv = `profileUrl,firstName,lastName,company,title,location\n${rows.join("\n")}\n`;
    expect((await call(`/v1/prospects/import?campaign=c${a}`, csv, "text/csv")).body.enrolled).toBe(ROUNDS + 2);
  }
}

/** The enrollment as the answer that took effect leaves it. */
async function expectEnrollment(store: Store, enrollmentId: number, won: Answer): Promise<void> {
  const e = await store.getEnrollment(enrollmentId);
  expect(e?.leaseActionId).toBeNull();
  if (won.type === "skip") expect(e).toMatchObject({ status: "ready", invitedAt: null });
  else if (won.type === "agent" || won.type === "task") {
    if (won.result === "ok") expect(e).toMatchObject({ status: "invited" });
    if (won.result === "profile_unavailable")
      expect(e).toMatchObject({ status: "done", endReason: "profile_unavailable", invitedAt: null });
    if (won.result === "already_connected") expect(e).toMatchObject({ invitedAt: null });
  }
}

// SQL backends only: two servers cannot share an in-memory database (and its single-store races never let a task win).
describe.each(sqlBackends())("answers for one action reaching two servers at once, on $name", (backend) => {
  it("take effect exactly once: one log result, one charge, one notification", async () => {
    const db = await backend.create();
    let passed = false;
    try {
      const clock = new VirtualClock(parseInstant(T0) as number);
      // A synchronous SQLite driver would block the event loop while the other connection holds the write lock.
      const stores = [db.store, backend.name === "postgres" ? await db.openAnother() : db.store];
      const rateLimit = { burst: 100_000, perSecond: 100_000 };
      const { token } = await createToken(db.store, { workspaceId: 1, name: "executor", now: clock.now() });
      const calls = stores.map((store) => client(createApi({ store, clock, rateLimit }), token)) as [Call, Call];
      await seed(calls[0]);

      const effects: Array<{ id: number; accountId: number; personId: number; won: Answer }> = [];
      for (let round = 0; round < ROUNDS; round++) {
        const claims = await Promise.all(Array.from({ length: ACCOUNTS }, (_, a) => calls[a % 2]!("/v1/tasks/next", { account: `a${a}` })));
        const ids = claims.filter((c) => c.body.type === "task").map((c) => c.body.task.actionId as number);
        const rows = await Promise.all(ids.map((id) => db.store.getLogRow(id)));
        const pairs = ids.map((id, i) => PAIRS[(round * ACCOUNTS + i) % PAIRS.length]!);
        const replies = await Promise.all(
          ids.map((id, i) => Promise.all([send(calls[0], id, pairs[i]![0]), send(calls[1], id, pairs[i]![1])])),
        );
        for (const [i, id] of ids.entries()) {
          const won = winner(pairs[i]!, replies[i]!);
          const row = await db.store.getLogRow(id);
          if (won.type === "skip") expect(row).toBeNull();
          else expect(row?.result).toBe("result" in won ? won.result : null);
          await expectEnrollment(db.store, rows[i]!.enrollmentId!, won);
          effects.push({ id, accountId: rows[i]!.accountId, personId: rows[i]!.personId!, won });
        }
        clock.advance(10 * MINUTE);
      }
      expect(effects.length).toBeGreaterThanOrEqual(100);
      // Every kind of pair was exercised, and each way a pair can end happened (not vacuous).
      expect(new Set(effects.map((e) => e.won.type))).toEqual(new Set(["agent", "task", "skip"]));

      const okConnects = effects.filter((e) => "result" in e.won && e.won.result === "ok");
      for (const account of await db.store.listAccounts(1)) {
        const mine = effects.filter((e) => e.accountId === account.id);
        const results = await db.store.accountActions(account.id, 0, clock.now() + DAY);
        expect(results.map((r) => r.id).sort()).toEqual(
          mine
            .filter((e) => e.won.type !== "skip")
            .map((e) => e.id)
            .sort(),
        );
        const state = loadGovernorState(account.state);
        const oks = okConnects.filter((e) => e.accountId === account.id).length;
        expect({
          charged: state.actionCount,
          connects: state.today.connect,
          invites: state.inviteTimes.length,
          pending: state.pending,
        }).toEqual({
          charged: results.length,
          connects: oks,
          invites: oks,
          pending: oks,
        });
      }
      const sent = (await db.store.readNotifications(1, 0, 10_000)).filter((n) => n.kind === "invite_sent");
      expect(sent.map((n) => n.personId).sort()).toEqual(okConnects.map((e) => e.personId).sort());
      passed = true;
    } finally {
      await db.dispose(passed);
    }
  }, 180_000);
});
