import { describe, expect, it } from "vitest";
import { isWithinAll, jointWindowEnd, nextJointOpening, type HoursInZone } from "../../../src/core/schedule/index.js";
import { DAY, hours, iso, utc } from "./oracle.js";

const senderParis: HoursInZone = { hours: hours(["08:00-18:00"]), zone: "Europe/Paris" };
const prospectNewYork: HoursInZone = { hours: hours(["09:00-17:00"]), zone: "America/New_York" };
const senderTokyo: HoursInZone = { hours: hours(["09:00-17:00"]), zone: "Asia/Tokyo" };
const prospectSydney: HoursInZone = { hours: hours(["09:00-17:00"]), zone: "Australia/Sydney" };
const senderLondon: HoursInZone = { hours: hours(["00:00-24:00"]), zone: "Europe/London" };

describe("nextJointOpening and jointWindowEnd", () => {
  const cases = [
    {
      name: "Paris sender, New York prospect in winter",
      parts: [senderParis, prospectNewYork],
      at: "2027-01-04T00:00Z",
      opens: "2027-01-04T14:00Z",
      ends: "2027-01-04T17:00Z",
    },
    {
      name: "US on DST, Paris not yet: one more hour",
      parts: [senderParis, prospectNewYork],
      at: "2027-03-15T00:00Z",
      opens: "2027-03-15T13:00Z",
      ends: "2027-03-15T17:00Z",
    },
    {
      name: "after the overlap: next weekday",
      parts: [senderParis, prospectNewYork],
      at: "2027-01-08T17:00Z",
      opens: "2027-01-11T14:00Z",
      ends: "2027-01-11T17:00Z",
    },
    {
      name: "one ms before the opening",
      parts: [senderParis, prospectNewYork],
      at: "2027-01-04T13:59:59.999Z",
      opens: "2027-01-04T14:00Z",
      ends: "2027-01-04T17:00Z",
    },
    {
      name: "within already",
      parts: [prospectNewYork, senderParis],
      at: "2027-01-05T16:59:59.999Z",
      opens: "2027-01-05T16:59:59.999Z",
      ends: "2027-01-05T17:00Z",
    },
    {
      name: "Sydney's Monday is London's Sunday night: skipped",
      parts: [senderLondon, prospectSydney],
      at: "2027-01-09T00:00Z",
      opens: "2027-01-11T00:00Z",
      ends: "2027-01-11T06:00Z",
    },
    { name: "one part alone", parts: [prospectNewYork], at: "2027-01-04T00:00Z", opens: "2027-01-04T14:00Z", ends: "2027-01-04T22:00Z" },
  ];
  it.each(cases)("$name", ({ parts, at, opens, ends }) => {
    const opening = nextJointOpening(parts, utc(at));
    expect(iso(opening)).toBe(iso(utc(opens)));
    expect(isWithinAll(parts, opening!)).toBe(true);
    expect(isWithinAll(parts, opening! - 1)).toBe(opening === utc(at));
    expect(iso(jointWindowEnd(parts, opening!))).toBe(iso(utc(ends)));
  });

  it("is null when the parts never overlap", () => {
    expect(nextJointOpening([senderTokyo, prospectNewYork], utc("2027-01-04T00:00Z"))).toBeNull();
  });

  it("is null beyond the horizon, found within a longer one", () => {
    const at = utc("2027-01-08T17:00Z");
    expect(nextJointOpening([senderParis, prospectNewYork], at, 2 * DAY)).toBeNull();
    expect(iso(nextJointOpening([senderParis, prospectNewYork], at, 3 * DAY))).toBe("2027-01-11T14:00:00Z");
  });

  it("jointWindowEnd is null outside the joint hours", () => {
    expect(jointWindowEnd([senderParis, prospectNewYork], utc("2027-01-04T12:00Z"))).toBeNull();
    expect(isWithinAll([senderParis, prospectNewYork], utc("2027-01-04T12:00Z"))).toBe(false);
  });
});
