/**
 * Delivers the notification outbox to webhooks. It runs apart from the engine (the `webhook deliver` command
 * now, the server later) and only reads what the engine committed, so a slow or broken receiver never blocks
 * or fails the engine.
 *
 * A delivery (one per notification × webhook) moves through:
 * - pending: due at `nextAttemptAt`. An attempt leases it (nextAttemptAt = now + LEASE) so no other
 *   dispatcher attempts it meanwhile; a 2xx makes it delivered; anything else (status, refused connection,
 *   timeout) counts one attempt and sets the next one by backoff.ts, or makes it failed after MAX_ATTEMPTS.
 * - delivered, failed: final; never attempted again.
 * A dispatcher killed mid-attempt leaves the delivery pending: it is attempted again when its lease runs out,
 * with the same X-Linkpace-Delivery id, so a receiver that got it already can tell.
 *
 * `deliverDue(now)` first fans out (store/webhooks.ts: per webhook, one transaction creates the deliveries and
 * moves the cursor), then gives each webhook its own lane: rounds of at most `concurrency` attempts at once,
 * each with a timeout. A lane stops after a round in which the receiver did not answer (refused, timeout) or
 * after `maxRounds`: an unreachable receiver costs one timeout per pass and delays only its own deliveries.
 *
 * Each attempt resolves the webhook's host and refuses non-public addresses that `allow` does not allow
 * (webhook-allow.ts): a refused attempt sends nothing and counts as a failed one, retried like a refused
 * connection (the setting may change).
 */
import { randomUUID } from "node:crypto";
import type { Clock, Instant } from "../core/time.js";
import { MINUTE, SECOND } from "../core/time.js";
import { DEFAULT_WORKSPACE, type Store, type WorkspaceId } from "../store/store.js";
import type { DeliveryStatus, DueDelivery, WebhookRow } from "../store/webhooks.js";
import { planRetry } from "./backoff.js";
import { signedDelivery } from "./payload.js";
import { planCursor } from "./plan-cursor.js";
import { postDelivery } from "./post-delivery.js";
import { systemResolver, type Resolver } from "./resolve-target.js";
import { NOTHING_ALLOWED, type WebhookAllow } from "./webhook-allow.js";

export interface DispatcherOptions {
  store: Store;
  clock: Clock;
  /** The non-public hosts and addresses webhooks may reach (LINKPACE_WEBHOOK_ALLOW; default: none). */
  allow?: WebhookAllow;
  /** How host names are resolved (default: the system's resolver). */
  resolve?: Resolver;
  workspaceId?: WorkspaceId;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  /** Attempts at once per webhook (default 4). */
  concurrency?: number;
  /** Rounds per webhook per pass (default 10). */
  maxRounds?: number;
  /** How long an id missing from the outbox holds a cursor back (plan-cursor.ts; default 2 minutes). */
  gapGrace?: number;
  /** Called after each attempt, e.g. to print it. */
  onAttempt?: (report: AttemptReport) => void;
}

export interface AttemptReport {
  webhookId: number;
  url: string;
  deliveryId: string;
  notificationId: number;
  kind: string;
  attempt: number;
  status: DeliveryStatus;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: Instant | null;
}

export interface DeliverySummary {
  /** Deliveries created from new notifications. */
  queued: number;
  attempted: number;
  delivered: number;
  /** Failed this time, to be retried. */
  retrying: number;
  /** Failed for good this time. */
  failed: number;
}

const FANOUT_BATCH = 500;
/** How long an attempt holds a delivery: longer than any timeout, so a live attempt is never doubled. */
const LEASE = MINUTE;

export class WebhookDispatcher {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #allow: WebhookAllow;
  readonly #resolve: Resolver;
  readonly #workspaceId: WorkspaceId;
  readonly #timeoutMs: number;
  readonly #concurrency: number;
  readonly #maxRounds: number;
  readonly #gapGrace: number;
  readonly #onAttempt: ((r: AttemptReport) => void) | undefined;

  constructor(opts: DispatcherOptions) {
    this.#store = opts.store;
    this.#clock = opts.clock;
    this.#allow = opts.allow ?? NOTHING_ALLOWED;
    this.#resolve = opts.resolve ?? systemResolver;
    this.#workspaceId = opts.workspaceId ?? DEFAULT_WORKSPACE;
    this.#timeoutMs = opts.timeoutMs ?? 10 * SECOND;
    this.#concurrency = opts.concurrency ?? 4;
    this.#maxRounds = opts.maxRounds ?? 10;
    this.#gapGrace = opts.gapGrace ?? 2 * MINUTE;
    this.#onAttempt = opts.onAttempt;
  }

