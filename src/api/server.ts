/**
 * `linkpace serve`: the HTTP API on a port with the engine loop inside (`engine: false`, `serve --no-engine`: the
 * API alone, beside `linkpace worker` processes, api/worker.ts). `close()` stops the timers, stops
 * accepting connections, lets requests in progress finish (idle keep-alive connections are closed), then
 * closes the store. The caller wires SIGINT/SIGTERM to it.
 */
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { DEFAULT_WORKSPACE, type Store } from "../store/store.js";
import { LinkpaceError } from "../core/errors.js";
import type { Clock } from "../core/time.js";
import { NOTHING_ALLOWED, type WebhookAllow } from "../webhooks/webhook-allow.js";
import { createApi, type ApiOptions } from "./create-api.js";
import { EngineLoop } from "./engine-loop.js";
import { serverLogger, type Logger } from "./logger.js";

export interface ServerOptions {
  store: Store;
  clock: Clock;
  host: string;
  /** 0: any free port (tests). */
  port: number;
  rateLimit?: ApiOptions["rateLimit"];
  /** Where the rate limits' buckets are kept (default: this process's memory). */
  limiters?: ApiOptions["limiters"];
  /** Called once the store is closed, on close() or when listening fails (e.g. to close what the caller opened with it). */
  onClose?: () => Promise<void> | undefined;
  /** false: no engine loop nor webhook delivery (tests that drive the engine themselves). */
  engine?: boolean;
  /** The non-public webhook targets allowed, when adding and delivering (LINKPACE_WEBHOOK_ALLOW; default: none). */
  webhookAllow?: WebhookAllow;
  tickMs?: number;
  deliverMs?: number;
  /** Default: JSON lines on stderr (api/logger.ts). */
  logger?: Logger;
  /** The built dashboard's directory (default: dist/web). */
  webRoot?: string;
  /** The browser extensions (ids) whose requests are accepted, with a token (api/extension-origin.ts). */
  extensionIds?: readonly string[];
}

export interface RunningServer {
  logger: Logger;
  host: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const logger = opts.logger ?? serverLogger();
  const webhookAllow = opts.webhookAllow ?? NOTHING_ALLOWED;
  const api = createApi({
    store: opts.store,
    clock: opts.clock,
    logger,
    webhookAllow,
    ...(opts.rateLimit ? { rateLimit: opts.rateLimit } : {}),
    ...(opts.limiters ? { limiters: opts.limiters } : {}),
    ...(opts.webRoot ? { webRoot: opts.webRoot } : {}),
    ...(opts.extensionIds ? { extensionIds: opts.extensionIds } : {}),
  });
  const loop = new EngineLoop({
    store: opts.store,
    engine: api.pool.get(DEFAULT_WORKSPACE).engine,
    clock: opts.clock,
    webhookAllow,
    ...(opts.tickMs !== undefined ? { tickMs: opts.tickMs } : {}),
    ...(opts.deliverMs !== undefined ? { deliverMs: opts.deliverMs } : {}),
    onError: (what, e) => logger.error({ err: e instanceof Error ? (e.stack ?? e.message) : String(e) }, `engine loop: ${what} failed`),
  });
  const server = await listen(api.http.fetch, opts.host, opts.port).catch(async (e: NodeJS.ErrnoException) => {
    await opts.store.close();
    await opts.onClose?.();
    if (e.code === "EADDRINUSE")
      throw new LinkpaceError(
        "invalid_input",
        `--port: ${opts.host}:${opts.port} is in use (choose another port, or stop what listens there)`,
      );
    if (e.code === "EADDRNOTAVAIL" || e.code === "ENOTFOUND")
      throw new LinkpaceError(
        "invalid_input",
        `--host: cannot listen on ${opts.host} (${e.code}); use an address of this machine, e.g. 127.0.0.1`,
      );
    throw e;
  });
  if (opts.engine !== false) loop.start();
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host.includes(":") ? `[${opts.host}]` : opts.host}:${port}`;
  let closing: Promise<void> | null = null;
  logger.info({ url, engine: opts.engine !== false, extensions: opts.extensionIds ?? [] }, "listening");
  return {
    host: opts.host,
    port,
    url,
    logger,
    close: () =>
      (closing ??= (async () => {
        await loop.stop();
        // Requests in progress finish; their keep-alive connections are closed as soon as they are idle.
        const http = server as Server;
        const sweep = setInterval(() => http.closeIdleConnections(), 20);
        await new Promise<void>((resolve, reject) => {
          server.close((e) => (e ? reject(e) : resolve()));
          http.closeIdleConnections();
        }).finally(() => clearInterval(sweep));
        await opts.store.close();
        await opts.onClose?.();
        logger.info({}, "stopped");
      })()),
  };
}

function listen(fetchHandler: (req: Request) => Response | Promise<Response>, hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: fetchHandler, hostname, port }, () => resolve(server));
    server.once("error", reject);
  });
}
