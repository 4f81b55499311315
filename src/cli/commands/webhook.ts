/**
 * `linkpace webhook add|list|remove|deliveries|deliver`: webhooks receive the notification outbox as signed
 * JSON POSTs (webhooks/payload.ts). `deliver` runs the dispatcher once, or until Ctrl-C with --watch; the
 * engine never waits for it.
 */
import type { Command } from "commander";
import { setTimeout as sleep } from "node:timers/promises";
import { LinkpaceError } from "../../core/errors.js";
import { NOTIFICATION_KINDS } from "../../core/notifications.js";
import { formatInstant, parseDuration, SECOND, type Instant } from "../../core/time.js";
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookRow } from "../../store/webhooks.js";
import { deliveryJson } from "../../webhooks/delivery-json.js";
import { generateSecret } from "../../webhooks/signing.js";
import { WEBHOOK_ALLOW_ENV, webhookAllowFrom } from "../../webhooks/webhook-allow.js";
import { parseEvents, parseWebhookUrl } from "../../webhooks/webhook-config.js";
import { WebhookDispatcher, type AttemptReport, type DeliverySummary } from "../../webhooks/webhook-dispatcher.js";
import { emit, table, withApp, type GlobalOptions } from "../shell.js";

const at = (t: Instant | null): string | null => (t === null ? null : formatInstant(t));

function webhookJson(w: WebhookRow) {
  return { id: w.id, url: w.url, events: w.events, createdAt: formatInstant(w.createdAt) };
}

function parseId(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new LinkpaceError("invalid_input", `${what}: expected a webhook id such as 1 (see linkpace webhook list), got "${text}"`);
  return n;
}

/** Where webhooks may go, for the --help of the commands that add and deliver them (and serve's). */
export const WEBHOOK_ALLOW_HELP =
  "\nWebhook URLs must point to public addresses: loopback, private, link-local, carrier-grade NAT, multicast and other\n" +
  "non-public addresses are refused when a webhook is added and again at each delivery, after DNS (redirects are not\n" +
  "followed). For a receiver on this machine or network (n8n on localhost), allow it where linkpace runs: host names\n" +
  "(matched exactly) and addresses or CIDRs (matched after DNS), comma-separated:\n" +
  `  ${WEBHOOK_ALLOW_ENV}=localhost,127.0.0.1,10.0.0.0/8,n8n.internal`;

export function registerWebhookCommands(program: Command): void {
  const webhook = program
    .command("webhook")
    .description("signed JSON deliveries of invitation milestones and health alerts to your URLs (docs/webhooks.md)");
  webhook
    .command("add <url>")
    .description("add a webhook; it receives only notifications written from now on")
    .requiredOption("--events <list>", `comma-separated: ${NOTIFICATION_KINDS.join(", ")}; or all`)
    .option("--secret <secret>", "the HMAC-SHA256 signing secret (default: a generated one, printed once)")
    .option("--json")
    .addHelpText("after", WEBHOOK_ALLOW_HELP)
    .action(async (url: string, opts: { events: string; secret?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const target = parseWebhookUrl(url, webhookAllowFrom(process.env));
      const events = parseEvents(opts.events);
      if (opts.secret !== undefined && opts.secret.trim() === "")
        throw new LinkpaceError("invalid_input", "--secret: must not be empty (leave it out to have one generated)");
      const secret = opts.secret ?? generateSecret();
      await withApp(g, async (app) => {
        const row = await app.store.insertWebhook({ workspaceId: app.ctx.workspaceId, url: target, events, secret, createdAt: app.now() });
        emit(g, { webhook: { ...webhookJson(row), secret } }, (d) =>
          [
            `added webhook ${d.webhook.id}: ${d.webhook.url} (${d.webhook.events.join(", ")})`,
            `signing secret (shown only now; verify X-Linkpace-Signature with it): ${secret}`,
            "deliver with: linkpace webhook deliver (or --watch to keep delivering)",
          ].join("\n"),
        );
      });
    });
  webhook
    .command("list")
    .description("list webhooks (secrets are not shown)")
    .option("--json")
    .action(async (_opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const rows = (await app.store.listWebhooks(app.ctx.workspaceId)).map(webhookJson);
        emit(g, { webhooks: rows }, (d) =>
          d.webhooks.length === 0
            ? "no webhooks yet: linkpace webhook add URL --events …"
            : table(
                ["ID", "URL", "EVENTS", "ADDED"],
                d.webhooks.map((w) => [String(w.id), w.url, w.events.join(","), w.createdAt]),
              ),
        );
      });
    });
  webhook
    .command("remove <id>")
    .description("remove a webhook and its delivery log")
    .option("--json")
    .action(async (idText: string, _opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const id = parseId(idText, "webhook remove");
      await withApp(g, async (app) => {
        const row = await app.store.getWebhook(id);
        if (!row || row.workspaceId !== app.ctx.workspaceId || !(await app.store.deleteWebhook(id)))
          throw await unknownWebhook(app.store, app.ctx.workspaceId, id);
        emit(g, { removed: webhookJson(row) }, () => `removed webhook ${row.id} (${row.url})`);
      });
    });
  registerDeliveriesCommand(webhook);
  registerDeliverCommand(webhook);
}

