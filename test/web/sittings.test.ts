/**
 * The dashboard's pure sitting helpers: the tab title's count, which suggested sitting has begun (once each), the
 * notification's words, and the Today page's bars over the sender's day.
 */
import { describe, expect, it } from "vitest";
import {
  beginningText,
  dueCount,
  dueCountFromOverview,
  dueTitle,
  hourBars,
  openAt,
  sittingsBegun,
  type Plan,
  type PlanAccount,
  type PlanSitting,
} from "../../web/src/sittings.js";

const SITTING: PlanSitting = {
  from: "2027-03-01T08:00:00Z",
  until: "2027-03-01T08:20:00Z",
  local: "09:00-09:20",
  tasks: 12,
  zones: ["Europe/Paris", "Europe/Berlin"],
  label: "Europe",
};

function account(name: string, over: Partial<PlanAccount> = {}): PlanAccount {
  return { account: name, timezone: "Europe/Paris", pacing: "sittings", sitting: null, dueNow: 0, nextSitting: null, days: [], ...over };
}

const at = (iso: string) => Date.parse(iso);

describe("tab title", () => {
  it("shows the count of due tasks, and plain linkpace at 0", () => {
    expect(dueTitle(3)).toBe("(3) linkpace");
    expect(dueTitle(0)).toBe("linkpace");
    const plan: Plan = { at: SITTING.from, accounts: [account("alice", { dueNow: 2 }), account("bob", { dueNow: 5 }), account("carol")] };
    expect(dueCount(plan)).toBe(7);
    expect(
      dueCountFromOverview({
        accounts: [
          { dueNow: true, inProgress: [] },
          { dueNow: true, inProgress: [1, 2] },
          { dueNow: false, inProgress: [] },
        ],
      }),
    ).toBe(3);
  });
});

describe("suggested sittings", () => {
  const plan: Plan = {
    at: SITTING.from,
    accounts: [
      account("alice", { nextSitting: SITTING }),
      account("bob", { nextSitting: { ...SITTING, from: "2027-03-01T14:30:00Z", until: "2027-03-01T14:50:00Z" } }),
    ],
  };

  it("has begun from its start to its end, for the accounts whose sitting it is", () => {
    expect(sittingsBegun(plan, at("2027-03-01T07:59:59Z"), new Set())).toEqual([]);
    expect(sittingsBegun(plan, at("2027-03-01T08:00:00Z"), new Set()).map((b) => b.key)).toEqual(["alice@2027-03-01T08:00:00Z"]);
    expect(sittingsBegun(plan, at("2027-03-01T08:19:00Z"), new Set())).toHaveLength(1);
    expect(sittingsBegun(plan, at("2027-03-01T08:20:00Z"), new Set())).toEqual([]);
    expect(sittingsBegun(plan, at("2027-03-01T14:31:00Z"), new Set()).map((b) => b.account)).toEqual(["bob"]);
  });

  it("is announced once: a sitting already announced is not again", () => {
    const [first] = sittingsBegun(plan, at("2027-03-01T08:05:00Z"), new Set());
    expect(sittingsBegun(plan, at("2027-03-01T08:06:00Z"), new Set([first!.key]))).toEqual([]);
  });

  it("says when, for whom and how many tasks", () => {
    const [b] = sittingsBegun(plan, at("2027-03-01T08:00:00Z"), new Set());
    expect(beginningText(b!)).toEqual({
      title: "alice: a sitting begins",
      body: "09:00-09:20 for Europe, 12 tasks. Open the runner to work through them.",
    });
  });

  it("an open sitting is open from its start until its end", () => {
    const s = { from: SITTING.from, until: SITTING.until };
    expect(openAt(s, at("2027-03-01T08:10:00Z"))).toBe(s);
    expect(openAt(s, at("2027-03-01T08:20:00Z"))).toBeNull();
    expect(openAt(null, at("2027-03-01T08:10:00Z"))).toBeNull();
  });
});

describe("Today's bars by hour", () => {
  it("cover the working day at least, widened to any hour with releases, zeros between", () => {
    const bars = hourBars({
      date: "2027-03-01",
      total: 41,
      byKind: { visit: 20, connect: 18, message: 3, withdraw: 0 },
      byHour: [
        { hour: 9, count: 30 },
        { hour: 21, count: 11 },
      ],
      sittings: [],
    });
    expect(bars.map((b) => b.label)).toEqual(["07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21"]);
    expect(bars.find((b) => b.label === "09")!.value).toBe(30);
    expect(bars.find((b) => b.label === "21")!.value).toBe(11);
    expect(bars.filter((b) => b.value === 0)).toHaveLength(13);
  });
});
