/**
 * The hidden truth about variants and hours: `variantQuality` scales a variant's acceptance (notes) and reply
 * rate (first messages), `hourCurve` scales acceptance by the person's local hour of arrival. Without either,
 * runs are unchanged to the bit.
 */
import { describe, expect, it } from "vitest";
import type { ActionRequest } from "../../../src/channels/channel.js";
import { acceptanceProbability, hourFactor, variantFactor } from "../../../src/channels/simulator/acceptance.js";
import { LinkedInSimulator, type SimAccountTruth, type SimEvent } from "../../../src/channels/simulator/index.js";
import type { LocalTime } from "../../../src/channels/simulator/local-clock.js";
import { LinkpaceError } from "../../../src/core/errors.js";
import { DAY, HOUR, SECOND } from "../../../src/core/time.js";
import { parseScenario } from "../../../src/sim/scenario.js";
import { req, START, url } from "./helpers.js";

const at = (weekday: number, hour: number, minute = 0): LocalTime => ({ weekday, minuteOfDay: hour * 60 + minute });
const flat = (v: number): number[] => Array.from({ length: 24 }, () => v);
/** 1 everywhere except `value` at local hour `hour`. */
const spike = (hour: number, value: number): number[] => flat(1).map((v, h) => (h === hour ? value : v));

function withVariant(r: ActionRequest, variant: string | undefined): ActionRequest {
  return variant === undefined ? r : { ...r, variant };
}

describe("acceptanceProbability with variant and hour factors", () => {
  it("multiplies the built-in factors by the variant's and the hour's, then clamps", () => {
    const mondayTen = at(1, 10); // business hours: × 1.25
    const saturdayNoon = at(6, 12); // neither business hours nor night: × 1
    expect(acceptanceProbability(0.4, saturdayNoon, false, { variant: 0.5 })).toBe(0.2);
    expect(acceptanceProbability(0.4, saturdayNoon, false, { hour: 0.25 })).toBe(0.1);
    expect(acceptanceProbability(0.4, saturdayNoon, false, { variant: 0.5, hour: 0.5 })).toBe(0.1);
    expect(acceptanceProbability(0.4, mondayTen, false, { variant: 0.5 })).toBe(0.25); // 0.4 × 1.25 × 0.5
    expect(acceptanceProbability(0.4, mondayTen, true, { variant: 1.5 })).toBe(0.95); // 0.975, clamped
    expect(acceptanceProbability(0.35, mondayTen, false, { variant: 1.5, hour: 0.8 })).toBeCloseTo(0.35 * 1.25 * 1.5 * 0.8, 15);
    expect(acceptanceProbability(0.35, mondayTen, false, { hour: 0 })).toBe(0);
    expect(acceptanceProbability(0.35, saturdayNoon, false, { variant: 10 })).toBe(0.95);
  });

  it("gives exactly the old value when the factors are 1 or left out", () => {
    for (const base of [0, 0.1, 0.35, 0.37, 0.5, 0.73, 1]) {
      for (const t of [at(1, 10), at(3, 23, 30), at(0, 12), at(5, 5, 59)]) {
        for (const note of [false, true]) {
          const old = acceptanceProbability(base, t, note);
          expect(acceptanceProbability(base, t, note, { variant: 1, hour: 1 })).toBe(old);
          expect(acceptanceProbability(base, t, note, {})).toBe(old);
        }
      }
    }
  });
});

