/**
 * One big import does not stall the server. While a 1,000,000-row CSV dry run is uploaded, read and enrolled
 * by the real server on a loopback port, /healthz answers in under 200 ms of wall time (a bound on
 * blocking, not a benchmark: without the pauses between chunks it waited for the whole read, then the whole
 * enrollment, tens of seconds). Once it has answered several times in both phases, the test closes the
 * import's connection: the import stops and its transaction rolls back, and the server is still well.
 */
import { describe, expect, it } from "vitest";
import { createToken } from "../../src/api/auth.js";
import { silentLogger } from "../../src/api/logger.js";
import { startServer } from "../../src/api/server.js";
import { VirtualClock, parseInstant } from "../../src/core/time.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import type { Store } from "../../src/store/store.js";
import { ACCOUNT, CAMPAIGN, T0 } from "./api-harness.js";

const ROWS = 1_000_000;
const BOUND_MS = 200;
/**
 * The test shares two cores with the other test files: the OS may deschedule this process for a few hundred ms,
 * which is not the server blocking. So up to 5% of the probes may exceed BOUND_MS, none LATE_MS (without the
 * pauses, the server blocked for the whole read and then the whole enrollment: tens of seconds).
 */
const LATE_MS = 1_000;
const OUTLIERS = 0.05;
/** Answers wanted while the CSV is uploaded and read, and while it is enrolled. */
const WANTED = 5;

type Phase = "reading" | "enrolling" | "ended";

/** The lead list, made as it is sent: 20,000 rows a pull, never whole in memory. */
function leads(rows: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const lines = next === 0 ? ["profileUrl,firstName\n"] : [];
      const end = Math.min(rows, next + 20_000);
      for (; next < end; next++) lines.push(`https://www.linkedin.com/in/p-${next},P${next}\n`);
      controller.enqueue(encoder.encode(lines.join("")));
      if (next >= rows) controller.close();
    },
  });
}

/** The store, telling when the enrollment transaction (the one that looks people up) starts and ends. */
function watched(real: Store, on: (phase: Phase) => void): Store {
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop !== "transaction") return Reflect.get(target, prop, receiver);
      return <T>(fn: (tx: Store) => Promise<T>): Promise<T> => {
        let enrolling = false;
        const spy = (tx: Store): Store =>
          new Proxy(tx, {
            get(t, p, r) {
              if (p === "findPersonIds" && !enrolling) {
                enrolling = true;
                on("enrolling");
              }
              return Reflect.get(t, p, r);
            },
          });
        const done = target.transaction((tx) => fn(spy(tx)));
        const end = () => enrolling && on("ended");
        done.then(end, end);
        return done;
      };
    },
  }) as Store;
}

describe("a big import and the event loop", () => {
  it(`answers /healthz in under ${BOUND_MS} ms (never over ${LATE_MS} ms) while a ${ROWS}-row dry run is read and enrolled`, async () => {
    const now: { phase: Phase } = { phase: "reading" };
    const store = watched(await openSqliteStore(":memory:"), (p) => (now.phase = p));
    const clock = new VirtualClock(parseInstant(T0) as number);
    const { token } = await createToken(store, { workspaceId: 1, name: "t", now: clock.now() });
    const server = await startServer({ store, clock, host: "127.0.0.1", port: 0, engine: false, logger: silentLogger });
    const auth = { authorization: `Bearer ${token}` };
    /** Each /healthz answer, and each stall of the probe's own timer (status 0). */
    const answers: Array<{ phase: Phase; ms: number; status: number }> = [];
    const seen = (p: Phase) => answers.filter((a) => a.phase === p && a.status === 200).length;
    const cancel = new AbortController();
    let importing: Promise<{ status: number } | { error: string }> | undefined;
    let phaseAfterCancel: Phase | undefined;
    try {
      for (const [path, doc] of [
        ["/v1/accounts", ACCOUNT],
        ["/v1/campaigns", CAMPAIGN],
      ] as const) {
        expect(
          (
            await fetch(`${server.url}${path}`, {
              method: "POST",
              headers: { ...auth, "content-type": "application/json" },
              body: JSON.stringify(doc),
            })
          ).status,
        ).toBe(201);
      }
      importing = fetch(`${server.url}/v1/prospects/import?campaign=q1&dryRun=true`, {
        method: "POST",
        headers: { ...auth, "content-type": "text/csv" },
        body: leads(ROWS),
        duplex: "half",
        signal: cancel.signal,
      } as RequestInit).then(
        (r) => ({ status: r.status }),
        (e: Error) => ({ error: e.name }),
      );
      const deadline = performance.now() + 45_000;
      while ((seen("reading") < WANTED || seen("enrolling") < WANTED) && now.phase !== "ended" && performance.now() < deadline) {
        const during = now.phase;
        const started = performance.now();
        const res = await fetch(`${server.url}/healthz`);
        await res.arrayBuffer();
        answers.push({ phase: during, ms: Math.round(performance.now() - started), status: res.status });
        // Spread the probes over the import. The timer shares the server's event loop: a late one is a stall too.
        const waited = performance.now();
        await new Promise((r) => setTimeout(r, 50));
        const late = Math.round(performance.now() - waited - 50);
        if (late >= BOUND_MS) answers.push({ phase: during, ms: late, status: 0 });
      }
    } finally {
      // Hanging up stops the import at its next pause; its transaction ends (rolled back) soon after.
      cancel.abort();
      const stopBy = performance.now() + 10_000;
      while (now.phase === "enrolling" && performance.now() < stopBy) await new Promise((r) => setTimeout(r, 20));
      phaseAfterCancel = now.phase;
      await server.close();
    }
    const shown = JSON.stringify(answers);
    expect(
      answers.filter((a) => (a.status !== 200 && a.status !== 0) || a.ms >= LATE_MS),
      shown,
    ).toEqual([]);
    expect(answers.filter((a) => a.ms >= BOUND_MS).length, shown).toBeLessThanOrEqual(Math.floor(answers.length * OUTLIERS));
    expect(seen("reading"), shown).toBeGreaterThanOrEqual(WANTED);
    expect(seen("enrolling"), shown).toBeGreaterThanOrEqual(WANTED);
    expect(await importing).toEqual({ error: "AbortError" });
    expect(phaseAfterCancel).toBe("ended");
  }, 90_000);
});
