/**
 * The engine's work queue over enrollments: what is due for an account, and when the next thing will be.
 * These run once or more per simulated action, so each is one prepared query answered from the index
 * enrollments_due (account_id, status, next_kind, ready_at, id), or enrollments_visited for the count.
 */
import { sql } from "kysely";
import type { Expression, ExpressionBuilder, Selectable } from "kysely";
import { STEP_KINDS, type ActionKind } from "../core/model.js";
import type { Instant } from "../core/time.js";
import { runPrepared, runPreparedFirst } from "./prepared.js";
import { enrollmentFromDb, personFromDb } from "./rows.js";
import type { CampaignsTable, Database, PersonsTable } from "./schema.js";
import { chunks, type StoreContext } from "./store-context.js";
import type { EnrollmentStatus, PersonRow, QueueKind, ReadyWithBacklog, Store } from "./store.js";

/** The kinds nextReadyWithBacklog reads a `following` for. */
export const QUEUE_KINDS: readonly QueueKind[] = ["visit", "connect", "message"];

export type QueueQueries = Pick<
  Store,
  | "dueEnrollments"
  | "dueEnrollmentsByCampaign"
  | "nextReadyByKind"
  | "countVisitedAwaiting"
  | "nextReadyWithBacklog"
  | "nextReadyByAccount"
  | "setCampaignReadyAt"
  | "resumeCampaignStep"
>;

/** Accounts per nextReadyByAccount query: bounds both the parameters and the number of query shapes. */
const ACCOUNTS_PER_QUERY = 500;

/** The person's columns next to the enrollment's in one joined row, prefixed so that names do not clash. */
const PERSON_SELECTION = [
  "p.id as p_id",
  "p.workspace_id as p_workspace_id",
  "p.display_url as p_display_url",
  "p.first_name as p_first_name",
  "p.last_name as p_last_name",
  "p.full_name as p_full_name",
  "p.company as p_company",
  "p.title as p_title",
  "p.location as p_location",
  "p.timezone as p_timezone",
  "p.zone_source as p_zone_source",
  "p.custom as p_custom",
  "p.member_id as p_member_id",
  "p.connected_at as p_connected_at",
  "p.connected as p_connected",
  "p.last_withdrawn_at as p_last_withdrawn_at",
  "p.created_at as p_created_at",
] as const;

/**
 * The earliest readyAt among the account's enrollments of this status and kind (ORDER BY … LIMIT 1: one seek).
 * `account`: an id, or a reference to the outer query's account id.
 */
function earliest(eb: ExpressionBuilder<Database, never>, account: AccountRef, status: EnrollmentStatus, kind: ActionKind) {
  return eb
    .selectFrom("enrollments")
    .select("ready_at")
    .where("account_id", "=", account)
    .where("status", "=", status)
    .where("next_kind", "=", kind)
    .where("ready_at", "is not", null)
    .orderBy("ready_at")
    .limit(1);
}

/** An account id, or a reference to the outer query's. */
type AccountRef = number | Expression<number>;

/** nextReadyByKind's columns: the earliest readyAt per kind, and of invited enrollments with a withdraw. */
function readyColumns(eb: ExpressionBuilder<Database, never>, account: AccountRef) {
  return [
    ...STEP_KINDS.map((kind) => earliest(eb, account, "ready", kind).as(kind)),
    earliest(eb, account, "invited", "withdraw").as("invited_withdraw"),
  ];
}

/** countVisitedAwaiting's query, as a subquery or on its own. */
function visitedAwaiting(eb: ExpressionBuilder<Database, never>, account: AccountRef, kind: ActionKind) {
  return eb
    .selectFrom("enrollments")
    .select((e) => e.fn.countAll<number>().as("n"))
    .where("account_id", "=", account)
    .where("status", "=", "ready")
    .where("next_kind", "=", kind)
    .where("visited_at", "is not", null);
}

/**
 * nextReadyWithBacklog's columns for the account (an id, or the outer query's account): the earliest readyAt per
 * kind, the visited backlog of `awaiting`, and the readyAt following each queue's earliest (`following_<kind>`).
 */
export function readyWithBacklogColumns(eb: ExpressionBuilder<Database, never>, account: AccountRef, awaiting: ActionKind) {
  return [
    ...readyColumns(eb, account),
    visitedAwaiting(eb, account, awaiting).as("visited_awaiting"),
    ...QUEUE_KINDS.map((kind) => earliest(eb, account, "ready", kind).offset(1).as(`following_${kind}`)),
  ];
}

