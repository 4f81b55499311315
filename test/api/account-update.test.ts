/** PUT /v1/accounts/{name}: new settings take effect at once; the governor's learned state is kept. */
import { describe, expect, it } from "vitest";
import { initialGovernorState } from "../../src/core/governor/index.js";
import { parseInstant } from "../../src/core/time.js";
import { ACCOUNT, seeded, T0 } from "./api-harness.js";

const PREMIUM = {
  ...ACCOUNT,
  type: "premium",
  workingHours: { days: ["mon", "tue"], hours: "09:00-17:00" },
  limits: { invitesPerDay: 35, invitesPerWeek: 150, minGap: "3m" },
};

describe("PUT /v1/accounts/{name}", () => {
  it("replaces the settings (free → premium): today's budget and note allowance change, learned budget, pause and counts stay", async () => {
    const h = await seeded();
    const row = (await h.store.getAccount(1, "alice"))!;
    const pausedUntil = (parseInstant(T0) as number) + 3 * 24 * 3600_000;
    const learned = {
      ...initialGovernorState(),
      learnedWeeklyBudget: 60,
      pausedUntil,
      pauseReason: "LinkedIn showed a warning",
      pending: 7,
    };
    await h.store.updateAccount(row.id, { state: learned, wakeAt: null });

    const before = (await h.call(h.tokenA, "GET", "/v1/status?account=alice")).body.accounts[0];
    expect(before).toMatchObject({
      type: "free",
      today: { invites: { budget: 20 } },
      notes: { perMonth: 5 },
      week: { invites: { budget: 60 }, learned: true },
    });

    const put = await h.call(h.tokenA, "PUT", "/v1/accounts/alice", PREMIUM);
    expect(put.status, put.text).toBe(200);
    expect(put.body.account).toEqual({
      name: "alice",
      timezone: "Europe/Paris",
      type: "premium",
      created: "2019-05-01",
      warmup: "auto",
      pacing: "drip",
      workingHours: { days: ["mon", "tue"], hours: "09:00-17:00" },
      limits: {
        invitesPerWeek: 150,
        invitesPerDay: 35,
        messagesPerDay: 50,
        visitsPerDay: 80,
        pendingMax: 500,
        notesPerMonth: null,
        minGap: "3m",
        sittingGap: "20s",
      },
    });
    expect(put.body.status).toMatchObject({ type: "premium", today: { invites: { budget: 35 } } });

    const after = (await h.call(h.tokenA, "GET", "/v1/status?account=alice")).body.accounts[0];
    expect(after).toMatchObject({
      type: "premium",
      today: { invites: { budget: 35 } },
      notes: { perMonth: null },
      week: { invites: { budget: 60 }, learned: true }, // the learned lower budget still wins over 150
      pending: { count: 7, max: 500 },
      paused: { reason: "LinkedIn showed a warning" },
    });
    const stored = (await h.store.getAccount(1, "alice"))!;
    expect(stored.state).toMatchObject({ learnedWeeklyBudget: 60, pausedUntil, pending: 7 });
    expect(stored.wakeAt).toBe(h.clock.now()); // woken: the engine re-decides with the new limits
    expect((await h.call(h.tokenA, "GET", "/v1/accounts/alice")).body.account.type).toBe("premium");
  });

  it("refuses a rename (422 naming name), an unknown account (404) and another workspace's account (404)", async () => {
    const h = await seeded();
    const renamed = await h.call(h.tokenA, "PUT", "/v1/accounts/alice", { ...ACCOUNT, name: "alicia" });
    expect(renamed.status).toBe(422);
    expect(renamed.body.errors).toEqual([{ field: "name", message: expect.stringMatching(/must be "alice".*cannot be renamed/) }]);
    const unknown = await h.call(h.tokenA, "PUT", "/v1/accounts/bob", { ...ACCOUNT, name: "bob" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/no account named bob/);
    const other = await h.call(h.tokenB, "PUT", "/v1/accounts/alice", PREMIUM);
    expect(other.status).toBe(404);
    expect(other.text).not.toMatch(/known: [^)]*alice/);
    expect((await h.call(h.tokenA, "GET", "/v1/accounts/alice")).body.account.type).toBe("free");
  });
});
