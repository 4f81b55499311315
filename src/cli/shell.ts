/**
 * What every command shares: opening the app on the database named by --db / LINKPACE_DB, the system clock
 * (or LINKPACE_NOW, an ISO instant, for reproducible scripts and tests), output as text or one JSON document.
 */
import { App } from "../app.js";
import type { Channel } from "../channels/channel.js";
import { LinkpaceError } from "../core/errors.js";
import { parseInstant, type Clock } from "../core/time.js";
import { openStore } from "../store/open-store.js";

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export function systemClock(): Clock {
  const fixed = process.env.LINKPACE_NOW;
  if (fixed) {
    const at = parseInstant(fixed);
    if (at === null) throw new LinkpaceError("invalid_input", `LINKPACE_NOW: expected an ISO 8601 instant like 2027-03-01T08:00:00Z, got "${fixed}"`);
    return { now: () => at };
  }
  return { now: () => Date.now() };
}

/** A channel for commands that never perform actions (they only read or plan). */
const noChannel: Channel = {
  name: "none",
  perform: () => Promise.reject(new LinkpaceError("internal", "this command does not perform actions")),
};

export async function withApp<T>(opts: GlobalOptions, fn: (app: App) => Promise<T>): Promise<T> {
  const store = await openStore(opts.db);
  const app = new App({ store, channel: noChannel, clock: systemClock() });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** Prints `data` as one JSON document with --json, else the text `render` makes of it. */
export function emit<T>(opts: GlobalOptions, data: T, render: (data: T) => string): void {
  if (opts.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else {
    const text = render(data);
    if (text !== "") process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }
}

/** Left-aligned columns for terminal tables. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
