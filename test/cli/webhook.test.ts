/**
 * `linkpace webhook …` and `linkpace alerts` as subprocesses. Deliveries go to a receiver in this process, on
 * 127.0.0.1, which the commands reach because LINKPACE_WEBHOOK_ALLOW allows it (ALLOWED); the commands that
 * deliver run asynchronously (runCli's spawnSync would block the receiver's event loop). Notifications are
 * written into the command's SQLite file through the store, as the engine would.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { NotificationKind } from "../../src/core/notifications.js";
import { formatInstant, parseInstant } from "../../src/core/time.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import { verifySignature } from "../../src/webhooks/signing.js";
import { CLI, initDir, runCli } from "../support/cli.js";
import { receiver, type Receiver } from "../webhooks/receiver.js";

const NOW_ISO = "2027-03-01T09:00:00Z";
const NOW = parseInstant(NOW_ISO) as number;
const ENV = { LINKPACE_NOW: NOW_ISO, LINKPACE_WEBHOOK_ALLOW: undefined };
const ALLOWED = { ...ENV, LINKPACE_WEBHOOK_ALLOW: "127.0.0.1" };

let hooks: Receiver | null = null;
afterEach(async () => {
  await hooks?.stop();
  hooks = null;
});

function workspace(): string {
  const dir = initDir();
  writeFileSync(join(dir, "account.yaml"), "name: alice\ntimezone: Europe/Paris\ntype: free\ncreated: 2019-05-01\n");
  expect(runCli(["account", "add", "account.yaml"], { cwd: dir, env: ENV }).code).toBe(0);
  return dir;
}

/** Writes notifications into the workspace's database, as the engine does. */
async function notify(
  dir: string,
  items: Array<{ kind: NotificationKind; data?: Record<string, unknown>; at?: number }>,
): Promise<number[]> {
  const store = await openSqliteStore(join(dir, "linkpace.db"));
  try {
    const account = await store.getAccount(1, "alice");
    const ids: number[] = [];
    for (const { kind, data, at = NOW } of items) {
      await store.appendNotification({
        workspaceId: 1,
        at,
        kind,
        accountId: account!.id,
        campaignId: null,
        personId: null,
        data: { account: "alice", at: formatInstant(at), ...data },
      });
      ids.push((await store.readNotifications(1, 0, 10_000)).at(-1)!.id);
    }
    return ids;
  } finally {
    await store.close();
  }
}

