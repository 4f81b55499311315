/** The server over a real port on 127.0.0.1: the engine loop inside, and a graceful shutdown that releases the port. */
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createToken } from "../../src/api/auth.js";
import { silentLogger } from "../../src/api/logger.js";
import { startServer } from "../../src/api/server.js";
import { VirtualClock, parseInstant } from "../../src/core/time.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import type { Store } from "../../src/store/store.js";
import { parseWebhookAllow } from "../../src/webhooks/webhook-allow.js";
import { receiver } from "../webhooks/receiver.js";
import { ACCOUNT, CAMPAIGN, LEADS, T0 } from "./api-harness.js";

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

/** Polls `check` until it holds (the engine loop runs on its own timer); fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("linkpace serve", () => {
  it("serves the API on a free port with the engine handing out tasks, then shuts down and releases the port", async () => {
    const store = await openSqliteStore(":memory:");
    const clock = new VirtualClock(parseInstant(T0) as number);
    const { token } = await createToken(store, { workspaceId: 1, name: "t", now: clock.now() });
    // The webhook receiver below is on 127.0.0.1: allowed as LINKPACE_WEBHOOK_ALLOW=127.0.0.1 would.
    const server = await startServer({
      store,
      clock,
      host: "127.0.0.1",
      port: 0,
      tickMs: 10,
      deliverMs: 50,
      logger: silentLogger,
      webhookAllow: parseWebhookAllow("127.0.0.1"),
    });
    expect(server.port).toBeGreaterThan(0);
    const call = (method: string, path: string, body?: string, type = "application/json") =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": type },
        ...(body !== undefined ? { body } : {}),
      });
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${server.url}/v1/accounts`)).status).toBe(401);
    expect((await call("POST", "/v1/accounts", JSON.stringify(ACCOUNT))).status).toBe(201);
    expect((await call("POST", "/v1/campaigns", JSON.stringify(CAMPAIGN))).status).toBe(201);
    expect((await call("POST", "/v1/prospects/import?campaign=q1", LEADS, "text/csv")).status).toBe(200);
    // The loop inside the server hands the due invitation over as a task, with nobody asking for it.
    await eventually(
      async () =>
        ((await (await call("GET", "/v1/tasks")).json()) as { accounts: Array<{ inProgress: unknown[] }> }).accounts[0]!.inProgress
          .length === 1,
    );
    const claim = (await (await call("POST", "/v1/agent/claim", JSON.stringify({ account: "alice" }))).json()) as {
      actionId: number;
      reconcile: boolean;
    };
    // Nobody held the loop's action 1: it was decided afresh for this claim (action 2).
    expect(claim).toMatchObject({ actionId: 2, kind: "connect", reconcile: false });
    // Webhooks are delivered from inside the server too.
    const hooks = await receiver();
    try {
      expect((await call("POST", "/v1/webhooks", JSON.stringify({ url: hooks.url, events: ["invite_sent"] }))).status).toBe(201);
      expect((await call("POST", "/v1/agent/report", JSON.stringify({ actionId: 2, result: "ok" }))).status).toBe(200);
      await eventually(async () => hooks.received.length === 1);
      expect(JSON.parse(hooks.received[0]!.body)).toMatchObject({
        type: "invite_sent",
        account: "alice",
        data: { campaign: "q1", prospect: "https://www.linkedin.com/in/jane-doe" },
      });
    } finally {
      await hooks.stop();
    }

    await server.close();
    expect(await canListen(server.port)).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await expect(store.nextWakeAt()).rejects.toThrow(); // the store is closed
  });

  it("says which port is in use, and closes its database", async () => {
    const first = await startServer({
      store: await openSqliteStore(":memory:"),
      clock: new VirtualClock(0),
      host: "127.0.0.1",
      port: 0,
      engine: false,
      logger: silentLogger,
    });
    const store = await openSqliteStore(":memory:");
    await expect(
      startServer({ store, clock: new VirtualClock(0), host: "127.0.0.1", port: first.port, engine: false, logger: silentLogger }),
    ).rejects.toThrow(`--port: 127.0.0.1:${first.port} is in use`);
    await expect(store.nextWakeAt()).rejects.toThrow();
    await first.close();
  });

  it("lets a request in progress finish before it closes", async () => {
    const real = await openSqliteStore(":memory:");
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // /healthz pings the store: hold it there until the shutdown has begun.
    const store = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === "ping") return async () => (entered(), await gate, target.ping());
        return Reflect.get(target, prop, receiver);
      },
    }) as Store;
    const server = await startServer({
      store,
      clock: new VirtualClock(0),
      host: "127.0.0.1",
      port: 0,
      engine: false,
      logger: silentLogger,
    });
    const pending = fetch(`${server.url}/healthz`);
    await inside;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    await closing;
    expect(await canListen(server.port)).toBe(true);
  });
});