async function unknownWebhook(
  store: { listWebhooks(w: number): Promise<WebhookRow[]> },
  workspaceId: number,
  id: number,
): Promise<LinkpaceError> {
  const known = (await store.listWebhooks(workspaceId)).map((w) => w.id);
  return new LinkpaceError("not_found", `no webhook ${id} (known: ${known.join(", ") || "none; add one with linkpace webhook add"})`);
}

function registerDeliveriesCommand(webhook: Command): void {
  webhook
    .command("deliveries")
    .description("the delivery log, newest first: notification, attempts, last status code or error, next attempt, delivered time")
    .option("--webhook <id>", "only this webhook")
    .option("--status <status>", `only ${DELIVERY_STATUSES.join(" | ")}`)
    .option("--limit <n>", "at most this many", "100")
    .option("--json")
    .action(async (opts: { webhook?: string; status?: string; limit: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const webhookId = opts.webhook === undefined ? undefined : parseId(opts.webhook, "--webhook");
      if (opts.status !== undefined && !(DELIVERY_STATUSES as readonly string[]).includes(opts.status)) {
        throw new LinkpaceError("invalid_input", `--status: expected ${DELIVERY_STATUSES.join(", ")} (got "${opts.status}")`);
      }
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new LinkpaceError("invalid_input", `--limit: expected a positive whole number (got "${opts.limit}")`);
      await withApp(g, async (app) => {
        if (webhookId !== undefined && (await app.store.getWebhook(webhookId))?.workspaceId !== app.ctx.workspaceId)
          throw await unknownWebhook(app.store, app.ctx.workspaceId, webhookId);
        const rows = await app.store.listDeliveries(app.ctx.workspaceId, {
          limit,
          ...(webhookId !== undefined ? { webhookId } : {}),
          ...(opts.status !== undefined ? { status: opts.status as DeliveryStatus } : {}),
        });
        emit(g, { deliveries: rows.map(deliveryJson) }, (d) =>
          d.deliveries.length === 0
            ? "no deliveries (run linkpace webhook deliver to send what is due)"
            : table(
                ["ID", "WEBHOOK", "NOTIFICATION", "STATUS", "ATTEMPTS", "LAST", "NEXT ATTEMPT", "DELIVERED"],
                d.deliveries.map((r) => [
                  String(r.id),
                  String(r.webhook),
                  `${r.notification} ${r.event}`,
                  r.status,
                  String(r.attempts),
                  r.lastError ?? (r.lastStatusCode === null ? "-" : `HTTP ${r.lastStatusCode}`),
                  r.nextAttemptAt ?? "-",
                  r.deliveredAt ?? "-",
                ]),
              ),
        );
      });
    });
}

function describeAttempt(r: AttemptReport): string {
  const answer = r.error ?? `HTTP ${r.statusCode}`;
  const outcome =
    r.status === "delivered"
      ? `delivered (${answer})`
      : r.status === "failed"
        ? `failed for good after ${r.attempt} attempts (${answer})`
        : `${answer}; retry at ${at(r.nextAttemptAt)}`;
  return `webhook ${r.webhookId}  ${r.kind} #${r.notificationId}  attempt ${r.attempt}: ${outcome}`;
}

function registerDeliverCommand(webhook: Command): void {
  webhook
    .command("deliver")
    .description("deliver what is due now and exit (exit 1 when a delivery failed for good); --watch keeps delivering until Ctrl-C")
    .option("--watch", "keep delivering new notifications and retries until interrupted")
    .option("--interval <duration>", "with --watch: how often to look for new work", "5s")
    .option("--json")
    .addHelpText("after", WEBHOOK_ALLOW_HELP)
    .action(async (opts: { watch?: boolean; interval: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const interval = parseDuration(opts.interval);
      if (interval === null || interval < SECOND)
        throw new LinkpaceError("invalid_input", `--interval: expected a duration of at least 1s, like 5s or 1m (got "${opts.interval}")`);
      const allow = webhookAllowFrom(process.env);
      await withApp(g, async (app) => {
        const attempts: AttemptReport[] = [];
        const dispatcher = new WebhookDispatcher({
          store: app.store,
          clock: app.ctx.clock,
          allow,
          workspaceId: app.ctx.workspaceId,
          onAttempt: (r) => {
            attempts.push(r);
            if (!g.json) process.stdout.write(`${describeAttempt(r)}\n`);
          },
        });
        const total: DeliverySummary = { queued: 0, attempted: 0, delivered: 0, retrying: 0, failed: 0 };
        const add = (s: DeliverySummary): void => {
          for (const k of Object.keys(total) as Array<keyof DeliverySummary>) total[k] += s[k];
        };
        if (opts.watch) await watch(dispatcher, interval, add);
        else add(await dispatcher.deliverDue());
        emit(
          g,
          { ...total, attempts },
          (d) =>
            `${d.queued} queued, ${d.attempted} attempted: ${d.delivered} delivered, ${d.retrying} to retry, ${d.failed} failed for good`,
        );
        if (total.failed > 0) process.exitCode = 1;
      });
    });
}

async function watch(dispatcher: WebhookDispatcher, interval: number, add: (s: DeliverySummary) => void): Promise<void> {
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    while (!stop.signal.aborted) {
      add(await dispatcher.deliverDue());
      await sleep(interval, undefined, { signal: stop.signal }).catch(() => {});
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
