/**
 * End to end on the engine: notifications the engine writes in its own transactions (milestones and health
 * alerts) reach a receiver on 127.0.0.1 as documented payloads; the alerts read back for the terminal.
 */
import { afterEach, describe, expect, it } from "vitest";
import { accountStatus } from "../../src/engine/account-status.js";
import { lastAlert } from "../../src/engine/alerts.js";
import { ALERT_KINDS, NOTIFICATION_KINDS } from "../../src/core/notifications.js";
import { DAY, parseInstant } from "../../src/core/time.js";
import { WebhookDispatcher } from "../../src/webhooks/webhook-dispatcher.js";
import { verifySignature } from "../../src/webhooks/signing.js";
import { parseWebhookAllow } from "../../src/webhooks/webhook-allow.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { harness, prospect } from "../support/harness.js";
import { receiver, type Receiver } from "./receiver.js";

const at = (iso: string): number => parseInstant(iso) as number;
let hooks: Receiver | null = null;
afterEach(async () => {
  await hooks?.stop();
  hooks = null;
});

describe("webhooks on the engine's notifications", () => {
  it("delivers invitation milestones and a pause alert, signed, with the documented payload", async () => {
    hooks = await receiver();
    const h = await harness(accountDoc(), [campaignDoc()]);
    const { store } = h.app;
    const hook = await store.insertWebhook({
      workspaceId: h.app.ctx.workspaceId,
      url: hooks.url,
      events: [...NOTIFICATION_KINDS],
      secret: "s3cret",
      createdAt: h.clock.now(),
    });
    await h.app.enroll("c1", [{ prospect: prospect("jane") }]);
    await h.runUntil("2027-03-03T00:00:00Z");
    await h.app.recordNetworkEvent({
      at: at("2027-03-03T10:00:00Z"),
      kind: "accepted",
      account: "alice",
      prospect: "https://www.linkedin.com/in/jane",
    });
    await h.app.recordNetworkEvent({ at: at("2027-03-03T11:00:00Z"), kind: "restricted", account: "alice" });
    h.clock.set(at("2027-03-03T12:00:00Z"));

    const summary = await new WebhookDispatcher({ store, clock: h.clock, allow: parseWebhookAllow("127.0.0.1") }).deliverDue(h.clock.now());
    expect(summary).toMatchObject({ queued: 3, delivered: 3 });
    const bodies = hooks.received
      .map((r) => JSON.parse(r.body) as Record<string, unknown>)
      .sort((a, b) => (a.id as number) - (b.id as number));
    expect(bodies.map((b) => b.type)).toEqual(["invite_sent", "invite_accepted", "account_paused"]);
    expect(bodies[1]).toEqual({
      id: expect.any(Number),
      type: "invite_accepted",
      at: "2027-03-03T10:00:00Z",
      account: "alice",
      data: { campaign: "c1", prospect: "https://www.linkedin.com/in/jane" },
    });
    expect(bodies[2]).toMatchObject({
      type: "account_paused",
      account: "alice",
      data: { message: expect.stringContaining("alice is paused"), reason: expect.any(String) },
    });
    for (const r of hooks.received) {
      expect(
        verifySignature({
          secret: "s3cret",
          body: r.body,
          timestamp: String(r.headers["x-linkpace-timestamp"]),
          signature: String(r.headers["x-linkpace-signature"]),
          nowSeconds: Math.floor(h.clock.now() / 1000),
        }),
      ).toBe(true);
    }
    expect((await store.listDeliveries(1, { webhookId: hook.id, limit: 10 })).every((d) => d.status === "delivered")).toBe(true);
  });

  it("lists the pause as the account's last alert while it lasts, and not once it is over", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    const { store } = h.app;
    await h.app.recordNetworkEvent({ at: at("2027-03-01T09:00:00Z"), kind: "restricted", account: "alice" });
    const alerts = await store.recentNotifications(1, { kinds: ALERT_KINDS, limit: 10 });
    expect(alerts.map((a) => a.kind)).toEqual(["account_paused"]);
    const account = await h.app.account("alice");
    const during = at("2027-03-01T12:00:00Z");
    expect(await lastAlert(store, account, await accountStatus(store, account, during), during)).toMatchObject({
      type: "account_paused",
      account: "alice",
      message: expect.stringContaining("paused"),
    });
    const after = at("2027-03-01T09:00:00Z") + 2 * DAY;
    expect(await lastAlert(store, account, await accountStatus(store, account, after), after)).toBeNull();
    // Only alerts: the milestones of the outbox are not listed.
    expect(await store.recentNotifications(1, { kinds: ALERT_KINDS, since: after, limit: 10 })).toEqual([]);
  });
});
