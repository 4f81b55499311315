import { describe, expect, test } from "vitest";
import {
  campaignPriority,
  chargeShare,
  initialGovernorState,
  shareOrder,
  type GovernorState,
  type ShareCandidate,
} from "../../../src/core/governor/index.js";

/** Hands out `n` invitations among `candidates` by the fair rule; how many each campaign got. */
function handOut(state: GovernorState, candidates: ShareCandidate[], n: number): { state: GovernorState; got: Map<number, number> } {
  const got = new Map<number, number>(candidates.map((c) => [c.campaignId, 0]));
  let s = state;
  for (let i = 0; i < n; i++) {
    const [turn] = shareOrder(s, "connect", candidates);
    if (!turn) throw new Error("no candidate");
    got.set(turn.campaignId, (got.get(turn.campaignId) ?? 0) + 1);
    s = chargeShare(s, "connect", turn);
  }
  return { state: s, got };
}

const A = { campaignId: 1, priority: 1 };
const B = { campaignId: 2, priority: 1 };

describe("fair share (stride)", () => {
  test("equal priorities alternate, the lower id first", () => {
    let s = initialGovernorState();
    const order: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [turn] = shareOrder(s, "connect", [B, A]);
      order.push(turn!.campaignId);
      s = chargeShare(s, "connect", turn!);
    }
    expect(order).toEqual([1, 2, 1, 2, 1, 2]);
  });

  test("equal priorities stay within one of each other every day, whatever the daily budget", () => {
    let s = initialGovernorState();
    for (const budget of [7, 11, 3, 20, 1, 9]) {
      const day = handOut(s, [A, B], budget);
      s = day.state;
      expect(Math.abs((day.got.get(1) ?? 0) - (day.got.get(2) ?? 0))).toBeLessThanOrEqual(1);
    }
  });

  test("priorities 2:1 give 2:1 over a week although a day's budget does not divide by 3", () => {
    let s = initialGovernorState();
    let [a, b] = [0, 0];
    for (let day = 0; day < 5; day++) {
      const r = handOut(
        s,
        [
          { campaignId: 1, priority: 2 },
          { campaignId: 2, priority: 1 },
        ],
        10,
      );
      s = r.state;
      a += r.got.get(1) ?? 0;
      b += r.got.get(2) ?? 0;
    }
    // Counting only today's actions would give 7:3 every day (35:15, 2.33:1); the rounding is carried over.
    expect(a + b).toBe(50);
    expect(Math.abs(a - 2 * b)).toBeLessThanOrEqual(2);
    expect(a / b).toBeGreaterThanOrEqual(1.8);
    expect(a / b).toBeLessThanOrEqual(2.2);
  });

  test("a campaign with nothing due yields its share, and wins nothing back later", () => {
    let s = initialGovernorState();
    // B has nothing due: A takes all 20.
    const alone = handOut(s, [A], 20);
    expect(alone.got.get(1)).toBe(20);
    s = alone.state;
    // B comes back: it does not take the next 20 to catch up; they take turns from here, B first.
    const order: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [turn] = shareOrder(s, "connect", [A, B]);
      order.push(turn!.campaignId);
      s = chargeShare(s, "connect", turn!);
    }
    expect(order).toEqual([2, 1, 2, 1, 2, 1]);
  });

  test("a new campaign starts level with the others, the higher priority first on a tie", () => {
    let s = handOut(initialGovernorState(), [A, B], 10).state;
    const C = { campaignId: 3, priority: 2 };
    const r = handOut(s, [A, B, C], 20);
    // 1 + 1 + 2: C gets half, A and B a quarter each, give or take one.
    for (const [id, share] of [
      [1, 5],
      [2, 5],
      [3, 10],
    ] as const)
      expect(Math.abs((r.got.get(id) ?? 0) - share)).toBeLessThanOrEqual(1);
    s = initialGovernorState();
    expect(shareOrder(s, "connect", [A, C]).map((t) => t.campaignId)).toEqual([3, 1]);
  });

  test("the order lists every candidate, the fair one first; kinds are shared separately", () => {
    const s = chargeShare(initialGovernorState(), "connect", { ...A, from: 0 });
    expect(shareOrder(s, "connect", [A, B]).map((t) => t.campaignId)).toEqual([2, 1]);
    expect(shareOrder(s, "message", [A, B]).map((t) => t.campaignId)).toEqual([1, 2]);
  });

  test("only uses ahead of the clock are kept: campaigns long idle or gone are forgotten", () => {
    let s = chargeShare(initialGovernorState(), "connect", { campaignId: 9, priority: 1, from: 0 });
    s = handOut(s, [A], 3).state;
    expect(Object.keys(s.share.connect?.uses ?? {})).toEqual(["1"]);
  });

  test("a state saved with an older shape of the share reads as no use yet", () => {
    const old = { ...initialGovernorState(), share: { connect: { "1": 4 } } } as unknown as GovernorState;
    expect(shareOrder(old, "connect", [A, B]).map((t) => t.campaignId)).toEqual([1, 2]);
  });

  test("priority defaults to 1", () => {
    expect(campaignPriority({})).toBe(1);
    expect(campaignPriority({ priority: 2.5 })).toBe(2.5);
  });
});
