/**
 * One graphile-worker process of the workers benchmark: a runner with `concurrency` and otherwise graphile-worker's
 * defaults, whose one task does nothing, over the queue workers.ts filled. Its logger is silent (the default
 * one prints a line per job, which linkpace does not do per action either). Says "ready", starts on "go", and
 * stops when the parent kills it once the queue is empty.
 */
import { Logger, run, type Runner } from "graphile-worker";
import type { GraphileWorkerSpec, WorkersChildMessage } from "./workers-types.js";

function send(m: WorkersChildMessage): void {
  process.send?.(m);
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "") as GraphileWorkerSpec;
  await new Promise<void>((resolve) => {
    process.once("message", () => resolve());
    send({ type: "ready" });
  });
  const runner: Runner = await run({
    connectionString: spec.url,
    schema: spec.schema,
    concurrency: spec.concurrency,
    noHandleSignals: true,
    logger: new Logger(() => () => {}),
    taskList: { noop: async () => {} },
  });
  process.once("SIGTERM", () => {
    runner.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  await runner.promise;
}

main().catch((e: unknown) => {
  send({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(1);
});
