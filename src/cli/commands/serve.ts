/**
 * `linkpace serve [--host 127.0.0.1] [--port 8080]`: the HTTP API with the engine loop inside (api/server.ts).
 * Ctrl-C or SIGTERM stops it gracefully: timers stop, requests in progress finish, the database is closed.
 */
import type { Command } from "commander";
import { LinkpaceError } from "../../core/errors.js";
import { startServer } from "../../api/server.js";
import { openStore } from "../../store/open-store.js";
import { systemClock, type GlobalOptions } from "../shell.js";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API (/v1, /openapi.json, /docs, /healthz, /metrics) with the engine running inside")
    .option("--host <host>", "the address to listen on", "127.0.0.1")
    .option("--port <port>", "the port to listen on (0: any free port)", "8080")
    .addHelpText("after", "\nEvery /v1 route needs a token: linkpace token create --name NAME. The reference is at /docs.")
    .action(async (opts: { host: string; port: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new LinkpaceError("invalid_input", `--port: expected a port number from 0 to 65535 (got "${opts.port}")`);
      const server = await startServer({ store: await openStore(g.db), clock: systemClock(), host: opts.host, port });
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          server.close().then(resolve, (e) => {
            server.logger.error({ err: String(e) }, "shutdown failed");
            resolve();
          });
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