describe("variantFactor and hourFactor", () => {
  it("gives a named variant its factor and any other 1", () => {
    const quality = { short: 0.75, event: 1.05 };
    expect(variantFactor(quality, "short")).toBe(0.75);
    expect(variantFactor(quality, "event")).toBe(1.05);
    expect(variantFactor(quality, undefined)).toBe(1);
    expect(variantFactor(quality, "other")).toBe(1);
    expect(variantFactor(quality, "constructor")).toBe(1);
    expect(variantFactor({}, "short")).toBe(1);
  });

  it("reads the zone's own curve, else the '*' curve, else 1, at the local hour", () => {
    const curves = { "Europe/Berlin": spike(13, 0.5), "*": spike(13, 2) };
    expect(hourFactor(curves, "Europe/Berlin", at(2, 13, 59))).toBe(0.5);
    expect(hourFactor(curves, "Europe/Berlin", at(2, 14, 0))).toBe(1);
    expect(hourFactor(curves, "europe/berlin", at(2, 13, 0))).toBe(0.5); // as Intl spells it
    expect(hourFactor(curves, "Asia/Tokyo", at(2, 13, 0))).toBe(2);
    expect(hourFactor({ "Europe/Berlin": spike(13, 0.5) }, "Asia/Tokyo", at(2, 13, 0))).toBe(1);
    expect(hourFactor({}, "Asia/Tokyo", at(2, 13, 0))).toBe(1);
    expect(hourFactor({ "*": spike(0, 3) }, "UTC", at(2, 0, 0))).toBe(3);
    expect(hourFactor({ "*": spike(23, 3) }, "UTC", at(2, 23, 59))).toBe(3);
  });
});

const N = 2000;
const PER_ACCOUNT = 1000; // below the 1,200 pending invitations that restrict an account

/**
 * Sends N invitations from 2 accounts to people in `zone`, the i-th with variant `variantOf(i)` at `when(i)`,
 * and returns the acceptances per variant.
 */
function invite(opts: {
  truth: Partial<SimAccountTruth>;
  variantOf: (i: number) => string | undefined;
  when: (i: number) => number;
  zone: string | null;
  seed?: number;
}): { events: SimEvent[]; acceptedBy: Map<string, number> } {
  const accounts = ["acct-0", "acct-1"];
  const sim = new LinkedInSimulator({
    seed: opts.seed ?? 11,
    accounts: accounts.map((name) => ({
      name,
      timezone: "Europe/Paris",
      type: "premium" as const,
      truth: { weeklyInviteLimit: 1_000_000, ...opts.truth },
    })),
  });
  const variantOfUrl = new Map<string, string>();
  for (let i = 0; i < N; i++) {
    sim.addProspect({ url: url(i), identifiers: [url(i)], timezone: opts.zone, connected: false });
    const account = accounts[Math.floor(i / PER_ACCOUNT)] as string;
    const variant = opts.variantOf(i);
    variantOfUrl.set(url(i), variant ?? "-");
    expect(sim.performSync(withVariant(req("connect", account, url(i), opts.when(i)), variant))).toBe("ok");
  }
  const events = sim.takeEventsUntil(START + 120 * DAY);
  const acceptedBy = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== "accepted") continue;
    const v = variantOfUrl.get(e.prospect ?? "") ?? "?";
    acceptedBy.set(v, (acceptedBy.get(v) ?? 0) + 1);
  }
  return { events, acceptedBy };
}

// Saturday 2027-03-06 12:00 UTC + i seconds: no built-in time-of-day factor for people in UTC.
const saturdayNoonUtc = (i: number): number => START + 5 * DAY + 12 * HOUR + i * SECOND;

