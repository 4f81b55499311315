import type { Command } from "commander";
import { formatLocalTime } from "../../core/schedule/index.js";
import { formatInstant } from "../../core/time.js";
import { accountStatus, unreachableCounts, type AccountStatus, type UnreachableCount } from "../../engine/account-status.js";
import { statusJson } from "../../engine/status-json.js";
import { emit, withApp, type GlobalOptions } from "../shell.js";
import { lastAlert, type AlertLine } from "../../engine/alerts.js";
import { renderLastAlert } from "./alerts.js";

export function registerStatusCommand(program: Command): void {
  program
    .command("status")
    .description(
      "per account: today's and the 7-day usage against budgets, pending invitations, acceptance rate, next action and why it waits",
    )
    .option("--account <name>", "only this account")
    .option("--json")
    .action(async (opts: { account?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const rows = opts.account ? [await app.account(opts.account)] : await app.store.listAccounts(app.ctx.workspaceId);
        const now = app.now();
        const unreachable = await unreachableCounts(app.store, rows);
        const accounts = await Promise.all(
          rows.map(async (r, i) => {
            const status = await accountStatus(app.store, r, now);
            return { ...status, unreachable: unreachable[i] as UnreachableCount, lastAlert: await lastAlert(app.store, r, status, now) };
          }),
        );
        // --json as GET /v1/status gives it (instants in ISO 8601 UTC); people read the times in each account's zone.
        const json = {
          at: formatInstant(now),
          accounts: accounts.map((a) => ({ ...statusJson(a), unreachable: a.unreachable, lastAlert: a.lastAlert })),
        };
        emit(g, json, () =>
          accounts.length === 0 ? "no accounts yet: linkpace account add FILE" : accounts.map(renderStatus).join("\n\n"),
        );
        if (accounts.some((a) => a.paused)) process.exitCode = 1;
      });
    });
}

function usage(u: { used: number; budget: number }): string {
  const width = 20;
  const filled = u.budget > 0 ? Math.min(width, Math.round((u.used / u.budget) * width)) : 0;
  return `${"#".repeat(filled)}${".".repeat(width - filled)} ${u.used}/${Number.isFinite(u.budget) ? u.budget : "∞"}`;
}

export function renderStatus(s: AccountStatus & { unreachable?: UnreachableCount; lastAlert?: AlertLine | null }): string {
  const rate = s.acceptance.rate === null ? "-" : `${Math.round(s.acceptance.rate * 100)}% of ${s.acceptance.decided} decided`;
  const lines = [
    `${s.name} (${s.type}, ${s.timezone})${s.paused ? `  PAUSED until ${formatLocalTime(s.paused.until, s.timezone)}: ${s.paused.reason}` : ""}`,
    `  invitations today   ${usage(s.today.invites)}${s.warmup ? `  (${s.warmup})` : ""}`,
    `  invitations 7 days  ${usage(s.week.invites)}${s.week.learned ? "  (budget learned from LinkedIn's limit signal)" : ""}`,
    `  messages today      ${usage(s.today.messages)}`,
    `  visits today        ${usage(s.today.visits)}`,
    `  pending             ${usage({ used: s.pending.count, budget: s.pending.max })}`,
    `  notes this month    ${s.notes.perMonth === null ? `${s.notes.used} (unlimited)` : usage({ used: s.notes.used, budget: s.notes.perMonth })}${s.notes.blocked ? "  (no more notes this month)" : ""}`,
    `  acceptance          ${rate}`,
    `  next action         ${s.next ? `${s.next.kind} at ${formatLocalTime(s.next.at, s.timezone)}${s.next.waitsFor ? `, waiting for: ${s.next.waitsFor}` : ""}` : "nothing scheduled (no prospect due)"}`,
  ];
  if (s.unreachable && s.unreachable.count > 0) lines.push(renderUnreachable(s.unreachable));
  if (s.lastAlert) lines.push(renderLastAlert(s.lastAlert, s.timezone));
  return lines.join("\n");
}

function renderUnreachable(u: UnreachableCount): string {
  const campaigns = Object.entries(u.campaigns)
    .map(([name, n]) => `${name} ${n}`)
    .join(", ");
  return `  unreachable         ${u.count} prospects refused at import (${campaigns}): the campaign's hours in their zone never meet these working hours (widen either, then import them again)`;
}
