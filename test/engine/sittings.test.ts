/**
 * A sitting on the assisted channel, on the injected clock: the runner hands out tasks back to back, within
 * every budget and recipient window, and never an invitation that could land outside its recipient's window.
 */
import { describe, expect, test } from "vitest";
import { App } from "../../src/app.js";
import { AssistedChannel } from "../../src/channels/assisted/assisted-channel.js";
import { isReachable } from "../../src/engine/windows.js";
import { MINUTE, SECOND, VirtualClock, parseInstant } from "../../src/core/time.js";
import { Runner, TASK_LEASE } from "../../src/runner/runner.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { prospect } from "../support/harness.js";

const DOC = accountDoc({ pacing: "sittings", warmup: "off", timezone: "Europe/Paris" });
const CAMPAIGN = campaignDoc({
  steps: [{ kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: null }],
});

async function setup(start: string) {
  const clock = new VirtualClock(parseInstant(start) as number);
  const app = new App({ store: await openSqliteStore(":memory:"), channel: new AssistedChannel(), clock });
  const account = await app.addAccount(DOC);
  await app.createCampaign(CAMPAIGN);
  const people = [
    ...Array.from({ length: 30 }, (_, i) => prospect(`paris-${i}`, { timezone: "Europe/Paris" })),
    ...Array.from({ length: 10 }, (_, i) => prospect(`ny-${i}`, { timezone: "America/New_York" })),
  ];
  await app.enroll(
    "c1",
    people.map((p) => ({ prospect: p })),
  );
  return { app, clock, account, runner: new Runner(app, "alice", "runner-1") };
}

/** Works as a person would: a task, 5 s to do it, the next; waits are skipped on the clock up to `until`. */
async function work(s: Awaited<ReturnType<typeof setup>>, until: number) {
  const handed: Array<{ at: number; zone: string }> = [];
  while (s.clock.now() < until) {
    const view = await s.runner.view();
    if (view.type === "task") {
      handed.push({ at: s.clock.now(), zone: view.task.prospectTz as string });
      s.clock.advance(5 * SECOND);
      expect(await s.runner.report(view.task, "d")).toMatchObject({ ok: true });
    } else if (view.type === "wait" && view.until !== null && view.until < until) {
      s.clock.set(Math.max(s.clock.now() + SECOND, view.until));
    } else break;
  }
  return handed;
}

describe("a sitting on the assisted channel", () => {
  test("nothing is handed out before a sitting; during one, tasks come back to back within the day's budget and windows", async () => {
    const s = await setup("2027-03-01T08:30:00Z"); // Monday 09:30 in Paris, 03:30 in New York
    const before = await s.runner.view();
    expect(before).toMatchObject({ type: "wait", reason: expect.stringContaining("sitting") });
    const start = s.clock.now();
    await s.app.engine.setSitting(s.account.id, start, 30 * MINUTE);
    const handed = await work(s, start + 30 * MINUTE);
    expect(handed).toHaveLength(20); // invitesPerDay
    expect(handed.every((h) => h.zone === "Europe/Paris")).toBe(true); // New York is asleep
    const gaps = handed.slice(1).map((h, i) => h.at - (handed[i] as { at: number }).at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20 * SECOND);
    expect((handed.at(-1) as { at: number }).at - start).toBeLessThan(15 * MINUTE);
    const after = await s.runner.view();
    expect(after).toMatchObject({ type: "wait", reason: expect.stringContaining("daily connect budget spent") });
  });

  test("an invitation is handed out only when its recipient's window stays open for the task's lease", async () => {
    const s = await setup("2027-03-01T15:45:00Z"); // 16:45 in Paris (their window ends at 17:00), 10:45 in New York
    await s.app.engine.setSitting(s.account.id, s.clock.now(), 60 * MINUTE);
    const handed = await work(s, s.clock.now() + 60 * MINUTE);
    expect(handed.length).toBeGreaterThan(0);
    const paris = handed.filter((h) => h.zone === "Europe/Paris");
    // Paris closes at 16:00 UTC: a task handed after 15:50 could land after it.
    expect(paris.every((h) => h.at + TASK_LEASE <= (parseInstant("2027-03-01T16:00:00Z") as number))).toBe(true);
    for (const h of handed) {
      expect(isReachable("connect", DOC, CAMPAIGN, h.zone, h.at)).toBe(true);
      expect(isReachable("connect", DOC, CAMPAIGN, h.zone, h.at + TASK_LEASE)).toBe(true);
    }
    expect(handed.some((h) => h.zone === "America/New_York")).toBe(true);
  });

  test("a stopped sitting hands out nothing more", async () => {
    const s = await setup("2027-03-01T08:30:00Z");
    await s.app.engine.setSitting(s.account.id, s.clock.now(), 30 * MINUTE);
    const first = await s.runner.view();
    expect(first.type).toBe("task");
    if (first.type === "task") await s.runner.report(first.task, "d");
    await s.app.engine.setSitting(s.account.id, s.clock.now(), 0);
    s.clock.advance(MINUTE);
    expect(await s.runner.view()).toMatchObject({ type: "wait", reason: expect.stringContaining("sitting") });
  });
});
