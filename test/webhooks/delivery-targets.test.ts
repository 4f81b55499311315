/**
 * Where a delivery may go, checked at each attempt after DNS: a webhook added while its target was allowed
 * (or whose name now resolves elsewhere) sends nothing to a non-public address the setting does not allow.
 * Host names resolve through an injected resolver, so no test asks a real DNS server; every connection is to
 * the receiver on 127.0.0.1.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatInstant, VirtualClock } from "../../src/core/time.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import { DEFAULT_WORKSPACE, type Store } from "../../src/store/store.js";
import { MAX_ERROR_LENGTH } from "../../src/webhooks/post-delivery.js";
import type { ResolvedAddress, Resolver } from "../../src/webhooks/resolve-target.js";
import { NOTHING_ALLOWED, parseWebhookAllow, type WebhookAllow } from "../../src/webhooks/webhook-allow.js";
import { WebhookDispatcher } from "../../src/webhooks/webhook-dispatcher.js";
import { seedAccountAndCampaign, T0 } from "../store/fixtures.js";
import { receiver, type Receiver } from "./receiver.js";

const WS = DEFAULT_WORKSPACE;
let store: Store;
let hooks: Receiver;
let clock: VirtualClock;
let accountId: number;

beforeEach(async () => {
  store = await openSqliteStore(":memory:");
  clock = new VirtualClock(T0);
  hooks = await receiver();
  accountId = (await seedAccountAndCampaign(store)).accountId;
});
afterEach(async () => {
  await hooks.stop();
  await store.close();
});

/** A resolver that knows only `names`, and counts its lookups. */
function resolver(names: Record<string, string[]>): Resolver & { lookups: string[] } {
  const lookups: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    lookups.push(hostname);
    const addresses = names[hostname];
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { lookups });
}

/** The receiver's URL under another host name, e.g. http://hooks.test:PORT/hooks. */
const named = (host: string): string => hooks.url.replace("127.0.0.1", host);

async function deliverOnce(url: string, opts: { allow: WebhookAllow; resolve?: Resolver; timeoutMs?: number }) {
  const hook = await store.insertWebhook({ workspaceId: WS, url, events: ["replied"], secret: "s", createdAt: clock.now() });
  await store.appendNotification({
    workspaceId: WS,
    at: clock.now(),
    kind: "replied",
    accountId,
    campaignId: null,
    personId: null,
    data: { account: "alice", at: formatInstant(clock.now()) },
  });
  const summary = await new WebhookDispatcher({ store, clock, ...opts }).deliverDue(clock.now());
  const [delivery] = await store.listDeliveries(WS, { webhookId: hook.id, limit: 10 });
  return { summary, delivery: delivery! };
}

