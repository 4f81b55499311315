/**
 * The server's structured logs: one JSON object per line on stderr (pino), and one line per request with its
 * method, path, status, duration and credential (never the token itself).
 */
import type { MiddlewareHandler } from "hono";
import { pino } from "pino";
import type { ApiEnv } from "./api-env.js";

export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export function serverLogger(): Logger {
  return pino(
    { base: null, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    pino.destination({ fd: 2, sync: true }),
  );
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function requestLog(logger: Logger): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const principal = c.get("principal") as ApiEnv["Variables"]["principal"] | undefined;
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
        ...(principal ? { credential: principal.key, workspace: principal.workspaceId } : {}),
      },
      "request",
    );
  };
}
