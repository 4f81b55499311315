/**
 * One linkpace worker of the workers benchmark, in a process of its own: the engine on an inline channel that
 * answers every action "ok" at once (what is measured is linkpace's own cost per action: claim, governor,
 * writes), over the benchmark's PostgreSQL schema, on a virtual clock that every worker moves to BACKLOG_MS past
 * the store's earliest wake, so that the processes share one timeline as workers on a real clock would, with a
 * backlog of due accounts as graphile-worker has a queue of jobs. Started by
 * workers.ts with a LinkpaceWorkerSpec as JSON in argv[2]; says "ready", waits for "go", runs, says "done".
 */
import { performance } from "node:perf_hooks";
import { App } from "../app.js";
import type { ActionOutcome, Channel } from "../channels/channel.js";
import { MINUTE, VirtualClock } from "../core/time.js";
import { openStore } from "../store/open-store.js";
import type { LinkpaceWorkerSpec, WorkersChildMessage } from "./workers-types.js";

/**
 * How far past the earliest wake the clock moves. Moved to the earliest wake itself, one account at a time is
 * due: the other worker finds it claimed and waits for the next, and two workers did the work of one (463
 * actions/s; with 15 minutes of backlog 882/s in one run; more turns at once per process did not help: 777/s).
 */
const BACKLOG_MS = 15 * MINUTE;

class AlwaysOk implements Channel {
  readonly name = "bench-ok";
  readonly inline = true;
  async perform(): Promise<ActionOutcome> {
    return { status: "done", result: "ok" };
  }
}

function send(m: WorkersChildMessage): void {
  process.send?.(m);
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "") as LinkpaceWorkerSpec;
  const store = await openStore(spec.url);
  const clock = new VirtualClock(spec.start);
  const app = new App({ store, channel: new AlwaysOk(), clock });
  await new Promise<void>((resolve) => {
    process.once("message", () => resolve());
    send({ type: "ready" });
  });
  const t0 = performance.now();
  const deadline = t0 + spec.seconds * 1000;
  let performed = 0;
  let transactions = 0;
  while (performance.now() < deadline) {
    const wake = await app.engine.nextWakeAt();
    if (wake === null || wake >= spec.end) break;
    clock.set(Math.max(clock.now(), wake + BACKLOG_MS));
    const r = await app.engine.tickFrom(clock.now());
    performed += r.performed;
    transactions++;
  }
  const ms = performance.now() - t0;
  await store.close();
  send({ type: "done", performed, ms, transactions });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    send({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    process.exit(1);
  },
);
