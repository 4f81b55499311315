import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { LinkpaceError } from "../../src/core/errors.js";
import { MINUTE, SECOND } from "../../src/core/time.js";
import { MAX_ATTEMPTS, planRetry, RETRY_DELAYS } from "../../src/webhooks/backoff.js";
import { planCursor } from "../../src/webhooks/plan-cursor.js";
import { generateSecret, sign, verifySignature } from "../../src/webhooks/signing.js";
import { NOTHING_ALLOWED, parseWebhookAllow } from "../../src/webhooks/webhook-allow.js";
import { parseEvents, parseWebhookUrl } from "../../src/webhooks/webhook-config.js";

const NOW = 1_000_000;
const GRACE = 2 * MINUTE;

describe("planCursor", () => {
  it.each([
    ["nothing new", 5, [], null, { cursor: 5, gapSince: null }],
    ["contiguous ids", 5, [6, 7, 8], null, { cursor: 8, gapSince: null }],
    ["a gap seen for the first time", 5, [6, 8, 9], null, { cursor: 6, gapSince: NOW }],
    ["a gap right after the cursor, still fresh", 5, [7, 8], NOW - GRACE + 1, { cursor: 5, gapSince: NOW - GRACE + 1 }],
    ["a stale gap is skipped", 5, [7, 8], NOW - GRACE, { cursor: 8, gapSince: null }],
    ["a stale gap is skipped, a second one waits afresh", 5, [7, 9], NOW - GRACE, { cursor: 7, gapSince: NOW }],
    ["a filled gap clears gapSince", 5, [6, 7], NOW - 10, { cursor: 7, gapSince: null }],
  ])("%s", (_what, cursor, ids, gapSince, expected) => {
    expect(planCursor({ cursor, ids, gapSince, now: NOW, grace: GRACE })).toEqual(expected);
  });
});

describe("planRetry", () => {
  it("backs off 30 s, 2 m, 8 m, 30 m, 2 h, 8 h, 24 h, then fails after the 8th attempt", () => {
    expect(RETRY_DELAYS[0]).toBe(30 * SECOND);
    expect(MAX_ATTEMPTS).toBe(8);
    const plans = Array.from({ length: MAX_ATTEMPTS }, (_, i) => planRetry(i + 1, NOW));
    expect(plans.slice(0, -1).map((p) => (p.nextAttemptAt as number) - NOW)).toEqual(RETRY_DELAYS);
    expect(plans.at(-1)).toEqual({ status: "failed", nextAttemptAt: null });
    // Each wait is longer than the one before.
    for (let i = 1; i < RETRY_DELAYS.length; i++) expect(RETRY_DELAYS[i]).toBeGreaterThan(RETRY_DELAYS[i - 1] as number);
  });
});

describe("signatures", () => {
  const body = '{"id":1}';
  it("verifies what it signs, and nothing altered", () => {
    const secret = generateSecret();
    const signature = sign(secret, 1_800_000_000, body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    const ok = { secret, timestamp: "1800000000", body, signature, nowSeconds: 1_800_000_010 };
    expect(verifySignature(ok)).toBe(true);
    expect(verifySignature({ ...ok, body: '{"id":2}' })).toBe(false);
    expect(verifySignature({ ...ok, timestamp: "1800000001" })).toBe(false);
    expect(verifySignature({ ...ok, secret: "other" })).toBe(false);
    expect(verifySignature({ ...ok, nowSeconds: 1_800_000_000 + 301 })).toBe(false);
  });

  it("is verified by the Node example of docs/webhooks.md", async () => {
    const section = readFileSync("docs/webhooks.md", "utf8");
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toBeDefined();
    const file = join(mkdtempSync(join(tmpdir(), "linkpace-readme-")), "verify.mjs");
    writeFileSync(file, code as string);
    const { isFromLinkpace } = (await import(pathToFileURL(file).href)) as {
      isFromLinkpace: (s: string, h: Record<string, string>, b: string) => boolean;
    };
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = { "x-linkpace-timestamp": String(timestamp), "x-linkpace-signature": sign("s", timestamp, body) };
    expect(isFromLinkpace("s", headers, body)).toBe(true);
    expect(isFromLinkpace("t", headers, body)).toBe(false);
    expect(isFromLinkpace("s", headers, `${body} `)).toBe(false);
  });

  it("generates distinct secrets", () => {
    expect(generateSecret()).not.toBe(generateSecret());
  });
});

describe("webhook configuration", () => {
  it("accepts http and https URLs only", () => {
    expect(parseWebhookUrl("https://example.com/h", NOTHING_ALLOWED)).toBe("https://example.com/h");
    expect(parseWebhookUrl("http://127.0.0.1:8080/x?y=1", parseWebhookAllow("127.0.0.1"))).toBe("http://127.0.0.1:8080/x?y=1");
    for (const bad of ["ftp://example.com/", "example.com/hook", "javascript:alert(1)", ""]) {
      expect(() => parseWebhookUrl(bad, NOTHING_ALLOWED)).toThrow(LinkpaceError);
    }
  });

  it("checks event names against the known kinds", () => {
    expect(parseEvents("replied, invite_sent,replied")).toEqual(["invite_sent", "replied"]);
    expect(parseEvents("all")).toHaveLength(9);
    expect(() => parseEvents("invite_sent,invites_accepted")).toThrow(
      /unknown event invites_accepted \(known: invite_sent, invite_accepted/,
    );
    expect(() => parseEvents(" , ")).toThrow(/at least one/);
  });
});
