/**
 * `linkpace alerts`: the account health alerts of the outbox (core/notifications.ts ALERT_KINDS), newest first,
 * and the "last alert" line of `linkpace status` (the alerts themselves: engine/alerts.ts).
 */
import type { Command } from "commander";
import { LinkpaceError } from "../../core/errors.js";
import { ALERT_KINDS } from "../../core/notifications.js";
import { parseDuration, parseInstant, type Instant } from "../../core/time.js";
import { toAlertLine, type AlertLine } from "../../engine/alerts.js";
import { emit, localTime, table, withApp, type GlobalOptions } from "../shell.js";

/** `--since`: a duration back from now (`7d`) or an ISO instant or date. */
export function parseSince(text: string, now: Instant): Instant {
  const ago = parseDuration(text);
  if (ago !== null) return now - ago;
  const at = parseInstant(text);
  if (at !== null) return at;
  throw new LinkpaceError("invalid_input", `--since: expected a duration like 7d or 12h, or an ISO date like 2027-03-01 (got "${text}")`);
}

export function renderLastAlert(a: AlertLine, zone: string): string {
  return `  last alert          ${localTime(a.at, zone)} ${a.type}: ${a.message}`;
}

export function registerAlertsCommand(program: Command): void {
  program
    .command("alerts")
    .description(`account health alerts, newest first (${ALERT_KINDS.join(", ")})`)
    .option("--account <name>", "only this account")
    .option("--since <when>", "only alerts since a duration ago (7d) or an ISO date")
    .option("--limit <n>", "at most this many", "100")
    .option("--json")
    .action(async (opts: { account?: string; since?: string; limit: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new LinkpaceError("invalid_input", `--limit: expected a positive whole number (got "${opts.limit}")`);
      await withApp(g, async (app) => {
        const accounts = await app.store.listAccounts(app.ctx.workspaceId);
        const only = opts.account ? await app.account(opts.account) : null;
        const since = opts.since === undefined ? undefined : parseSince(opts.since, app.now());
        const rows = await app.store.recentNotifications(app.ctx.workspaceId, {
          kinds: ALERT_KINDS,
          limit,
          ...(only ? { accountId: only.id } : {}),
          ...(since !== undefined ? { since } : {}),
        });
        const names = new Map(accounts.map((a) => [a.id, a.name]));
        const zones = new Map(accounts.map((a) => [a.name, a.doc.timezone]));
        const alerts = rows.map((n) => toAlertLine(n, names.get(n.accountId) ?? String(n.accountId)));
        emit(g, { alerts }, (d) =>
          d.alerts.length === 0
            ? "no alerts"
            : table(
                ["AT", "ACCOUNT", "ALERT", "MESSAGE"],
                d.alerts.map((a) => [localTime(a.at, zones.get(a.account)), a.account, a.type, a.message]),
              ),
        );
      });
    });
}