/** What readyWithBacklogColumns selected, as Store.nextReadyWithBacklog gives it. */
export function readyWithBacklogFromRow(row: object | undefined): ReadyWithBacklog {
  const at = (row ?? {}) as Record<string, number | null>;
  const following: Partial<Record<QueueKind, Instant>> = {};
  for (const kind of QUEUE_KINDS) {
    const value = at[`following_${kind}`];
    if (typeof value === "number") following[kind] = value;
  }
  return { ready: readyFromRow(row), visitedAwaiting: Number(at.visited_awaiting ?? 0), following };
}

export function enrollmentQueueQueries(ctx: StoreContext): QueueQueries {
  const { db } = ctx;

  const nextReadyByKind = async (accountId: number): Promise<Partial<Record<ActionKind, Instant>>> => {
    // One seek per (status, kind) in enrollments_due rather than a GROUP BY, which reads every waiting
    // enrollment of the account (9 ms instead of 0.06 ms at 40,000 of them).
    const row = await runPreparedFirst(
      ctx,
      "enrollment.nextReady",
      (account: number) => db.selectNoFrom((eb) => readyColumns(eb, account)),
      accountId,
    );
    return readyFromRow(row);
  };

  return {
    async dueEnrollments(accountId, kind, now, limit) {
      // A pending invitation whose withdrawal is due is `invited`, not `ready`.
      const withdrawing = kind === "withdraw";
      const rows = await runPrepared(
        ctx,
        withdrawing ? "enrollment.due.withdraw" : "enrollment.due",
        (account: number, k: ActionKind, at: Instant, max: number) =>
          db
            .selectFrom("enrollments as e")
            .innerJoin("persons as p", "p.id", "e.person_id")
            .innerJoin("campaigns as c", "c.id", "e.campaign_id")
            .selectAll("e")
            .select(PERSON_SELECTION)
            .select("c.version as c_version")
            .where("e.account_id", "=", account)
            .$if(!withdrawing, (q) => q.where("e.status", "=", "ready"))
            .$if(withdrawing, (q) => q.where("e.status", "in", ["ready", "invited"]))
            .where("e.next_kind", "=", k)
            .where("e.ready_at", "<=", at)
            .orderBy("e.ready_at")
            .orderBy("e.id")
            .limit(max),
        accountId,
        kind,
        now,
        limit,
      );
      return rows.map((r) => {
        const enrollment = enrollmentFromDb(r);
        return { enrollment, person: personFromJoined(r), campaignId: enrollment.campaignId, campaignVersion: r.c_version };
      });
    },

    async dueEnrollmentsByCampaign(accountId, kind, now, limit) {
      if (kind === "withdraw") throw new Error("dueEnrollmentsByCampaign: withdrawals keep the account's order (dueEnrollments)");
      // Each campaign of the account, then its own earliest due enrollments: one seek in enrollments_campaign_due per
      // campaign. PostgreSQL takes them with a lateral join; SQLite, which has none, looks the ids up per campaign
      // (a correlated `id IN (… LIMIT n)`, answered from the same index range).
      const rows = await runPrepared(
        ctx,
        `enrollment.dueByCampaign:${ctx.dialect}`,
        (account: number, k: ActionKind, at: Instant, max: number) => {
          const campaignDue = (eb: ExpressionBuilder<Database & { c: CampaignsTable }, "c">) =>
            eb
              .selectFrom("enrollments as d")
              .select("d.id")
              .whereRef("d.campaign_id", "=", "c.id")
              .where("d.status", "=", "ready")
              .where("d.next_kind", "=", k)
              .where("d.ready_at", "<=", at)
              .orderBy("d.ready_at")
              .orderBy("d.id")
              .limit(max);
          const campaigns = db.selectFrom("campaigns as c");
          const due =
            ctx.dialect === "postgres"
              ? campaigns
                  .innerJoinLateral(
                    (eb) => campaignDue(eb).as("due"),
                    (join) => join.onTrue(),
                  )
                  .innerJoin("enrollments as e", "e.id", "due.id")
              : campaigns.innerJoin("enrollments as e", (join) => join.on("e.id", "in", (eb) => campaignDue(eb)));
          return due
            .innerJoin("persons as p", "p.id", "e.person_id")
            .selectAll("e")
            .select(PERSON_SELECTION)
            .select("c.version as c_version")
            .where("c.account_id", "=", account)
            .orderBy("e.campaign_id")
            .orderBy("e.ready_at")
            .orderBy("e.id");
        },
        accountId,
        kind,
        now,
        limit,
      );
      return rows.map((r) => {
        const enrollment = enrollmentFromDb(r);
        return { enrollment, person: personFromJoined(r), campaignId: enrollment.campaignId, campaignVersion: r.c_version };
      });
    },

    nextReadyByKind,

    async countVisitedAwaiting(accountId, kind) {
      const r = await runPreparedFirst(
        ctx,
        "enrollment.visitedAwaiting",
        (account: number, k: ActionKind) => visitedAwaiting(db as never, account, k),
        accountId,
        kind,
      );
      return Number(r?.n ?? 0);
    },

    async nextReadyWithBacklog(accountId, awaiting) {
      if (awaiting === null) return { ready: await nextReadyByKind(accountId), visitedAwaiting: null };
      const row = await runPreparedFirst(
        ctx,
        "enrollment.nextReadyWithBacklog",
        (account: number, k: ActionKind) => db.selectNoFrom((eb) => readyWithBacklogColumns(eb, account, k)),
        accountId,
        awaiting,
      );
      return readyWithBacklogFromRow(row);
    },

    async nextReadyByAccount(accountIds) {
      const out = new Map<number, Partial<Record<ActionKind, Instant>>>();
      for (const ids of chunks([...new Set(accountIds)], ACCOUNTS_PER_QUERY)) {
        const rows = await runPrepared(
          ctx,
          `enrollment.nextReadyByAccount:${ids.length}`,
          (...list: number[]) =>
            db
              .selectFrom("accounts as a")
              .select((eb) => ["a.id", ...readyColumns(eb as unknown as ExpressionBuilder<Database, never>, eb.ref("a.id"))])
              .where("a.id", "in", list),
          ...ids,
        );
        for (const r of rows) out.set(r.id, readyFromRow(r));
      }
      // Every id gets an answer: an account without enrollments (or unknown) has nothing ready.
      return new Map(accountIds.map((id) => [id, out.get(id) ?? {}]));
    },

    async setCampaignReadyAt(campaignId, readyAt) {
      await db
        .updateTable("enrollments")
        .set({ ready_at: readyAt })
        .where("campaign_id", "=", campaignId)
        .where("status", "=", "ready")
        .execute();
    },

    async resumeCampaignStep(campaignId, step, after, now) {
      const due = sql<number>`CASE WHEN base_at + ${after} > ${now} THEN base_at + ${after} ELSE ${now} END`;
      await db
        .updateTable("enrollments")
        .set({ ready_at: due })
        .where("campaign_id", "=", campaignId)
        .where("status", "=", "ready")
        .where("step", "=", step)
        .where("ready_at", "is", null)
        .execute();
    },
  };
}

