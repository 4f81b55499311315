/**
 * The browser companion end to end: the built extension (dist/companion) loaded unpacked into Debian's Chromium
 * (Playwright's persistent context, --load-extension, --headless=new), against the real server on a loopback
 * port with the extension's id configured, on a virtual clock the test moves. Set the options, start a sitting,
 * work tasks from the panel page (opened as a tab), record a reply with its text; the API shows the outcomes and
 * the service worker's badge the count of tasks due.
 *
 * The server runs in this process (startServer, what `linkpace serve` runs) rather than as a subprocess, so that
 * its clock can be moved instead of waiting for the sitting's gaps; test/api/serve-extension.test.ts checks the
 * command's --extension-id on a subprocess. A headless browser cannot answer the host-permission prompt: the
 * panel works on the server's CORS answers. Nothing reaches the internet: linkedin.com addresses are answered by
 * a stand-in page, and every other address outside loopback is aborted.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page, type Worker } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createToken } from "../../src/api/auth.js";
import { silentLogger } from "../../src/api/logger.js";
import { startServer, type RunningServer } from "../../src/api/server.js";
import { SECOND, VirtualClock, parseInstant } from "../../src/core/time.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import type { Store } from "../../src/store/store.js";
import { ARTIFACTS, chromiumPath, describeInBrowser } from "./browser.js";

/** A Monday, 09:00 in Paris. */
const T0 = "2027-03-01T08:00:00Z";
const EXTENSION_ID = "lblagggiheedoccidilhaaapjgdelelj";
const EXTENSION_DIR = resolve("dist/companion");
const LEADS =
  "profileUrl,firstName,lastName,company,title,location\n" +
  'https://www.linkedin.com/in/ada-lovelace,Ada,Lovelace,Analytical Engines,Mathematician,"Paris, France"\n' +
  'https://www.linkedin.com/in/grace-hopper,Grace,Hopper,Navy,Rear Admiral,"Paris, France"\n' +
  'https://www.linkedin.com/in/alan-turing,Alan,Turing,Bletchley Park,Cryptanalyst,"Paris, France"\n' +
  'https://www.linkedin.com/in/edsger-dijkstra,Edsger,Dijkstra,Burroughs,Research Fellow,"Paris, France"\n' +
  'https://www.linkedin.com/in/barbara-liskov,Barbara,Liskov,MIT,Professor,"Paris, France"\n';
const REPLY = "Thanks for reaching out, happy to talk next week!";

