/**
 * The browser companion's pure parts (companion/src/format.ts) and its manifest's promises: a fixed key (so a
 * stable id to configure on the server), only the permissions it uses, no content script and no permission for
 * linkedin.com, the server's host permission optional (asked at run time).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  badgeText,
  charCount,
  countdown,
  describeSitting,
  localTime,
  serverOrigin,
  sittingsBegun,
  taskText,
  type Plan,
  type PlanAccount,
  type Task,
} from "../../companion/src/format.js";

export const COMPANION_ID = "lblagggiheedoccidilhaaapjgdelelj";

const manifest = JSON.parse(readFileSync("companion/manifest.json", "utf8")) as Record<string, any>;

/** Chromium's id of an extension: the first 128 bits of its key's SHA-256, one letter a-p per hex digit. */
function idOfKey(key: string): string {
  const hex = createHash("sha256").update(Buffer.from(key, "base64")).digest("hex").slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join("");
}

describe("the companion's manifest", () => {
  it("has a fixed key whose id is the one the docs name", () => {
    expect(manifest.manifest_version).toBe(3);
    expect(idOfKey(manifest.key)).toBe(COMPANION_ID);
    expect(readFileSync("docs/companion.md", "utf8")).toContain(COMPANION_ID);
  });

  it("asks only for what it uses, nothing for linkedin.com, no content script, the server's access at run time", () => {
    expect([...manifest.permissions].sort()).toEqual(["alarms", "notifications", "sidePanel", "storage"]);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(["http://*/*", "https://*/*"]);
    const asked = [...manifest.permissions, ...manifest.optional_host_permissions, ...(manifest.externally_connectable?.matches ?? [])];
    expect(asked.filter((p: string) => /linkedin/i.test(p))).toEqual([]);
  });
});

const sitting = (from: string, until: string) => ({
  from,
  until,
  local: "09:00-09:20",
  tasks: 12,
  zones: ["Europe/Paris"],
  label: "Europe",
});
const account = (name: string, over: Partial<PlanAccount> = {}): PlanAccount => ({
  account: name,
  timezone: "Europe/Paris",
  sitting: null,
  dueNow: 0,
  nextSitting: null,
  ...over,
});

describe("what the companion shows", () => {
  it("counts down in minutes and seconds, then hours, then days", () => {
    expect(countdown(0)).toBe("0:00");
    expect(countdown(-5000)).toBe("0:00");
    expect(countdown(9_200)).toBe("0:10");
    expect(countdown(245_000)).toBe("4:05");
    expect(countdown(3_720_000)).toBe("1 h 02 min");
    expect(countdown(3 * 86_400_000 + 4 * 3_600_000)).toBe("3 d 4 h");
  });

  it("shows the prospect's local time in their zone, and nothing for an unknown zone", () => {
    const at = Date.parse("2027-03-01T08:05:00Z"); // a Monday
    expect(localTime(at, "Europe/Paris")).toBe("Mon 09:05");
    expect(localTime(at, "America/New_York")).toBe("Mon 03:05");
    expect(localTime(at, null)).toBeNull();
    expect(localTime(at, "Mars/Olympus")).toBeNull();
  });

  it("counts characters as code points and takes the text by kind", () => {
    expect(charCount("Hi 👋 Ada")).toBe(8);
    const task = { kind: "connect", note: null, text: null } as unknown as Task;
    expect(taskText(task)).toBe("");
    expect(taskText({ ...task, kind: "message", text: "Hello" })).toBe("Hello");
    expect(taskText({ ...task, kind: "visit" })).toBeNull();
  });

  it("takes the server's origin from what was typed, http(s) only", () => {
    expect(serverOrigin(" http://127.0.0.1:8080/ ")).toBe("http://127.0.0.1:8080");
    expect(serverOrigin("https://linkpace.example/dashboard#x")).toBe("https://linkpace.example");
    expect(serverOrigin("ftp://x")).toBeNull();
    expect(serverOrigin("127.0.0.1:8080")).toBeNull();
  });

  it("describes a suggested sitting and sums the tasks due now for the badge", () => {
    expect(describeSitting(sitting("2027-03-01T08:00:00Z", "2027-03-01T08:20:00Z"))).toBe("09:00-09:20 for Europe, 12 tasks");
    const plan = (dues: number[]): Plan => ({ at: "x", accounts: dues.map((d, i) => account(`a${i}`, { dueNow: d })) });
    expect(badgeText(plan([]))).toBe("");
    expect(badgeText(plan([0, 0]))).toBe("");
    expect(badgeText(plan([3, 4]))).toBe("7");
    expect(badgeText(plan([1000]))).toBe("999+");
  });

  it("notifies a suggested sitting once, when it has begun, and forgets it once it is over", () => {
    const s = sitting("2027-03-01T08:00:00Z", "2027-03-01T08:20:00Z");
    const at = (iso: string): Plan => ({ at: iso, accounts: [account("alice", { nextSitting: s }), account("bob")] });
    const before = sittingsBegun(at("2027-03-01T07:59:00Z"), []);
    expect(before).toEqual({ begun: [], remember: [] });
    const first = sittingsBegun(at("2027-03-01T08:00:30Z"), before.remember);
    expect(first.begun).toEqual([{ account: "alice", sitting: s }]);
    const again = sittingsBegun(at("2027-03-01T08:05:00Z"), first.remember);
    expect(again.begun).toEqual([]); // one notification per sitting, not one per refresh or per task
    expect(again.remember).toEqual(first.remember);
    expect(sittingsBegun(at("2027-03-01T08:20:00Z"), again.remember)).toEqual({ begun: [], remember: [] });
  });
});