describe("the simulator with variantQuality", () => {
  it("accepts a strong variant's invitations clearly more often than a weak one's", () => {
    const { acceptedBy } = invite({
      truth: { acceptance: 0.4, variantQuality: { weak: 0.5, strong: 1.5 } },
      variantOf: (i) => (i % 2 === 0 ? "weak" : "strong"),
      when: saturdayNoonUtc,
      zone: "UTC",
    });
    const weak = (acceptedBy.get("weak") ?? 0) / (N / 2); // expected 0.2
    const strong = (acceptedBy.get("strong") ?? 0) / (N / 2); // expected 0.6
    expect(weak).toBeGreaterThan(0.15);
    expect(weak).toBeLessThan(0.25);
    expect(strong).toBeGreaterThan(0.54);
    expect(strong).toBeLessThan(0.66);
  });

  it("changes nothing when no variant is named, the variant is unknown, or every factor is 1", () => {
    const base = invite({ truth: { acceptance: 0.4 }, variantOf: () => undefined, when: saturdayNoonUtc, zone: "UTC" });
    const unknown = invite({
      truth: { acceptance: 0.4, variantQuality: { other: 0.1 } },
      variantOf: (i) => (i % 3 === 0 ? "mine" : undefined),
      when: saturdayNoonUtc,
      zone: "UTC",
    });
    const ones = invite({
      truth: { acceptance: 0.4, variantQuality: { a: 1 }, hourCurve: { "*": flat(1) } },
      variantOf: () => "a",
      when: saturdayNoonUtc,
      zone: "UTC",
    });
    expect(base.events.length).toBeGreaterThan(N / 5);
    expect(unknown.events).toEqual(base.events);
    expect(ones.events).toEqual(base.events);
  });

  it("scales the reply rate of a first message by its variant's quality, capped at 1", () => {
    const sim = new LinkedInSimulator({
      seed: 5,
      accounts: [
        { name: "a", timezone: "UTC", type: "premium", truth: { replyRate: 0.2, variantQuality: { dull: 0.25, sharp: 3, huge: 10 } } },
      ],
    });
    const variants = ["dull", "sharp", "huge", "plain"];
    const n = 1000;
    for (let i = 0; i < n * variants.length; i++) {
      sim.addProspect({ url: url(i), identifiers: [url(i)], timezone: null, connected: true });
      const variant = variants[i % variants.length];
      const r = req("message", "a", url(i), START + i * SECOND);
      expect(sim.performSync(withVariant(r, variant === "plain" ? undefined : variant))).toBe("ok");
    }
    const replies = new Map<string, number>();
    for (const e of sim.takeEventsUntil(START + 30 * DAY)) {
      const i = Number((e.prospect ?? "").replace(url(""), ""));
      const v = variants[i % variants.length] as string;
      replies.set(v, (replies.get(v) ?? 0) + 1);
    }
    expect((replies.get("dull") ?? 0) / n).toBeGreaterThan(0.025); // expected 0.05
    expect((replies.get("dull") ?? 0) / n).toBeLessThan(0.08);
    expect((replies.get("plain") ?? 0) / n).toBeGreaterThan(0.16); // expected 0.2
    expect((replies.get("plain") ?? 0) / n).toBeLessThan(0.24);
    expect((replies.get("sharp") ?? 0) / n).toBeGreaterThan(0.55); // expected 0.6
    expect((replies.get("sharp") ?? 0) / n).toBeLessThan(0.65);
    expect(replies.get("huge")).toBe(n); // 0.2 × 10, capped at 1
  });
});

