/**
 * The dispatcher against every store backend (SQLite always, PostgreSQL with LINKPACE_TEST_PG), delivering to
 * a real HTTP server on 127.0.0.1, which the dispatcher reaches because the setting allows it (as
 * LINKPACE_WEBHOOK_ALLOW=127.0.0.1 would). Time is a VirtualClock; each pass is driven by calling deliverDue.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { NotificationKind } from "../../src/core/notifications.js";
import { formatInstant, VirtualClock } from "../../src/core/time.js";
import { DEFAULT_WORKSPACE, type Store } from "../../src/store/store.js";
import { MAX_ATTEMPTS, RETRY_DELAYS } from "../../src/webhooks/backoff.js";
import { verifySignature } from "../../src/webhooks/signing.js";
import { parseWebhookAllow } from "../../src/webhooks/webhook-allow.js";
import { WebhookDispatcher, type DispatcherOptions } from "../../src/webhooks/webhook-dispatcher.js";
import { storeBackends, type TestDatabase } from "../store/backends.js";
import { seedAccountAndCampaign, T0 } from "../store/fixtures.js";
import { receiver, type Received, type Receiver } from "./receiver.js";

const WS = DEFAULT_WORKSPACE;
const SECRET = "test-secret-0123456789";
const allow = parseWebhookAllow("127.0.0.1");

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(storeBackends())("WebhookDispatcher on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;
  let clock: VirtualClock;
  let hooks: Receiver;
  let accountId: number;

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    clock = new VirtualClock(T0);
    hooks = await receiver();
    accountId = (await seedAccountAndCampaign(store)).accountId;
    ctx.onTestFinished(async (done) => {
      await hooks.stop();
      await db.dispose(done.task.result?.state !== "fail");
    });
  });

  const dispatcher = (over: Partial<DispatcherOptions> = {}) => new WebhookDispatcher({ store, clock, allow, ...over });
  /** Appends a notification and returns its id, read back (on PostgreSQL a transaction's append is sent with its next statement). */
  const notify = async (kind: NotificationKind, data: Record<string, unknown> = {}, on: Store = store): Promise<number> => {
    await on.appendNotification({
      workspaceId: WS,
      at: clock.now(),
      kind,
      accountId,
      campaignId: null,
      personId: null,
      data: { account: "alice", at: formatInstant(clock.now()), ...data },
    });
    return (await on.readNotifications(WS, 0, 10_000)).at(-1)!.id;
  };
  const addWebhook = (events: NotificationKind[], url = hooks.url) =>
    store.insertWebhook({ workspaceId: WS, url, events, secret: SECRET, createdAt: clock.now() });
  const deliveries = () => store.listDeliveries(WS, { limit: 1000 });
  const isSigned = (r: Received, secret = SECRET) =>
    verifySignature({
      secret,
      body: r.body,
      timestamp: String(r.headers["x-linkpace-timestamp"]),
      signature: String(r.headers["x-linkpace-signature"]),
      nowSeconds: Math.floor(clock.now() / 1000),
    });

  it("delivers a signed JSON notification to a receiver on loopback", async () => {
    const hook = await addWebhook(["invite_sent", "account_paused"]);
    const id = await notify("invite_sent", { campaign: "c-alice", prospect: "https://www.linkedin.com/in/jane" });
    const summary = await dispatcher().deliverDue(clock.now());
    expect(summary).toEqual({ queued: 1, attempted: 1, delivered: 1, retrying: 0, failed: 0 });
    expect(hooks.received).toHaveLength(1);
    const [req] = hooks.received as [Received];
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["x-linkpace-event"]).toBe("invite_sent");
    expect(req.headers["x-linkpace-timestamp"]).toBe(String(Math.floor(T0 / 1000)));
    expect(req.headers["x-linkpace-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(isSigned(req)).toBe(true);
    expect(isSigned(req, "another secret")).toBe(false);
    expect(JSON.parse(req.body)).toEqual({
      id,
      type: "invite_sent",
      at: "2027-03-01T00:00:00Z",
      account: "alice",
      data: { campaign: "c-alice", prospect: "https://www.linkedin.com/in/jane" },
    });
    expect(await deliveries()).toEqual([
      expect.objectContaining({
        webhookId: hook.id,
        notificationId: id,
        kind: "invite_sent",
        status: "delivered",
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: T0,
      }),
    ]);
    // Delivered is final: nothing more is sent, even much later.
    clock.advance(RETRY_DELAYS.at(-1) as number);
    expect((await dispatcher().deliverDue(clock.now())).attempted).toBe(0);
    expect(hooks.received).toHaveLength(1);
  });

  it("retries with backoff after 500s and a refused connection, then delivers with the same delivery id", async () => {
    await addWebhook(["replied"]);
    await notify("replied");
    const d = dispatcher();
    hooks.respond = () => 500;
    expect(await d.deliverDue(clock.now())).toMatchObject({ attempted: 1, retrying: 1 });
    expect(await deliveries()).toEqual([
      expect.objectContaining({ status: "pending", attempts: 1, lastStatusCode: 500, nextAttemptAt: T0 + RETRY_DELAYS[0]! }),
    ]);

    clock.advance(RETRY_DELAYS[0]! - 1); // not due yet
    expect((await d.deliverDue(clock.now())).attempted).toBe(0);
    clock.advance(1);
    expect(await d.deliverDue(clock.now())).toMatchObject({ attempted: 1, retrying: 1 });

    await hooks.stop(); // the receiver is down: connection refused
    clock.advance(RETRY_DELAYS[1]!);
    expect(await d.deliverDue(clock.now())).toMatchObject({ attempted: 1, retrying: 1 });
    const refused = (await deliveries())[0]!;
    expect(refused).toMatchObject({ status: "pending", attempts: 3, lastStatusCode: null, nextAttemptAt: clock.now() + RETRY_DELAYS[2]! });
    expect(refused.lastError).toMatch(/ECONNREFUSED/);

    await hooks.start();
    hooks.respond = () => 204;
    clock.advance(RETRY_DELAYS[2]!);
    expect(await d.deliverDue(clock.now())).toMatchObject({ attempted: 1, delivered: 1 });
    expect(await deliveries()).toEqual([
      expect.objectContaining({ status: "delivered", attempts: 4, lastStatusCode: 204, lastError: null, deliveredAt: clock.now() }),
    ]);
    expect(hooks.received).toHaveLength(3);
    expect(new Set(hooks.received.map((r) => r.headers["x-linkpace-delivery"])).size).toBe(1);
    expect(new Set(hooks.received.map((r) => r.body)).size).toBe(1);
    expect(hooks.received.map((r) => Number(r.headers["x-linkpace-timestamp"]))).toEqual(
      [T0, T0 + RETRY_DELAYS[0]!, clock.now()].map((t) => Math.floor(t / 1000)),
    );
  });

  it(`fails for good after ${MAX_ATTEMPTS} attempts`, async () => {
    await addWebhook(["withdrawn"]);
    await notify("withdrawn");
    hooks.respond = () => 503;
    const d = dispatcher();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const s = await d.deliverDue(clock.now());
      expect(s).toMatchObject({ attempted: 1, retrying: attempt < MAX_ATTEMPTS ? 1 : 0, failed: attempt < MAX_ATTEMPTS ? 0 : 1 });
      if (attempt < MAX_ATTEMPTS) clock.advance(RETRY_DELAYS[attempt - 1]!);
    }
    expect(await deliveries()).toEqual([
      expect.objectContaining({ status: "failed", attempts: MAX_ATTEMPTS, lastStatusCode: 503, nextAttemptAt: null, deliveredAt: null }),
    ]);
    clock.advance(30 * 24 * 3600_000);
    expect((await d.deliverDue(clock.now())).attempted).toBe(0);
    expect(hooks.received).toHaveLength(MAX_ATTEMPTS);
    expect(await store.listDeliveries(WS, { status: "failed", limit: 10 })).toHaveLength(1);
    expect(await store.listDeliveries(WS, { status: "pending", limit: 10 })).toHaveLength(0);
  });

  it("creates at most one delivery per notification and webhook, with two dispatchers at once and then again", async () => {
    // SQLite: one process, one connection (a second one would wait for the first's lock inside this very
    // process); the two dispatchers then share it. PostgreSQL: two pools, truly concurrent transactions.
    const other = backend.name === "postgres" ? await db.openAnother() : store;
    const a = await addWebhook(["invite_sent", "invite_accepted"]);
    const b = await addWebhook(["invite_sent"]);
    for (let i = 0; i < 5; i++) await notify(i % 2 === 0 ? "invite_sent" : "invite_accepted", { prospect: `p${i}` });
    const d1 = dispatcher();
    const d2 = new WebhookDispatcher({ store: other, clock, allow });
    const [s1, s2] = await Promise.all([d1.deliverDue(clock.now()), d2.deliverDue(clock.now())]);
    const third = await d1.deliverDue(clock.now());
    const fourth = await d2.deliverDue(clock.now());
    const expected = 5 + 3; // webhook a: all five; webhook b: the three invite_sent
    expect(s1.queued + s2.queued + third.queued + fourth.queued).toBe(expected);
    expect(s1.delivered + s2.delivered + third.delivered + fourth.delivered).toBe(expected);
    const rows = await deliveries();
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((r) => `${r.webhookId}:${r.notificationId}`)).size).toBe(expected);
    expect(rows.filter((r) => r.webhookId === a.id)).toHaveLength(5);
    expect(rows.filter((r) => r.webhookId === b.id).map((r) => r.kind)).toEqual(["invite_sent", "invite_sent", "invite_sent"]);
    expect(rows.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
    // Each delivery reached the receiver exactly once.
    expect(hooks.received).toHaveLength(expected);
    expect(new Set(hooks.received.map((r) => r.headers["x-linkpace-delivery"])).size).toBe(expected);
  });

  it("sends each webhook only the events it asked for", async () => {
    const alerts = await receiver();
    try {
      await addWebhook(["invite_accepted", "replied"]);
      await addWebhook(["account_paused", "weekly_limit_reached"], alerts.url);
      for (const kind of [
        "invite_sent",
        "invite_accepted",
        "account_paused",
        "replied",
        "withdrawn",
        "weekly_limit_reached",
        "pending_near_cap",
      ] as const)
        await notify(kind);
      await dispatcher().deliverDue(clock.now());
      expect(hooks.received.map((r) => r.headers["x-linkpace-event"])).toEqual(expect.arrayContaining(["invite_accepted", "replied"]));
      expect(hooks.received).toHaveLength(2);
      expect(alerts.received.map((r) => JSON.parse(r.body).type).sort()).toEqual(["account_paused", "weekly_limit_reached"]);
    } finally {
      await alerts.stop();
    }
  });

  it("gives a webhook added later only the notifications written after it", async () => {
    await notify("invite_sent", { prospect: "before" });
    await dispatcher().deliverDue(clock.now()); // no webhook yet: nothing to do, nothing remembered
    await notify("invite_sent", { prospect: "still before" });
    await addWebhook(["invite_sent"]);
    const after = await notify("invite_sent", { prospect: "after" });
    expect(await dispatcher().deliverDue(clock.now())).toMatchObject({ queued: 1, delivered: 1 });
    expect(hooks.received.map((r) => JSON.parse(r.body))).toEqual([expect.objectContaining({ id: after, data: { prospect: "after" } })]);
  });

  it("lets a receiver that does not answer time out without holding up another webhook", async () => {
    const fast = await receiver();
    try {
      hooks.respond = () => "hang";
      await addWebhook(["replied"]);
      await addWebhook(["replied"], fast.url);
      await notify("replied");
      const s = await dispatcher({ timeoutMs: 300 }).deliverDue(clock.now());
      expect(s).toMatchObject({ attempted: 2, delivered: 1, retrying: 1 });
      expect(fast.received).toHaveLength(1);
      const slow = (await deliveries()).find((r) => r.status === "pending");
      expect(slow?.lastError).toMatch(/timeout/);
    } finally {
      await fast.stop();
    }
  });

  it.runIf(backend.name === "postgres")("does not lose a notification whose transaction commits after a later one's", async () => {
    await addWebhook(["invite_sent"]);
    const other = await db.openAnother();
    const written = deferred();
    const commit = deferred();
    // An engine transaction takes an id and is still open when a later notification commits.
    const slow = other.transaction(async (tx) => {
      const id = await notify("invite_sent", { prospect: "slow" }, tx);
      written.resolve();
      await commit.promise;
      return id;
    });
    await written.promise;
    const fastId = await notify("invite_sent", { prospect: "fast" });
    const d = dispatcher();
    expect(await d.deliverDue(clock.now())).toMatchObject({ delivered: 1 });
    commit.resolve();
    const slowId = await slow;
    expect(slowId).toBeLessThan(fastId);
    expect(await d.deliverDue(clock.now())).toMatchObject({ queued: 1, delivered: 1 });
    expect(hooks.received.map((r) => JSON.parse(r.body).data.prospect)).toEqual(["fast", "slow"]);
    expect((await store.getWebhook((await store.listWebhooks(WS))[0]!.id))?.cursor).toBe(fastId);
  });
});
