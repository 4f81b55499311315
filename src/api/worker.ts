/**
 * `linkpace worker`: the engine loop and webhook delivery (engine-loop.ts) with no HTTP server. The assisted
 * channel hands actions over as tasks, which runners and agents take through a `linkpace serve` on the same
 * database. `close()` stops the timers, waits for the runs in progress, then closes the store; the caller wires
 * SIGINT/SIGTERM to it. Several workers on one PostgreSQL database share the work (docs/operations.md).
 */
import { AppPool } from "./app-pool.js";
import type { Clock } from "../core/time.js";
import { DEFAULT_WORKSPACE, type Store } from "../store/store.js";
import { NOTHING_ALLOWED, type WebhookAllow } from "../webhooks/webhook-allow.js";
import { EngineLoop } from "./engine-loop.js";
import { serverLogger, type Logger } from "./logger.js";

export interface WorkerOptions {
  store: Store;
  clock: Clock;
  /** The database as it may be shown (a PostgreSQL URL without its password), for the start line of the log. */
  db: string;
  webhookAllow?: WebhookAllow;
  tickMs?: number;
  deliverMs?: number;
  /** Default: JSON lines on stderr (api/logger.ts). */
  logger?: Logger;
}

export interface RunningWorker {
  logger: Logger;
  close(): Promise<void>;
}

export function startWorker(opts: WorkerOptions): RunningWorker {
  const logger = opts.logger ?? serverLogger();
  const webhookAllow = opts.webhookAllow ?? NOTHING_ALLOWED;
  const pool = new AppPool(opts.store, opts.clock, webhookAllow);
  const loop = new EngineLoop({
    store: opts.store,
    engine: pool.get(DEFAULT_WORKSPACE).engine,
    clock: opts.clock,
    webhookAllow,
    keepAlive: true,
    ...(opts.tickMs !== undefined ? { tickMs: opts.tickMs } : {}),
    ...(opts.deliverMs !== undefined ? { deliverMs: opts.deliverMs } : {}),
    onError: (what, e) => logger.error({ err: e instanceof Error ? (e.stack ?? e.message) : String(e) }, `engine loop: ${what} failed`),
  });
  loop.start();
  logger.info({ db: opts.db, pid: process.pid }, "working");
  let closing: Promise<void> | null = null;
  return {
    logger,
    close: () =>
      (closing ??= (async () => {
        await loop.stop();
        await opts.store.close();
        logger.info({}, "stopped");
      })()),
  };
}