describe("the simulator with hourCurve", () => {
  // Prospects in Tokyo (UTC+9): 10:00 local on weekdays of the week of Monday 2027-03-01 is 01:00 UTC.
  const tokyoTen = (i: number): number => START + (i % 5) * DAY + HOUR + Math.floor(i / 5) * SECOND;

  it("applies the curve of the person's zone at the local hour of arrival", () => {
    const zero = invite({
      truth: { acceptance: 0.4, hourCurve: { "Asia/Tokyo": spike(10, 0), "*": flat(2) } },
      variantOf: () => undefined,
      when: tokyoTen,
      zone: "Asia/Tokyo",
    });
    expect(zero.events).toEqual([]);
    // Arrival at 10:00 in Tokyo is 01:00 UTC: the curve at hour 1 must not be the one read.
    const otherHour = invite({
      truth: { acceptance: 0.4, hourCurve: { "Asia/Tokyo": spike(1, 0) } },
      variantOf: () => undefined,
      when: tokyoTen,
      zone: "Asia/Tokyo",
    });
    const none = invite({ truth: { acceptance: 0.4 }, variantOf: () => undefined, when: tokyoTen, zone: "Asia/Tokyo" });
    expect(otherHour.events).toEqual(none.events);
    expect(none.events.length).toBeGreaterThan(N / 4); // 0.4 × 1.25 = 0.5
  });

  it("uses '*' for a zone without its own curve, and the account's zone for a person without one", () => {
    const star = invite({
      truth: { acceptance: 0.4, hourCurve: { "*": spike(10, 0.5), "Europe/Paris": spike(10, 0) } },
      variantOf: () => undefined,
      when: tokyoTen,
      zone: "Asia/Tokyo",
    });
    const rate = star.events.length / N; // 0.4 × 1.25 × 0.5 = 0.25
    expect(rate).toBeGreaterThan(0.21);
    expect(rate).toBeLessThan(0.29);
    // No zone: the account's (Europe/Paris, UTC+1): 01:00 UTC arrives at 02:00 Paris, a night hour (× 0.6).
    const unknownZone = invite({
      truth: { acceptance: 0.4, hourCurve: { "Europe/Paris": spike(2, 0), "*": flat(3) } },
      variantOf: () => undefined,
      when: tokyoTen,
      zone: null,
    });
    expect(unknownZone.events).toEqual([]);
  });
});

describe("validation of variantQuality and hourCurve", () => {
  function truthIssues(truth: Record<string, unknown>): Array<{ where: string; message: string }> {
    try {
      new LinkedInSimulator({
        seed: 1,
        accounts: [
          { name: "ok", timezone: "UTC", type: "free" },
          { name: "x", timezone: "UTC", type: "free", truth: truth as Partial<SimAccountTruth> },
        ],
      });
    } catch (e) {
      expect(e).toBeInstanceOf(LinkpaceError);
      expect((e as LinkpaceError).code).toBe("invalid_input");
      return (e as LinkpaceError).issues.map((i) => ({ where: i.where, message: i.message }));
    }
    throw new Error("expected the truth to be refused");
  }

  it("refuses bad variant names and factors with their place", () => {
    expect(truthIssues({ variantQuality: { short: 0, long: -1, nan: Number.NaN, inf: Infinity, "  ": 1, text: "2", ok: 0.5 } })).toEqual([
      { where: "accounts[1].linkedin.variantQuality.short", message: "must be a finite number > 0, got 0" },
      { where: "accounts[1].linkedin.variantQuality.long", message: "must be a finite number > 0, got -1" },
      { where: "accounts[1].linkedin.variantQuality.nan", message: "must be a finite number > 0, got NaN" },
      { where: "accounts[1].linkedin.variantQuality.inf", message: "must be a finite number > 0, got Infinity" },
      { where: "accounts[1].linkedin.variantQuality", message: "a variant name may not be empty" },
      { where: "accounts[1].linkedin.variantQuality.text", message: 'must be a finite number > 0, got "2"' },
    ]);
    expect(truthIssues({ variantQuality: [1, 2] })).toEqual([
      { where: "accounts[1].linkedin.variantQuality", message: "must be an object of variant name → factor, got a list" },
    ]);
  });

  it("refuses bad curves with their place", () => {
    expect(
      truthIssues({
        hourCurve: {
          "Mars/Base": flat(1),
          "Europe/Berlin": [1, 2],
          "*": spike(7, -0.5),
          "Asia/Tokyo": spike(3, Infinity),
          UTC: "flat",
          "America/New_York": flat(1),
          "america/new_york": flat(2),
        },
      }),
    ).toEqual([
      {
        where: "accounts[1].linkedin.hourCurve.Mars/Base",
        message: '"Mars/Base" is not an IANA time zone (e.g. Europe/Berlin) nor "*" (every other zone)',
      },
      {
        where: "accounts[1].linkedin.hourCurve.Europe/Berlin",
        message: "must be a list of 24 factors (local hours 0 to 23), got 2 entries",
      },
      { where: "accounts[1].linkedin.hourCurve.*[7]", message: "must be a finite number ≥ 0, got -0.5" },
      { where: "accounts[1].linkedin.hourCurve.Asia/Tokyo[3]", message: "must be a finite number ≥ 0, got Infinity" },
      { where: "accounts[1].linkedin.hourCurve.UTC", message: 'must be a list of 24 factors (local hours 0 to 23), got "flat"' },
      { where: "accounts[1].linkedin.hourCurve.america/new_york", message: "a second curve for the time zone America/New_York" },
    ]);
  });

  it("resolves to copies, with zones as Intl spells them and empty defaults", () => {
    const quality = { short: 0.75 };
    const curve = spike(9, 1.4);
    const sim = new LinkedInSimulator({
      seed: 1,
      accounts: [
        {
          name: "a",
          timezone: "UTC",
          type: "free",
          truth: { variantQuality: quality, hourCurve: { "europe/berlin": curve, "*": flat(0.9) } },
        },
        { name: "b", timezone: "UTC", type: "free" },
      ],
    });
    quality.short = 5;
    curve[9] = 7;
    expect(sim.truthOf("a").variantQuality).toEqual({ short: 0.75 });
    expect(sim.truthOf("a").hourCurve).toEqual({ "Europe/Berlin": spike(9, 1.4), "*": flat(0.9) });
    expect(sim.truthOf("b")).toMatchObject({ variantQuality: {}, hourCurve: {} });
  });
});