describe("the check at each delivery", () => {
  it("refuses a loopback address without the setting: nothing is sent, and the attempt is retried later", async () => {
    const { summary, delivery } = await deliverOnce(hooks.url, { allow: NOTHING_ALLOWED });
    expect(hooks.received).toHaveLength(0);
    expect(summary).toMatchObject({ attempted: 1, delivered: 0, retrying: 1 });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(delivery.lastError).toBe(
      "refused: 127.0.0.1 is a loopback address (127.0.0.0/8); allow it with LINKPACE_WEBHOOK_ALLOW (the address or a CIDR that holds it)",
    );
  });

  it("refuses a host name that resolves to a non-public address (localhost, or a name rebound after it was added)", async () => {
    for (const host of ["localhost", "hooks.test"]) {
      const resolve = resolver({ [host]: ["127.0.0.1"] });
      const { delivery } = await deliverOnce(named(host), { allow: NOTHING_ALLOWED, resolve });
      expect(delivery.lastError).toBe(
        `refused: ${host} resolves to 127.0.0.1, a loopback address (127.0.0.0/8); allow it with LINKPACE_WEBHOOK_ALLOW (the host name or a CIDR that holds it)`,
      );
    }
    expect(hooks.received).toHaveLength(0);
  });

  it("refuses a name when any of its addresses is not allowed", async () => {
    // Loopback only, so that even a broken check would connect nowhere else.
    const resolve = resolver({ "hooks.test": ["127.0.0.1", "::ffff:127.0.0.2"] });
    const { delivery } = await deliverOnce(named("hooks.test"), { allow: parseWebhookAllow("127.0.0.1"), resolve });
    expect(hooks.received).toHaveLength(0);
    expect(delivery.lastError).toMatch(
      /^refused: hooks\.test resolves to ::ffff:127\.0\.0\.2, a loopback address \(127\.0\.0\.0\/8\) in IPv4-mapped IPv6 form/,
    );
  });

  it("connects to the address it checked, resolving the name once per attempt", async () => {
    // A rebinding DNS: the first answer passes the check, any later one would point elsewhere on loopback.
    let answers = 0;
    const resolve: Resolver = async () => [{ address: answers++ === 0 ? "127.0.0.1" : "127.0.0.2", family: 4 }];
    const { summary, delivery } = await deliverOnce(named("hooks.test"), { allow: parseWebhookAllow("127.0.0.1"), resolve });
    expect(summary).toMatchObject({ attempted: 1, delivered: 1 });
    expect(delivery).toMatchObject({ status: "delivered", lastStatusCode: 200 });
    expect(answers).toBe(1);
    expect(hooks.received).toHaveLength(1);
    expect(hooks.received[0]!.headers.host).toBe(new URL(named("hooks.test")).host);
  });

  it("trusts a host name the setting names, whatever it resolves to", async () => {
    const resolve = resolver({ "n8n.internal": ["127.0.0.1"] });
    const { delivery } = await deliverOnce(named("n8n.internal"), { allow: parseWebhookAllow("n8n.internal"), resolve });
    expect(delivery).toMatchObject({ status: "delivered", lastError: null });
    expect(resolve.lookups).toEqual(["n8n.internal"]);
  });

  it("says when a name does not resolve, and keeps errors short", async () => {
    const { delivery } = await deliverOnce(named("nowhere.test"), { allow: NOTHING_ALLOWED, resolve: resolver({}) });
    expect(delivery.lastError).toBe("cannot resolve nowhere.test (ENOTFOUND)");
    const long = `${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.test`;
    const { delivery: refused } = await deliverOnce(named(long), { allow: NOTHING_ALLOWED, resolve: resolver({ [long]: ["127.0.0.1"] }) });
    expect(refused.lastError).toMatch(/^refused: a{60}/);
    expect(refused.lastError!.length).toBeLessThanOrEqual(MAX_ERROR_LENGTH);
  });

  it("counts a resolver that does not answer against the attempt's timeout", async () => {
    const { delivery } = await deliverOnce(named("slow.test"), {
      allow: NOTHING_ALLOWED,
      resolve: () => new Promise(() => {}),
      timeoutMs: 100,
    });
    expect(delivery.lastError).toBe("timeout: no answer within 0.1 s");
  });
});

describe("what a delivery keeps of the answer", () => {
  const allow = parseWebhookAllow("127.0.0.1");

  it("does not follow a redirect: a 3xx is a failed attempt with its status", async () => {
    hooks.respond = () => ({ status: 302, headers: { location: "/elsewhere" } });
    const { delivery } = await deliverOnce(hooks.url, { allow });
    expect(delivery).toMatchObject({ status: "pending", lastStatusCode: 302, lastError: null });
    expect(hooks.received).toHaveLength(1);
  });

  it("keeps the status and nothing of the body", async () => {
    hooks.respond = () => ({ status: 500, body: `internal answer: ${"x".repeat(100_000)}` });
    const { delivery } = await deliverOnce(hooks.url, { allow });
    expect(delivery).toMatchObject({ lastStatusCode: 500, lastError: null });
    expect(JSON.stringify(await store.listDeliveries(WS, { limit: 10 }))).not.toContain("internal answer");
  });
});
