/**
 * `linkpace serve [--host 127.0.0.1] [--port 8080] [--no-engine]`: the HTTP API and the dashboard with the engine
 * loop inside (api/server.ts); with --no-engine, the API and the dashboard only, for `linkpace worker` processes
 * to run the engine beside (docs/operations.md). Ctrl-C or SIGTERM stops it gracefully: timers stop, requests in progress finish, the
 * database is closed.
 *
 * A first start (no live token at all) creates one token in the default workspace and prints it once with a
 * sign-in link, so that `npm ci && npm start` ends with a dashboard one click away. The token is in the link's
 * fragment (#…), which browsers never send to a server; the dashboard signs in with it and drops it from the
 * address bar.
 */
import type { Command } from "commander";
import { LinkpaceError } from "../../core/errors.js";
import { startServer } from "../../api/server.js";
import { createFirstToken, FIRST_TOKEN_NAME } from "../../api/first-token.js";
import { memoryLimiters, sharedLimiters } from "../../api/rate-limit.js";
import { EXTENSION_IDS_ENV, extensionIds, extensionIdsFromEnv } from "../../api/extension-origin.js";
import { isPostgresUrl, resolveDbTarget, splitSchema } from "../../store/open-store.js";
import { openCoordination } from "../../store/postgres/coordination.js";
import { webhookAllowFrom } from "../../webhooks/webhook-allow.js";
import { openDatabase, systemClock, withoutWorkspace, type GlobalOptions } from "../shell.js";
import { WEBHOOK_ALLOW_HELP } from "./webhook.js";
import { stopSignal } from "./worker.js";

export function registerServeCommand(program: Command): void {
  const serve = program
    .command("serve")
    .description("serve the dashboard (/) and the HTTP API (/v1, /openapi.json, /docs, /healthz, /metrics) with the engine running inside")
    .option("--host <host>", "the address to listen on", "127.0.0.1")
    .option("--port <port>", "the port to listen on (0: any free port)", "8080")
    .option("--no-engine", "API and dashboard only: no engine loop, no webhook delivery (run linkpace worker for them)")
    .option(
      "--extension-id <id>",
      `accept requests, with a token, from this browser extension (the companion; repeatable; also ${EXTENSION_IDS_ENV}, comma-separated)`,
      (id: string, ids: string[]) => [...ids, id],
      [] as string[],
    )
    .addHelpText(
      "after",
      "\nThe dashboard is at /, the API reference at /docs. Every /v1 route needs a token (linkpace token create --name NAME)\n" +
        "or the dashboard's session; on a first start, with no token yet, serve creates one and prints a sign-in link.\n" +
        WEBHOOK_ALLOW_HELP +
        "\nWith --no-engine, nothing is claimed nor delivered by this process: run `linkpace worker` beside it (any number of\n" +
        "each on one PostgreSQL database). Several processes, a systemd unit, a Procfile: docs/operations.md.\n" +
        "\nThe browser companion (an extension): docs/companion.md. The API and the agent protocol: docs/api.md; PostgreSQL, several processes, backups: docs/operations.md.",
    );
  withoutWorkspace(serve, "it serves every workspace; each token sees its own").action(
    async (opts: { host: string; port: string; extensionId: string[]; engine: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new LinkpaceError("invalid_input", `--port: expected a port number from 0 to 65535 (got "${opts.port}")`);
      const webhookAllow = webhookAllowFrom(process.env);
      const extensions = [...new Set([...extensionIds(opts.extensionId, "--extension-id"), ...extensionIdsFromEnv(process.env)])];
      const store = await openDatabase(g.db, { create: true }); // a first start creates it
      const clock = systemClock();
      // On PostgreSQL, what several processes must agree on: the rate limits' buckets, the first start's token.
      const target = resolveDbTarget(g.db);
      const shared = isPostgresUrl(target) ? openCoordination(splitSchema(target).url, splitSchema(target).schema) : null;
      const firstToken = await createFirstToken(store, clock.now(), shared ? (name, fn) => shared.withLock(name, fn) : undefined);
      // Listening for the signals before the server logs that it listens: a signal sent as soon as that is seen stops it gracefully.
      const stopped = stopSignal();
      const server = await startServer({
        store,
        clock,
        host: opts.host,
        port,
        webhookAllow,
        extensionIds: extensions,
        engine: opts.engine,
        limiters: shared ? sharedLimiters(shared, clock) : memoryLimiters(clock),
        onClose: () => shared?.close(),
      });
      // One write, so that whoever reads stdout sees the token and the address together.
      const welcome =
        firstToken === null
          ? ""
          : `No API token existed, so one was created (named "${FIRST_TOKEN_NAME}"; shown only now, \`linkpace token revoke\` ends it):\n  ${firstToken}\n` +
            `Sign in to the dashboard with this link:\n  ${server.url}/#/sign-in?token=${firstToken}\n\n`;
      process.stdout.write(
        `${welcome}linkpace is serving at ${server.url} (the dashboard; the API reference is at ${server.url}/docs)` +
          `${opts.engine ? "" : ", with no engine: linkpace worker performs"}. Ctrl-C stops it.\n`,
      );
      await stopped;
      await server.close().catch((e: unknown) => server.logger.error({ err: String(e) }, "shutdown failed"));
    },
  );
}