describe("the scenario's linkedin fields", () => {
  const scenario = (linkedin: unknown): string =>
    JSON.stringify({ start: "2027-03-01T00:00:00Z", days: 1, accounts: [{ name: "a", timezone: "UTC", type: "free", linkedin }] });
  function scenarioIssues(linkedin: unknown): Array<{ where: string; message: string }> {
    try {
      parseScenario(scenario(linkedin), "s.json");
    } catch (e) {
      expect(e).toBeInstanceOf(LinkpaceError);
      return (e as LinkpaceError).issues.map((i) => ({ where: i.where, message: i.message }));
    }
    throw new Error("expected the scenario to be refused");
  }

  it("accepts variantQuality and hourCurve", () => {
    const linkedin = {
      acceptance: 0.3,
      variantQuality: { short: 0.75, event: 1.05 },
      hourCurve: { "Europe/Berlin": spike(9, 1.4), "*": flat(1) },
    };
    expect(parseScenario(scenario(linkedin), "s.json").accounts[0]?.linkedin).toEqual(linkedin);
  });

  it("names the place of each problem", () => {
    const variants = scenarioIssues({ variantQuality: { short: 0, text: "2" } });
    expect(variants.map((i) => i.where)).toEqual([
      "s.json: accounts[0].linkedin.variantQuality.short",
      "s.json: accounts[0].linkedin.variantQuality.text",
    ]);
    expect(scenarioIssues({ variantQuality: { " ": 1 } })).toEqual([
      { where: "s.json: accounts[0].linkedin.variantQuality", message: "a variant name may not be empty" },
    ]);
    const curves = scenarioIssues({ hourCurve: { "Europe/Berlin": [1, 2], "*": spike(23, -1) } });
    expect(curves).toEqual([
      { where: "s.json: accounts[0].linkedin.hourCurve.Europe/Berlin", message: "must be a list of 24 factors (local hours 0 to 23)" },
      { where: "s.json: accounts[0].linkedin.hourCurve.*[23]", message: expect.stringMatching(/>=\s*0/) as unknown as string },
    ]);
    expect(scenarioIssues({ hourCurve: { "Mars/Base": flat(1) } })).toEqual([
      {
        where: "s.json: accounts[0].linkedin.hourCurve.Mars/Base",
        message: '"Mars/Base" is not an IANA time zone (e.g. Europe/Berlin) nor "*" (every other zone)',
      },
    ]);
  });
});