describeInBrowser("the browser companion against a real server", () => {
  let dir: string;
  let store: Store;
  let clock: VirtualClock;
  let server: RunningServer;
  let token: string;
  let context: BrowserContext;
  let worker: Worker;
  let panel: Page;
  const pageErrors: string[] = [];
  const profilesOpened: string[] = [];

  const api = async (method: string, path: string, body?: unknown, contentType = "application/json"): Promise<any> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": contentType },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `companion-${name}.png`), fullPage: true });
  const testId = (id: string) => panel.getByTestId(id);
  /** Does something in the panel and waits until the panel has shown the next answer of POST /v1/tasks/next. */
  const answering = async (action: () => Promise<void>) => {
    const before = Number((await panel.locator("body").getAttribute("data-answers")) ?? 0);
    await action();
    await panel.waitForFunction((b) => Number(document.body.dataset.answers ?? 0) > b && document.body.dataset.state !== "asking", before);
  };

  beforeAll(async () => {
    // The extension as npm run build makes it (the global setup builds the server and the dashboard only).
    execFileSync(process.execPath, ["scripts/build-companion.mjs"], { stdio: "inherit" });
    dir = mkdtempSync(join(tmpdir(), "linkpace-companion-"));
    store = await openSqliteStore(join(dir, "linkpace.db"));
    clock = new VirtualClock(parseInstant(T0) as number);
    server = await startServer({
      store,
      clock,
      host: "127.0.0.1",
      port: 0,
      logger: silentLogger,
      tickMs: 100,
      deliverMs: 1000,
      extensionIds: [EXTENSION_ID],
    });
    token = (await createToken(store, { workspaceId: 1, name: "companion", now: clock.now() })).token;
    await api("POST", "/v1/accounts", {
      name: "alice",
      timezone: "Europe/Paris",
      type: "premium",
      created: "2015-06-01",
      pacing: "sittings",
    });
    await api("POST", "/v1/campaigns", {
      name: "q1",
      account: "alice",
      schedule: { timezone: "Europe/Paris", days: ["mon", "tue", "wed", "thu", "fri"], hours: "08:00-18:00" },
      steps: [{ connect: { note: "Hi {{ firstName }}, your work at {{ company }} caught my eye.", withdrawAfter: "21d" } }],
    });
    const imported = await api("POST", "/v1/prospects/import?campaign=q1", LEADS, "text/csv");
    expect(imported.enrolled).toBe(5);

    mkdirSync(ARTIFACTS, { recursive: true });
    context = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: chromiumPath()!,
      headless: false,
      viewport: { width: 480, height: 900 },
      timezoneId: "Europe/Paris",
      locale: "en-GB",
      args: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // Nothing reaches the internet: only loopback resolves (linkedin.com is answered by the route below).
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
      ],
    });
    await context.route(
      (url) => url.hostname.endsWith("linkedin.com"),
      (route) => {
        profilesOpened.push(route.request().url());
        return route.fulfill({
          contentType: "text/html",
          body: "<!doctype html><title>profile</title><h1>A stand-in for the profile</h1>",
        });
      },
    );
    await context.route(
      (url) =>
        !["127.0.0.1", "localhost"].includes(url.hostname) && !url.hostname.endsWith("linkedin.com") && url.protocol.startsWith("http"),
      (route) => route.abort(),
    );
    worker =
      context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) ?? (await context.waitForEvent("serviceworker"));
    context.on("page", (p) => {
      p.on("pageerror", (e) => pageErrors.push(e.message));
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && panel) await shot(panel, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, "-")}`);
  });

  it("loads with the manifest's fixed id", () => {
    expect(new URL(worker.url()).host).toBe(EXTENSION_ID);
  });

  it("sets the server and the token in the options and tests the connection", async () => {
    const options = await context.newPage();
    options.setDefaultTimeout(10_000);
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    await options.getByText(`linkpace serve --extension-id ${EXTENSION_ID}`).waitFor();
    await options.getByLabel("Server URL").fill(`${server.url}/`);
    await options.getByLabel("API token").fill(token);
    await options.getByRole("button", { name: "Save" }).click();
    await options.getByRole("status").getByText(`Connected to ${server.url}: 1 account (alice).`).waitFor();
    expect(await options.evaluate(() => (globalThis as any).chrome.storage.local.get(["server", "token"]))).toEqual({
      server: server.url,
      token,
    });
    await shot(options, "01-options");
    await options.close();
  });

  it("starts a sitting from the panel and works the tasks with the buttons and the runner's keys", async () => {
    panel = await context.newPage();
    panel.setDefaultTimeout(10_000);
    await panel.goto(`chrome-extension://${EXTENSION_ID}/panel.html`);
    await testId("sitting-status").getByText("No sitting open.").waitFor();
    expect(await panel.getByLabel("Account").inputValue()).toBe("alice");
    await testId("wait-reason")
      .getByText(/sitting/)
      .waitFor();
    await shot(panel, "02-panel-no-sitting");

    await answering(() => panel.getByRole("button", { name: "Start sitting" }).click());
    await testId("sitting-status")
      .getByText(/^Sitting open until 09:30/)
      .waitFor();
    const sitting = (await api("GET", "/v1/tasks?account=alice")).accounts[0].sitting;
    expect(sitting).toEqual({ from: T0, until: "2027-03-01T08:30:00Z" });

    const done: Array<{ id: string; name: string }> = [];
    const nextTask = async () => {
      // Back to back, with the sitting's short gap: move the server's clock past it and ask again.
      for (let moves = 0; (await panel.locator("body").getAttribute("data-state")) !== "task"; moves++) {
        expect(moves, "no task within 5 minutes of server time").toBeLessThan(10);
        clock.advance(30 * SECOND);
        await answering(() => panel.getByRole("button", { name: "Check now" }).click());
      }
      const task = testId("task");
      const id = (await task.getAttribute("data-action-id"))!;
      expect(done.map((d) => d.id)).not.toContain(id);
      expect(await task.getAttribute("data-kind")).toBe("connect");
      return { id, name: (await testId("task-name").textContent())!.trim() };
    };
    const gone = (id: string) =>
      panel.waitForFunction((t) => !document.querySelector(`[data-testid="task"]:not([hidden])[data-action-id="${t}"]`), id);

    // The first task: everything the runner shows, "Open profile", then `d` on the keyboard.
    const first = await nextTask();
    const person = LEADS.split("\n")
      .find((l) => l.includes(first.name.split(" ")[0]!.toLowerCase()))!
      .split(",");
    expect(first.name).toBe(`${person[1]} ${person[2]}`);
    const note = `Hi ${person[1]}, your work at ${person[3]} caught my eye.`;
    expect((await testId("task-text").textContent())!.trim()).toBe(note);
    expect(await testId("task-count").textContent()).toBe(`${note.length} characters`);
    expect(await testId("task-local").textContent()).toContain("Their time: Mon 09:"); // Paris, on the server's clock
    await panel.getByText(`${person[4]} at ${person[3]}`).waitFor();
    await shot(panel, "03-panel-task");
    // The LinkedIn tab the person works in, active beside the panel: "Open profile" sends it to the profile.
    const linkedin = await context.newPage();
    await linkedin.goto(`${server.url}/healthz`);
    await linkedin.bringToFront();
    await panel.getByRole("button", { name: "Open profile" }).click();
    await linkedin.waitForURL(person[0]!);
    await linkedin.getByText("A stand-in for the profile").waitFor();
    expect(profilesOpened).toEqual([person[0]]);
    await linkedin.close();
    await panel.bringToFront();
    await answering(() => panel.keyboard.press("d"));
    await gone(first.id);
    done.push(first);
    await panel.getByText(`Recorded: ${first.name}, ok.`).waitFor();

    // The second: the outcome's button.
    const second = await nextTask();
    await answering(() => panel.getByRole("button", { name: "done", exact: true }).click());
    await gone(second.id);
    done.push(second);

    // The third: they replied (seen on LinkedIn), with the pasted text; the reply stops the sequence.
    const third = await nextTask();
    await panel.keyboard.press("r");
    await panel.getByLabel("Their reply (optional)").fill(REPLY);
    await shot(panel, "04-panel-reply");
    await answering(() => panel.getByRole("button", { name: "Record reply" }).click());
    await gone(third.id);
    done.push(third);
    await panel.getByText(`Reply recorded for ${third.name}`).waitFor();
    await shot(panel, "05-panel-after");

    // Through the API: two invitations sent, and the reply kept with its text.
    const invitations = await api("GET", "/v1/invitations?campaign=q1");
    expect(JSON.stringify(invitations)).toContain(first.name.split(" ")[1]);
    expect(JSON.stringify(invitations)).toContain(second.name.split(" ")[1]);
    const replies = await api("GET", "/v1/replies?handled=false");
    expect(JSON.stringify(replies)).toContain(REPLY);
    expect(pageErrors).toEqual([]);
  });

  it("shows the tasks due now on the toolbar badge", async () => {
    const plan = await api("GET", "/v1/plan?days=1");
    const due = plan.accounts.reduce((n: number, a: { dueNow: number }) => n + a.dueNow, 0);
    expect(due).toBeGreaterThan(0); // two prospects are left, in the open sitting
    const refreshed = await panel.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: "refresh" }));
    expect(refreshed.error).toBeNull();
    expect(await worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}))).toBe(due === 0 ? "" : String(due));
  });
});
