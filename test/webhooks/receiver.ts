/**
 * A webhook receiver on 127.0.0.1 (port 0: the system picks one) that records every request and answers with
 * the status (and, if given, headers and body) a test scripts. `stop()` closes it (later attempts are
 * refused); `start()` listens again on the same port.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export class Receiver {
  readonly received: Received[] = [];
  /** The next answer (a status: with body "ok"); `hang` never answers (the dispatcher's timeout ends the attempt). */
  respond: (req: Received) => number | Answer | "hang" = () => 200;
  #server: Server | null = null;
  #port = 0;
  readonly #sockets = new Set<import("node:net").Socket>();

  get url(): string {
    return `http://127.0.0.1:${this.#port}/hooks`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const r = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
        this.received.push(r);
        const answer = this.respond(r);
        if (answer === "hang") return;
        const { status, headers = {}, body = "ok" } = typeof answer === "number" ? { status: answer } : answer;
        // No keep-alive: once stopped, the next attempt opens a new connection and is refused.
        res.writeHead(status, { "content-type": "text/plain", ...headers, connection: "close" }).end(body);
      });
    });
    server.on("connection", (s) => {
      this.#sockets.add(s);
      s.on("close", () => this.#sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.#port, "127.0.0.1", () => resolve());
    });
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function receiver(): Promise<Receiver> {
  return new Receiver().start();
}