interface AsyncRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking this process; `whenRunning` may act on the child (e.g. interrupt it). */
function runCliAsync(
  args: string[],
  opts: { cwd: string; env?: Record<string, string | undefined> },
  whenRunning?: (child: ReturnType<typeof spawn>) => void,
): Promise<AsyncRun> {
  const env = { ...process.env, ...opts.env } as NodeJS.ProcessEnv;
  delete env.LINKPACE_DB;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  whenRunning?.(child);
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

describe("linkpace webhook", { timeout: 120_000 }, () => {
  it("adds webhooks with a generated or given secret, lists them without secrets, and removes them", () => {
    const dir = workspace();
    const added = runCli(["webhook", "add", "https://example.com/hooks/linkpace", "--events", "invite_sent,account_paused", "--json"], {
      cwd: dir,
      env: ENV,
    });
    expect(added.code).toBe(0);
    const generated = (added.json() as { webhook: { secret: string } }).webhook.secret;
    expect(generated).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(added.json()).toEqual({
      webhook: {
        id: 1,
        url: "https://example.com/hooks/linkpace",
        events: ["invite_sent", "account_paused"],
        createdAt: NOW_ISO,
        secret: generated,
      },
    });
    const text = runCli(["webhook", "add", "http://127.0.0.1:9/x", "--events", "all", "--secret", "my-secret"], { cwd: dir, env: ALLOWED });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("added webhook 2");
    expect(text.stdout).toContain("my-secret");

    const list = runCli(["webhook", "list", "--json"], { cwd: dir });
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain(generated);
    expect(list.stdout).not.toContain("my-secret");
    expect((list.json() as { webhooks: Array<{ id: number; events: string[] }> }).webhooks.map((w) => [w.id, w.events.length])).toEqual([
      [1, 2],
      [2, 9],
    ]);

    expect(runCli(["webhook", "remove", "1", "--json"], { cwd: dir }).json()).toMatchObject({ removed: { id: 1 } });
    expect(
      (runCli(["webhook", "list", "--json"], { cwd: dir }).json() as { webhooks: Array<{ id: number }> }).webhooks.map((w) => w.id),
    ).toEqual([2]);
  });

  it("exits 2 on bad input, says what would be valid, and changes nothing", () => {
    const dir = workspace();
    const cases: Array<[string[], RegExp]> = [
      [["webhook", "add", "ftp://example.com/x", "--events", "invite_sent"], /only http:\/\/ and https:\/\//],
      [["webhook", "add", "not a url", "--events", "invite_sent"], /is not a URL/],
      [
        ["webhook", "add", "https://example.com/x", "--events", "invite_sent,invites_accepted"],
        /unknown event invites_accepted \(known: invite_sent, invite_accepted, replied, withdrawn, account_paused/,
      ],
      [["webhook", "add", "https://example.com/x"], /--events/],
      [["webhook", "add", "https://example.com/x", "--events", "replied", "--secret", ""], /--secret/],
      [
        ["webhook", "add", "http://127.0.0.1:5432/", "--events", "replied"],
        /webhook URL http:\/\/127\.0\.0\.1:5432\/ points to a loopback address \(127\.0\.0\.0\/8\); .*LINKPACE_WEBHOOK_ALLOW=127\.0\.0\.1/,
      ],
      [["webhook", "add", "http://0x7f.1/", "--events", "replied"], /http:\/\/127\.0\.0\.1\/ points to a loopback address/],
      [["webhook", "add", "http://[::1]:5678/", "--events", "replied"], /points to a loopback address \(::1\/128\)/],
      [["webhook", "add", "http://localhost:5678/", "--events", "replied"], /names the local host/],
      [["webhook", "add", "http://192.168.1.20/", "--events", "replied"], /points to a private address \(192\.168\.0\.0\/16\)/],
      [["webhook", "remove", "7"], /no webhook 7 \(known: none/],
      [["webhook", "remove", "first"], /expected a webhook id/],
      [["webhook", "deliveries", "--status", "lost"], /--status: expected pending, delivered, failed/],
      [["webhook", "deliveries", "--webhook", "3"], /no webhook 3/],
      [["webhook", "deliver", "--interval", "soon"], /--interval/],
      [["alerts", "--since", "yesterday"], /--since: expected a duration like 7d/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, { cwd: dir, env: ENV });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
    expect(runCli(["webhook", "list", "--json"], { cwd: dir }).json()).toEqual({ webhooks: [] });
  });

  it("delivers signed notifications written after the webhook, and shows the delivery log", async () => {
    hooks = await receiver();
    const dir = workspace();
    await notify(dir, [{ kind: "invite_sent", data: { prospect: "before" } }]);
    expect(
      runCli(["webhook", "add", hooks.url, "--events", "invite_sent,weekly_limit_reached", "--secret", "s3cret"], {
        cwd: dir,
        env: ALLOWED,
      }).code,
    ).toBe(0);
    const [sent] = await notify(dir, [
      { kind: "invite_sent", data: { campaign: "q1", prospect: "https://www.linkedin.com/in/jane" } },
      { kind: "replied" },
    ]);

    const run = await runCliAsync(["webhook", "deliver", "--json"], { cwd: dir, env: ALLOWED });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      queued: 1,
      attempted: 1,
      delivered: 1,
      retrying: 0,
      failed: 0,
      attempts: [{ kind: "invite_sent", status: "delivered", statusCode: 200 }],
    });
    expect(hooks.received).toHaveLength(1);
    const [req] = hooks.received;
    expect(JSON.parse(req!.body)).toEqual({
      id: sent,
      type: "invite_sent",
      at: NOW_ISO,
      account: "alice",
      data: { campaign: "q1", prospect: "https://www.linkedin.com/in/jane" },
    });
    expect(
      verifySignature({
        secret: "s3cret",
        body: req!.body,
        timestamp: String(req!.headers["x-linkpace-timestamp"]),
        signature: String(req!.headers["x-linkpace-signature"]),
        nowSeconds: NOW / 1000,
      }),
    ).toBe(true);

    hooks.respond = () => 500;
    await notify(dir, [{ kind: "weekly_limit_reached", data: { message: "LinkedIn says alice reached its weekly invitation limit" } }]);
    const retry = await runCliAsync(["webhook", "deliver"], { cwd: dir, env: ALLOWED });
    expect(retry.code).toBe(0);
    expect(retry.stdout).toContain("HTTP 500; retry at 2027-03-01T09:00:30Z");

    const log = runCli(["webhook", "deliveries", "--json"], { cwd: dir, env: ENV });
    expect(log.code).toBe(0);
    expect(log.json()).toEqual({
      deliveries: [
        expect.objectContaining({
          webhook: 1,
          event: "weekly_limit_reached",
          status: "pending",
          attempts: 1,
          lastStatusCode: 500,
          lastError: null,
          nextAttemptAt: "2027-03-01T09:00:30Z",
          deliveredAt: null,
        }),
        expect.objectContaining({
          webhook: 1,
          notification: sent,
          event: "invite_sent",
          status: "delivered",
          attempts: 1,
          lastStatusCode: 200,
          nextAttemptAt: null,
          deliveredAt: NOW_ISO,
        }),
      ],
    });
    const pending = runCli(["webhook", "deliveries", "--status", "delivered", "--webhook", "1", "--json"], { cwd: dir }).json() as {
      deliveries: unknown[];
    };
    expect(pending.deliveries).toHaveLength(1);
    expect(runCli(["webhook", "deliveries"], { cwd: dir }).stdout).toMatch(/HTTP 500\s+2027-03-01T09:00:30Z/);
  });

  it("keeps delivering with --watch until interrupted", async () => {
    hooks = await receiver();
    const dir = workspace();
    expect(runCli(["webhook", "add", hooks.url, "--events", "replied", "--secret", "s"], { cwd: dir, env: ALLOWED }).code).toBe(0);
    await notify(dir, [{ kind: "replied" }]);
    const received = new Promise<void>((resolve) => {
      hooks!.respond = () => {
        resolve();
        return 200;
      };
    });
    const run = await runCliAsync(["webhook", "deliver", "--watch", "--interval", "1s", "--json"], { cwd: dir, env: ALLOWED }, (child) => {
      void received.then(() => child.kill("SIGINT"));
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ delivered: 1 });
  });
});

describe("linkpace webhook and LINKPACE_WEBHOOK_ALLOW", { timeout: 120_000 }, () => {
  it("refuses at delivery a loopback target the setting no longer allows: nothing is sent until it does", async () => {
    hooks = await receiver();
    const dir = workspace();
    expect(runCli(["webhook", "add", hooks.url, "--events", "replied", "--secret", "s"], { cwd: dir, env: ALLOWED }).code).toBe(0);
    await notify(dir, [{ kind: "replied" }]);
    const refused = await runCliAsync(["webhook", "deliver", "--json"], { cwd: dir, env: ENV });
    expect(refused.code).toBe(0);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      attempted: 1,
      delivered: 0,
      retrying: 1,
      attempts: [
        {
          statusCode: null,
          error:
            "refused: 127.0.0.1 is a loopback address (127.0.0.0/8); allow it with LINKPACE_WEBHOOK_ALLOW (the address or a CIDR that holds it)",
        },
      ],
    });
    expect(hooks.received).toHaveLength(0);
    const later = { ...ALLOWED, LINKPACE_NOW: "2027-03-01T09:01:00Z" };
    expect(JSON.parse((await runCliAsync(["webhook", "deliver", "--json"], { cwd: dir, env: later })).stdout)).toMatchObject({
      delivered: 1,
    });
    expect(hooks.received).toHaveLength(1);
  });

  it("exits 2 on a setting it cannot read, naming it, and documents it in --help", () => {
    const dir = workspace();
    for (const args of [
      ["webhook", "add", "https://example.com/x", "--events", "replied"],
      ["webhook", "deliver"],
      ["serve", "--port", "0"],
    ]) {
      const r = runCli(args, { cwd: dir, env: { ...ENV, LINKPACE_WEBHOOK_ALLOW: "127.0.0.1,10.0.0.0/33" } });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toContain('LINKPACE_WEBHOOK_ALLOW: "10.0.0.0/33" is not an address, a CIDR or a host name');
    }
    for (const args of [
      ["webhook", "add", "--help"],
      ["webhook", "deliver", "--help"],
      ["serve", "--help"],
    ]) {
      expect(runCli(args, { cwd: dir }).stdout, args.join(" ")).toContain(
        "LINKPACE_WEBHOOK_ALLOW=localhost,127.0.0.1,10.0.0.0/8,n8n.internal",
      );
    }
  });
});

describe("linkpace alerts", { timeout: 120_000 }, () => {
  it("lists health alerts newest first, filtered by account and time, and status shows the last one", async () => {
    const dir = workspace();
    await notify(dir, [
      { kind: "note_quota_exhausted", at: NOW - 10 * 86_400_000, data: { message: "alice has no personalised notes left this month" } },
      { kind: "invite_sent", at: NOW - 3_600_000 },
      {
        kind: "weekly_limit_reached",
        at: NOW - 3_600_000,
        data: { message: "LinkedIn says alice reached its weekly invitation limit", learnedWeeklyBudget: 72 },
      },
    ]);
    const all = runCli(["alerts", "--json"], { cwd: dir, env: ENV });
    expect(all.code).toBe(0);
    expect(all.json()).toEqual({
      alerts: [
        {
          id: 3,
          at: "2027-03-01T08:00:00Z",
          account: "alice",
          type: "weekly_limit_reached",
          message: "LinkedIn says alice reached its weekly invitation limit",
          data: { learnedWeeklyBudget: 72 },
        },
        expect.objectContaining({ id: 1, type: "note_quota_exhausted" }),
      ],
    });
    expect((runCli(["alerts", "--since", "7d", "--json"], { cwd: dir, env: ENV }).json() as { alerts: unknown[] }).alerts).toHaveLength(1);
    expect(
      (runCli(["alerts", "--since", "2027-03-01", "--account", "alice", "--json"], { cwd: dir, env: ENV }).json() as { alerts: unknown[] })
        .alerts,
    ).toHaveLength(1);
    expect(runCli(["alerts", "--account", "bob"], { cwd: dir, env: ENV }).code).toBe(2);
    expect(runCli(["alerts"], { cwd: dir, env: ENV }).stdout).toContain("weekly_limit_reached");

    const status = runCli(["status"], { cwd: dir, env: ENV });
    expect(status.stdout).toContain(
      "last alert          2027-03-01 09:00 CET (Europe/Paris) weekly_limit_reached: LinkedIn says alice reached its weekly invitation limit",
    );
    expect(runCli(["status", "--json"], { cwd: dir, env: ENV }).json()).toMatchObject({
      accounts: [{ name: "alice", lastAlert: { type: "weekly_limit_reached" } }],
    });
    // Eight days later the alert is no longer shown by status.
    expect(runCli(["status"], { cwd: dir, env: { LINKPACE_NOW: "2027-03-09T09:00:00Z" } }).stdout).not.toContain("last alert");
  });
});