/** The earliest readyAt per kind from a row of readyColumns; withdraw takes the earlier of ready and invited. */
function readyFromRow(row: object | undefined): Partial<Record<ActionKind, Instant>> {
  const at = (row ?? {}) as Record<string, number | null>;
  const next: Partial<Record<ActionKind, number>> = {};
  for (const kind of STEP_KINDS) {
    const candidates = [at[kind], kind === "withdraw" ? at.invited_withdraw : null].filter((v): v is number => typeof v === "number");
    if (candidates.length > 0) next[kind] = Math.min(...candidates);
  }
  return next;
}

type JoinedPerson = { [K in keyof Selectable<PersonsTable> as `p_${K & string}`]: Selectable<PersonsTable>[K] };

/** The person of a row selected with PERSON_SELECTION. */
function personFromJoined(r: JoinedPerson): PersonRow {
  return personFromDb({
    id: r.p_id,
    workspace_id: r.p_workspace_id,
    display_url: r.p_display_url,
    first_name: r.p_first_name,
    last_name: r.p_last_name,
    full_name: r.p_full_name,
    company: r.p_company,
    title: r.p_title,
    location: r.p_location,
    timezone: r.p_timezone,
    zone_source: r.p_zone_source,
    custom: r.p_custom,
    member_id: r.p_member_id,
    connected_at: r.p_connected_at,
    connected: r.p_connected,
    last_withdrawn_at: r.p_last_withdrawn_at,
    created_at: r.p_created_at,
  });
}
