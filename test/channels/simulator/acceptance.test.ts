import { describe, expect, it } from "vitest";
import { LinkedInSimulator, type SimEvent } from "../../../src/channels/simulator/index.js";
import { DAY, HOUR, SECOND } from "../../../src/core/time.js";
import { req, START, url } from "./helpers.js";

const N = 5000;
const PER_ACCOUNT = 1000; // stays below the 1,200 pending invitations that restrict an account

interface Sample {
  rate: number;
  delays: number[];
}

/** Sends N invitations at `when(i)` from 5 accounts and measures how many are ever accepted. */
function sample(opts: {
  when: (i: number) => number;
  prospectZone: string | null;
  accountZone: string;
  note?: string;
  seed?: number;
}): Sample {
  const accounts = Array.from({ length: N / PER_ACCOUNT }, (_, k) => `acct-${k}`);
  const sim = new LinkedInSimulator({
    seed: opts.seed ?? 42,
    accounts: accounts.map((name) => ({
      name,
      timezone: opts.accountZone,
      type: "premium" as const,
      truth: { weeklyInviteLimit: 1_000_000 },
    })),
  });
  const sentAt = new Map<string, number>();
  for (let i = 0; i < N; i++) {
    sim.addProspect({ url: url(i), identifiers: [url(i)], timezone: opts.prospectZone, connected: false });
    const at = opts.when(i);
    const account = accounts[Math.floor(i / PER_ACCOUNT)] as string;
    expect(sim.performSync(req("connect", account, url(i), at, { note: opts.note ?? "" }))).toBe("ok");
    sentAt.set(url(i), at);
  }
  const accepted = sim.takeEventsUntil(START + 120 * DAY).filter((e: SimEvent) => e.kind === "accepted");
  return { rate: accepted.length / N, delays: accepted.map((e) => e.at - (sentAt.get(e.prospect ?? "") ?? Number.NaN)) };
}

// Prospects in Tokyo (UTC+9, no daylight saving); the week of Monday 2027-03-01.
const tokyoWeekdayAt = (localHour: number) => (i: number) => START + (i % 5) * DAY + (localHour - 9) * HOUR + Math.floor(i / 5) * SECOND;

describe("acceptance", () => {
  it("matches the configured rate × time-of-day and note factors in the prospect's real zone", () => {
    const base = 0.35;
    const business = sample({ when: tokyoWeekdayAt(10), prospectZone: "Asia/Tokyo", accountZone: "Europe/Paris" });
    const night = sample({ when: tokyoWeekdayAt(27), prospectZone: "Asia/Tokyo", accountZone: "Europe/Paris" }); // 03:00 next day
    const saturdayNoon = sample({
      when: (i) => START + 5 * DAY + 4 * HOUR + i * SECOND,
      prospectZone: "Asia/Tokyo",
      accountZone: "Europe/Paris",
    });
    const withNote = sample({
      when: tokyoWeekdayAt(10),
      prospectZone: "Asia/Tokyo",
      accountZone: "Europe/Paris",
      note: "Hi, we met at the meetup.",
    });
    expect(business.rate).toBeCloseTo(base * 1.25, 1);
    expect(Math.abs(business.rate - base * 1.25)).toBeLessThan(0.025);
    expect(Math.abs(night.rate - base * 0.6)).toBeLessThan(0.025);
    expect(Math.abs(saturdayNoon.rate - base)).toBeLessThan(0.025);
    expect(Math.abs(withNote.rate - base * 1.25 * 1.3)).toBeLessThan(0.025);
    expect(business.rate - night.rate).toBeGreaterThan(0.15);
  });

  it("assumes the account's zone when the prospect's is unknown", () => {
    // 01:00Z on weekdays: 10:00 in Tokyo, 02:00 in Paris.
    const tokyoSender = sample({ when: tokyoWeekdayAt(10), prospectZone: null, accountZone: "Asia/Tokyo" });
    const parisSender = sample({ when: tokyoWeekdayAt(10), prospectZone: null, accountZone: "Europe/Paris" });
    expect(Math.abs(tokyoSender.rate - 0.35 * 1.25)).toBeLessThan(0.025);
    expect(Math.abs(parisSender.rate - 0.35 * 0.6)).toBeLessThan(0.025);
  });

  it("spreads acceptances over a heavy tail: mostly 1-3 days, some within hours, some weeks later", () => {
    const { delays } = sample({ when: tokyoWeekdayAt(10), prospectZone: "Asia/Tokyo", accountZone: "Europe/Paris", seed: 9 });
    const sorted = [...delays].sort((a, b) => a - b);
    const share = (pred: (d: number) => boolean) => delays.filter(pred).length / delays.length;
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(24 * HOUR);
    expect(median).toBeLessThan(40 * HOUR);
    expect(share((d) => d < 12 * HOUR)).toBeGreaterThan(0.05);
    expect(share((d) => d >= 12 * HOUR && d <= 3 * DAY)).toBeGreaterThan(0.6);
    expect(share((d) => d > 14 * DAY)).toBeGreaterThan(0.04);
    expect(share((d) => d > 14 * DAY)).toBeLessThan(0.15);
    expect(sorted[0]).toBeGreaterThan(0);
    expect(sorted[sorted.length - 1]).toBeLessThanOrEqual(40 * DAY);
  });
});