  /** Fans out new notifications, then attempts every delivery due at `now`. */
  async deliverDue(now: Instant = this.#clock.now()): Promise<DeliverySummary> {
    const summary: DeliverySummary = { queued: 0, attempted: 0, delivered: 0, retrying: 0, failed: 0 };
    const webhooks = await this.#store.listWebhooks(this.#workspaceId);
    for (const w of webhooks) summary.queued += await this.fanOut(w.id, now);
    await Promise.all(webhooks.map((w) => this.#lane(w, now, summary)));
    return summary;
  }

  /** Creates the deliveries of one webhook for the notifications after its cursor; how many it created. */
  async fanOut(webhookId: number, now: Instant): Promise<number> {
    let queued = 0;
    for (;;) {
      const step = await this.#store.transaction(async (tx) => {
        const hook = await tx.lockWebhook(webhookId);
        if (!hook) return { inserted: 0, more: false };
        const entries = await tx.outboxAfter(hook.cursor, FANOUT_BATCH);
        const wanted = entries.filter((e) => e.workspaceId === hook.workspaceId && hook.events.includes(e.kind));
        const inserted = await tx.insertDeliveries(
          wanted.map((e) => ({ webhookId: hook.id, notificationId: e.id, deliveryId: randomUUID(), nextAttemptAt: now, createdAt: now })),
        );
        const plan = planCursor({
          cursor: hook.cursor,
          ids: entries.map((e) => e.id),
          gapSince: hook.gapSince,
          now,
          grace: this.#gapGrace,
        });
        if (plan.cursor !== hook.cursor || plan.gapSince !== hook.gapSince) await tx.setWebhookCursor(hook.id, plan.cursor, plan.gapSince);
        return { inserted, more: entries.length === FANOUT_BATCH && plan.cursor > hook.cursor };
      });
      queued += step.inserted;
      if (!step.more) return queued;
    }
  }

  async #lane(hook: WebhookRow, now: Instant, summary: DeliverySummary): Promise<void> {
    for (let round = 0; round < this.#maxRounds; round++) {
      const due = await this.#store.claimDueDeliveries(hook.id, now, now + LEASE, this.#concurrency);
      const reports = await Promise.all(due.map((d) => this.#attempt(hook, d)));
      for (const r of reports) {
        summary.attempted++;
        if (r.status === "delivered") summary.delivered++;
        else if (r.status === "failed") summary.failed++;
        else summary.retrying++;
      }
      const unreachable = reports.some((r) => r.statusCode === null && r.status !== "delivered");
      if (due.length < this.#concurrency || unreachable) return;
    }
  }

  async #attempt(hook: WebhookRow, { delivery, notification }: DueDelivery): Promise<AttemptReport> {
    const sent = this.#clock.now();
    const request = signedDelivery(notification, {
      deliveryId: delivery.deliveryId,
      secret: hook.secret,
      timestamp: Math.floor(sent / 1000),
    });
    const outcome = await postDelivery({
      url: hook.url,
      ...request,
      timeoutMs: this.#timeoutMs,
      allow: this.#allow,
      resolve: this.#resolve,
    });
    const at = this.#clock.now();
    const attempt = delivery.attempts + 1;
    const next = outcome.ok ? { status: "delivered" as const, nextAttemptAt: null } : planRetry(attempt, at);
    const error = outcome.ok ? null : outcome.error;
    await this.#store.recordDeliveryAttempt(delivery.id, {
      at,
      status: next.status,
      statusCode: outcome.statusCode,
      error,
      nextAttemptAt: next.nextAttemptAt,
    });
    const report: AttemptReport = {
      webhookId: hook.id,
      url: hook.url,
      deliveryId: delivery.deliveryId,
      notificationId: notification.id,
      kind: notification.kind,
      attempt,
      status: next.status,
      statusCode: outcome.statusCode,
      error,
      nextAttemptAt: next.nextAttemptAt,
    };
    this.#onAttempt?.(report);
    return report;
  }
}
