/**
 * `linkpace alerts`: the account health alerts of the outbox (core/notifications.ts ALERT_KINDS), newest first;
 * and the "last alert" line of `linkpace status`: an account's latest alert of the last 7 days that its current
 * state does not show as over (a pause that ended, notes available again, …).
 */
import type { Command } from "commander";
import { LinkpaceError } from "../../core/errors.js";
import { ACCEPTANCE_ALERT_RATE, ALERT_KINDS, PENDING_ALERT_SHARE, type NotificationKind } from "../../core/notifications.js";
import { DAY, formatInstant, parseDuration, parseInstant, type Instant } from "../../core/time.js";
import type { AccountStatus } from "../../engine/account-status.js";
import type { AccountRow, NotificationRow, Store } from "../../store/store.js";
import { emit, table, withApp, type GlobalOptions } from "../shell.js";

export interface AlertLine {
  id: number;
  at: string;
  account: string;
  type: string;
  message: string;
  data: Record<string, unknown>;
}

export function toAlertLine(n: NotificationRow, accountName: string): AlertLine {
  const { account: _a, at: _at, message, ...data } = n.data;
  return { id: n.id, at: formatInstant(n.at), account: accountName, type: n.kind, message: typeof message === "string" ? message : n.kind, data };
}

/** `--since`: a duration back from now (`7d`) or an ISO instant or date. */
export function parseSince(text: string, now: Instant): Instant {
  const ago = parseDuration(text);
  if (ago !== null) return now - ago;
  const at = parseInstant(text);
  if (at !== null) return at;
  throw new LinkpaceError("invalid_input", `--since: expected a duration like 7d or 12h, or an ISO date like 2027-03-01 (got "${text}")`);
}

function isOver(kind: NotificationKind, s: AccountStatus): boolean {
  switch (kind) {
    case "account_paused":
      return s.paused === null;
    case "note_quota_exhausted":
      return !s.notes.blocked;
    case "pending_near_cap":
      return s.pending.count < Math.ceil(s.pending.max * PENDING_ALERT_SHARE);
    case "acceptance_falling":
      return s.acceptance.rate !== null && s.acceptance.rate >= ACCEPTANCE_ALERT_RATE;
    case "weekly_limit_reached": // the lowered budget stays: shown for the whole window
      return false;
    case "invite_sent":
    case "invite_accepted":
    case "replied":
    case "withdrawn":
      return true; // milestones, not alerts
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The account's latest alert of the last 7 days that still looks current, or null. */
export async function lastAlert(store: Store, account: AccountRow, status: AccountStatus, now: Instant): Promise<AlertLine | null> {
  const recent = await store.recentNotifications(account.workspaceId, { kinds: ALERT_KINDS, accountId: account.id, since: now - 7 * DAY, limit: 20 });
  const current = recent.find((n) => n.at <= now && !isOver(n.kind, status));
  return current ? toAlertLine(current, account.name) : null;
}

export function renderLastAlert(a: AlertLine): string {
  return `  last alert          ${a.at} ${a.type}: ${a.message}`;
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
      if (!Number.isInteger(limit) || limit < 1) throw new LinkpaceError("invalid_input", `--limit: expected a positive whole number (got "${opts.limit}")`);
      await withApp(g, async (app) => {
        const accounts = await app.store.listAccounts(app.ctx.workspaceId);
        const only = opts.account ? await app.account(opts.account) : null;
        const since = opts.since === undefined ? undefined : parseSince(opts.since, app.now());
        const rows = await app.store.recentNotifications(app.ctx.workspaceId, {
          kinds: ALERT_KINDS, limit, ...(only ? { accountId: only.id } : {}), ...(since !== undefined ? { since } : {}),
        });
        const names = new Map(accounts.map((a) => [a.id, a.name]));
        const alerts = rows.map((n) => toAlertLine(n, names.get(n.accountId) ?? String(n.accountId)));
        emit(g, { alerts }, (d) =>
          d.alerts.length === 0 ? "no alerts" : table(["AT", "ACCOUNT", "ALERT", "MESSAGE"], d.alerts.map((a) => [a.at, a.account, a.type, a.message])),
        );
      });
    });
}
