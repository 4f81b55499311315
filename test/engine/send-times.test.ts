/**
 * Send-time learning (engine/send-times.ts): the order of due invitations by the recipient's local hour, within
 * each campaign that learns, campaigns keeping their fair order; and the learner, which reads matured
 * invitations incrementally and acts only once enough are known.
 */
import { describe, expect, it } from "vitest";
import { emptyHourCounts, fitHourModel, addObservation } from "../../src/core/learning/hour-model.js";
import { DAY, HOUR, parseInstant } from "../../src/core/time.js";
import { byHourNow, DEFER_GAIN, LEARN_AFTER, localSlot, MIN_DECIDED, outlook, SendTimeLearner } from "../../src/engine/send-times.js";
import type { InvitationOutcome, Store } from "../../src/store/store.js";

// Monday 2027-03-01 12:00 UTC: 13:00 in Paris, 07:00 in New York, 21:00 in Tokyo.
const NOW = parseInstant("2027-03-01T12:00:00Z") as number;

/** A model where 13:00 on Mondays did far better than 07:00, and 21:00 far worse. */
function model() {
  const c = emptyHourCounts();
  for (let i = 0; i < 400; i++) {
    addObservation(c, 0, 13, i % 2 === 0);
    addObservation(c, 0, 7, i % 5 === 0);
    addObservation(c, 0, 21, i % 20 === 0);
  }
  return fitHourModel(c);
}

const item = (campaignId: number, prospectTz: string, id: string) => ({ id, zone: prospectTz, due: { campaignId } });
const always = () => true;

describe("byHourNow and outlook", () => {
  it("puts the recipients at a better local hour first within a campaign, keeps campaigns in order and ties stable", () => {
    const items = [
      item(1, "Asia/Tokyo", "a"),
      item(1, "America/New_York", "b"),
      item(1, "Europe/Paris", "c"),
      item(1, "Europe/Berlin", "d"),
      item(2, "Asia/Tokyo", "e"),
      item(2, "Europe/Paris", "f"),
    ];
    const m = model();
    const look = (x: { zone: string }) => outlook(m, x.zone, NOW, always);
    expect(byHourNow(items, look).map((x) => x.id)).toEqual(["c", "d", "b", "a", "f", "e"]);
    // A campaign with schedule.learn false (no outlook) keeps the queue's order.
    expect(byHourNow(items, (x) => (x.due.campaignId === 2 ? null : look(x))).map((x) => x.id)).toEqual(["c", "d", "b", "a", "e", "f"]);
  });

  it("finds the best hour ahead among those the recipient can be reached at", () => {
    const m = model();
    // New York at 07:00: 13:00 there is six hours ahead and far better, if reachable then.
    const ny = outlook(m, "America/New_York", NOW, always);
    expect(ny.bestAt).toBe(NOW + 6 * HOUR);
    expect(ny.best).toBeGreaterThan(ny.now * DEFER_GAIN);
    const notThen = outlook(m, "America/New_York", NOW, (at) => at !== NOW + 6 * HOUR);
    expect(notThen.bestAt).not.toBe(NOW + 6 * HOUR);
    // Reachable for this hour only (the sender's day ends): the far better 13:00 after the gap belongs to other
    // releases, so now is as good as it gets.
    const closing = outlook(m, "America/New_York", NOW, (at) => at < NOW + HOUR || at > NOW + 5 * HOUR);
    expect(closing).toMatchObject({ bestAt: NOW, reachableNow: true });
    expect(closing.best).toBe(closing.now);
    // Not reachable now: no outlook ahead either (what to do is the window's wait).
    expect(outlook(m, "America/New_York", NOW, (at) => at !== NOW)).toMatchObject({ bestAt: NOW, reachableNow: false });
    // Paris at 13:00: nothing ahead beats now.
    expect(outlook(m, "Europe/Paris", NOW, always)).toMatchObject({ bestAt: NOW });
  });

  it("reads the recipient's local weekday and hour, daylight saving included", () => {
    expect(localSlot("Europe/Paris", NOW)).toEqual({ weekday: 0, hour: 13 });
    // New York springs forward on 2027-03-14: noon UTC is then 08:00 there, a Monday.
    expect(localSlot("America/New_York", NOW + 14 * DAY)).toEqual({ weekday: 0, hour: 8 });
  });
});

describe("SendTimeLearner", () => {
  function store(outcomes: InvitationOutcome[]): Store & { asked: Array<[number, number]> } {
    const asked: Array<[number, number]> = [];
    return {
      asked,
      invitationOutcomes: async (_w: number, from: number, to: number) => {
        asked.push([from, to]);
        return outcomes.filter((o) => o.at >= from && o.at < to);
      },
    } as unknown as Store & { asked: Array<[number, number]> };
  }
  const outcomes = (n: number, start: number): InvitationOutcome[] =>
    Array.from({ length: n }, (_, i) => ({ at: start + i * HOUR, prospectTz: "Europe/Paris", accepted: i % 3 === 0 }));

  it("acts only once enough matured invitations are known, and reads only what matured since", async () => {
    const s = store(outcomes(MIN_DECIDED + 20, NOW - 40 * DAY));
    const learner = new SendTimeLearner(1);
    // 120 invitations an hour apart from 40 days before NOW. Seen from NOW - 35 days, none is 21 days old yet.
    expect(await learner.current(s, NOW - 35 * DAY)).toBeNull();
    // Seen from NOW, all 120 are: the second read asks only for what matured since the first.
    expect(await learner.current(s, NOW)).not.toBeNull();
    expect(s.asked.at(-1)).toEqual([NOW - 35 * DAY - LEARN_AFTER, NOW - LEARN_AFTER]);
    // Within the hour, nothing is read again.
    await learner.current(s, NOW + HOUR / 2);
    expect(s.asked).toHaveLength(2);
  });
});
