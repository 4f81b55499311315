/**
 * End-to-end support: the real server (startServer) on a free loopback port, on an on-disk SQLite database and
 * a virtual clock the test moves, with Debian's Chromium driven by playwright-core (no browser download).
 * Screenshots go to test-artifacts/e2e/ (kept by CI as artifacts, ignored by git).
 *
 * Without a Chromium binary the suite is skipped with a message, unless LINKPACE_REQUIRE_E2E=1 (set by
 * .ci/run), where a missing browser is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { createToken } from "../../src/api/auth.js";
import { silentLogger } from "../../src/api/logger.js";
import { startServer, type RunningServer } from "../../src/api/server.js";
import { VirtualClock, parseInstant } from "../../src/core/time.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import type { Store } from "../../src/store/store.js";

export const ARTIFACTS = join(process.cwd(), "test-artifacts", "e2e");

export function chromiumPath(): string | null {
  const candidates = [process.env.LINKPACE_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** describe() when a browser is there; otherwise skipped (or failing under LINKPACE_REQUIRE_E2E=1). */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumPath() !== null) {
    describe(name, body);
    return;
  }
  if (process.env.LINKPACE_REQUIRE_E2E === "1")
    throw new Error("LINKPACE_REQUIRE_E2E=1 but no Chromium: install Debian's chromium package or set LINKPACE_CHROMIUM");
  console.warn(`[e2e] skipped "${name}": no Chromium (apt-get install chromium, or set LINKPACE_CHROMIUM)`);
  describe.skip(name, body);
}

export interface E2E {
  server: RunningServer;
  store: Store;
  clock: VirtualClock;
  token: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, for assertions (e.g. no script ran from CSV data). */
  pageErrors: string[];
  dialogs: string[];
  /** A request to the API with the bearer token (setting things up outside the browser); throws unless 2xx. */
  api(method: string, path: string, body?: unknown, contentType?: string): Promise<any>;
  /** Opens the dashboard and signs in with the token, up to the Accounts page. */
  signIn(): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startE2E(opts: { at: string }): Promise<E2E> {
  const dir = mkdtempSync(join(tmpdir(), "linkpace-e2e-"));
  const store = await openSqliteStore(join(dir, "linkpace.db"));
  const clock = new VirtualClock(parseInstant(opts.at) as number);
  const server = await startServer({ store, clock, host: "127.0.0.1", port: 0, logger: silentLogger, tickMs: 200, deliverMs: 1000 });
  const token = (await createToken(store, { workspaceId: 1, name: "e2e", now: clock.now() })).token;
  const browser = await chromium.launch({
    executablePath: chromiumPath()!,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 900 },
    timezoneId: "Europe/Paris",
    locale: "en-GB",
  });
  const page = await context.newPage();
  // Fail with Playwright's message (what it waited for) well before the test's own timeout.
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    server,
    store,
    clock,
    token,
    browser,
    context,
    page,
    pageErrors,
    dialogs,
    async api(method, path, body, contentType = "application/json") {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": contentType },
        ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : res.json();
    },
    async signIn() {
      await page.goto("/");
      await page.getByLabel("API token").fill(token);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Accounts" }).waitFor();
    },
    async screenshot(name) {
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The two prospects startE2EWithCampaign imports into q1: Jane Doe (of Acme) and Joe Bloggs. */
const JANE_AND_JOE =
  "profileUrl,firstName,lastName,company\nhttps://www.linkedin.com/in/jane-doe,Jane,Doe,Acme\nhttps://www.linkedin.com/in/joe,Joe,Bloggs,\n";

/** startE2E with account alice (Europe/Paris, premium), campaign q1 (one visit step) and Jane Doe and Joe Bloggs in it. */
export async function startE2EWithCampaign(opts: { at: string }): Promise<E2E> {
  const e = await startE2E(opts);
  await e.api("POST", "/v1/accounts", { name: "alice", timezone: "Europe/Paris", type: "premium", created: "2015-06-01" });
  await e.api("POST", "/v1/campaigns", { name: "q1", account: "alice", steps: [{ visit: { after: "2d" } }] });
  await e.api("POST", "/v1/prospects/import?campaign=q1", JANE_AND_JOE, "text/csv");
  return e;
}

/**
 * In a describe block: startE2EWithCampaign before its tests and closed after them. The E2E returned is filled in
 * by then (its methods hold no `this`, so they are copied as they are).
 */
export function e2eWithCampaign(opts: { at: string }): E2E {
  const e = {} as E2E;
  beforeAll(async () => {
    Object.assign(e, await startE2EWithCampaign(opts));
  });
  afterAll(async () => {
    await e.close?.();
  });
  return e;
}
