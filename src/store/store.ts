/**
 * The Store port: everything the engine, the CLI and the server persist; its row types are in entity-rows.ts and log-rows.ts. One Kysely implementation serves
 * SQLite (embedded default) and PostgreSQL; backends differ only in how the Kysely instance is built and in
 * row locking (PostgreSQL: `FOR UPDATE SKIP LOCKED` so several workers never claim the same account). A third
 * implementation keeps everything in memory (memory/memory-store.ts: simulations, tests) with the same ids,
 * orders and errors.
 *
 * Instants are integer milliseconds since the epoch in every column. JSON documents are stored as text.
 * Every list is returned in a deterministic order (documented per method) so that a simulation produces the
 * same bytes on every backend.
 */
import type { AlertStore } from "./alerts.js";
import type { ApiMetricsStore } from "./api-metrics.js";
import type { ApiTokenStore } from "./api-tokens.js";
import type { SessionStore } from "./sessions.js";
import type { ReplyStore } from "./replies.js";
import type { RemovalStore } from "./removals.js";
import type { ForgetStore } from "./forget.js";
import type { SuppressionStore } from "./suppressions.js";
import type { VariantStore } from "./variants.js";
import type { InvitationOutcomeStore } from "./invitation-outcomes.js";
import type { UnreachableStore } from "./unreachable.js";
import type { WebhookStore } from "./webhooks.js";
import type { ActionKind, ActionResult, CampaignDoc } from "../core/model.js";
import type { Instant } from "../core/time.js";
import type {
  WorkspaceId,
  AccountRow,
  CampaignStatus,
  CampaignRow,
  CampaignVersionRow,
  PersonRow,
  NewPerson,
  EnrollmentRow,
  NewEnrollment,
  EnrollmentPatch,
  DueEnrollment,
  EnrollmentFilter,
  EnrollmentWithPerson,
  ExportFilter,
  ProspectExportRow,
  ActivityExportRow,
} from "./entity-rows.js";
import type {
  ActionLogRow,
  LogRow,
  NewLogRow,
  LogLine,
  InvitationRow,
  EnrollmentCounts,
  TaskRow,
  Release,
  ReleasedAction,
  TaskHold,
  NotificationRow,
  NewNotificationRow,
} from "./log-rows.js";

export * from "./entity-rows.js";

/** What Store.nextReadyWithBacklog reads. */
export interface ReadyWithBacklog {
  ready: Partial<Record<ActionKind, Instant>>;
  visitedAwaiting: number | null;
  following?: Partial<Record<QueueKind, Instant>>;
}

/** The kinds whose queue is the account's `ready` enrollments alone (withdraw also takes `invited` ones). */
export type QueueKind = Exclude<ActionKind, "withdraw">;
export * from "./log-rows.js";
export type { NewReply, ReplyFilter, ReplyListRow, ReplyRow } from "./replies.js";
export type { RemovedRows } from "./removals.js";
export type { ErasedRows, ErasureTarget } from "./forget.js";
export type { NewSuppression, SuppressionCandidate, SuppressionRow } from "./suppressions.js";
export type { VariantTally } from "./variants.js";
export type { InvitationOutcome } from "./invitation-outcomes.js";

/** Webhooks and their delivery log (webhooks.ts), alerts read back from the outbox (alerts.ts), replies (replies.ts). */
export interface Store
  extends
    WebhookStore,
    AlertStore,
    ApiTokenStore,
    SessionStore,
    ApiMetricsStore,
    UnreachableStore,
    ReplyStore,
    SuppressionStore,
    VariantStore,
    InvitationOutcomeStore,
    RemovalStore,
    ForgetStore {
  readonly dialect: "sqlite" | "postgres" | "memory";

  /** Runs `fn` in one transaction with a Store bound to it. Nested calls reuse the outer transaction. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Throws unless the database answers (for /healthz). Never waits behind a transaction in progress: on
   * SQLite, whose one connection a long transaction (a big import) holds, that transaction shows it answers.
   */
  ping(): Promise<void>;

  // Accounts. Lists are ordered by id.
  insertAccount(row: Omit<AccountRow, "id">): Promise<AccountRow>;
  updateAccount(id: number, patch: Partial<Pick<AccountRow, "doc" | "state" | "wakeAt">>): Promise<void>;
  getAccount(workspaceId: WorkspaceId, name: string): Promise<AccountRow | null>;
  getAccountById(id: number): Promise<AccountRow | null>;
  listAccounts(workspaceId: WorkspaceId): Promise<AccountRow[]>;
  /**
   * Inside a transaction: the account with the smallest (wakeAt, id) among those with wakeAt <= now, locked
   * for the rest of the transaction; accounts locked by another transaction are skipped (PostgreSQL
   * `FOR UPDATE SKIP LOCKED`; SQLite serialises writers anyway). null when none is due.
   */
  claimDueAccount(now: Instant): Promise<AccountRow | null>;
  /**
   * claimDueAccount for up to `limit` accounts at once, in (wakeAt, id) order, each locked for the rest of the
   * transaction (one statement where claiming them one by one takes a transaction each: engine.ts), each with
   * what nextReadyWithBacklog(id, "connect") reads, in the same statement. That read's snapshot is taken before
   * the row locks: a write to an account's enrollments committed by another process in between would not be in
   * it. So it is for a database this process has to itself: the engine calls it only with claimBatch > 1, which
   * only simulations set. Optional: without it the engine claims one account per transaction.
   */
  claimDueAccounts?(now: Instant, limit: number): Promise<Array<{ account: AccountRow; ready: ReadyWithBacklog }>>;
  /** Inside a transaction: the account, locked (waits for other holders). */
  lockAccount(id: number): Promise<AccountRow>;
  /** The smallest wakeAt of all accounts, or null. */
  nextWakeAt(): Promise<Instant | null>;
  /**
   * Sets the account's governor state and wakeAt, and returns nextWakeAt() as it stands after the change, in one
   * statement (the other accounts as this statement sees them: inside a transaction, PostgreSQL's READ COMMITTED
   * snapshot of that statement).
   */
  setAccountWake(id: number, state: unknown, wakeAt: Instant | null): Promise<Instant | null>;

  // Campaigns. Lists are ordered by id.
  /** Inserts a campaign at version 1 (and that version). */
  insertCampaign(row: Omit<CampaignRow, "id" | "version">): Promise<CampaignRow>;
  getCampaign(workspaceId: WorkspaceId, name: string): Promise<CampaignRow | null>;
  getCampaignById(id: number): Promise<CampaignRow | null>;
  listCampaigns(workspaceId: WorkspaceId): Promise<CampaignRow[]>;
  setCampaignStatus(id: number, status: CampaignStatus): Promise<void>;
  /**
   * Replaces a campaign's document with version `version` (one more than its current, which the caller read
   * under the account's lock) and records that version at `at`; the row as it is now.
   */
  updateCampaignDoc(id: number, doc: CampaignDoc, version: number, at: Instant): Promise<CampaignRow>;
  /** The campaign's version number, or null when there is no such campaign: one cheap lookup (engine/context.ts). */
  campaignVersion(id: number): Promise<number | null>;
  /** Every version of a campaign, in version order. */
  listCampaignVersions(id: number): Promise<CampaignVersionRow[]>;

  // People and their identifiers (unique per workspace).
  /** identifier -> person id, for those of `identifiers` that are known. */
  findPersonIds(workspaceId: WorkspaceId, identifiers: string[]): Promise<Map<string, number>>;
  insertPerson(row: NewPerson, identifiers: string[]): Promise<number>;
  /**
   * Inserts people whose identifiers the caller found unknown in this transaction (an import's batch), in that
   * order, in a few multi-row statements; their ids, in the same order. A known identifier, or one given to two
   * of them, is a `conflict` and nothing is written. Optional: without it, engine/enroll.ts calls insertPerson
   * for each (a backend with no round trips to save need not have it).
   */
  insertPersons?(people: ReadonlyArray<{ row: NewPerson; identifiers: string[] }>): Promise<number[]>;
  /** Adds identifiers not yet known to a person; known ones are left as they are. */
  addIdentifiers(workspaceId: WorkspaceId, personId: number, identifiers: string[]): Promise<void>;
  /** `deferrable`: as updateEnrollment's (the caller asks nothing of it, and nothing can refuse it). */
  updatePerson(id: number, patch: Partial<Omit<PersonRow, "id" | "workspaceId">>, opts?: { deferrable?: boolean }): Promise<void>;
  getPerson(id: number): Promise<PersonRow | null>;
  /** The workspace's `limit` most recently added people, newest first (by id). */
  recentPeople(workspaceId: WorkspaceId, limit: number): Promise<PersonRow[]>;

  // Enrollments.
  /** Inserts in order; returns the new ids in the same order. */
  insertEnrollments(rows: NewEnrollment[]): Promise<number[]>;
  /**
   * `deferrable`: the caller asks nothing of this write and knows it cannot be refused (no status out of done:
   * engine/transitions.ts never makes one), so that on PostgreSQL, in a transaction, it may travel with the
   * transaction's next statement (prepared.ts, runDeferrable).
   */
  updateEnrollment(id: number, patch: EnrollmentPatch, opts?: { deferrable?: boolean }): Promise<void>;
  getEnrollment(id: number): Promise<EnrollmentRow | null>;
  /** Enrollments not done, for these people: person id -> enrollment and its campaign's name. */
  activeEnrollments(
    workspaceId: WorkspaceId,
    personIds: number[],
  ): Promise<Map<number, { enrollment: EnrollmentRow; campaignName: string }>>;
  /** The most recent enrollment of a person under an account (any status), or null. */
  latestEnrollment(accountId: number, personId: number): Promise<EnrollmentRow | null>;
  /**
   * Up to `limit` enrollments of the account with next kind `kind`, readyAt <= now, in (readyAt, id) order, each
   * with its person; status `ready`, or for kind `withdraw` also `invited` (a pending invitation to withdraw).
   */
  dueEnrollments(accountId: number, kind: ActionKind, now: Instant, limit: number): Promise<DueEnrollment[]>;
  /**
   * dueEnrollments of a kind other than `withdraw`, up to `limit` per campaign of the account (each campaign's
   * earliest, whatever another's backlog), ordered by (campaignId, readyAt, id): what the engine shares among
   * the account's campaigns (core/governor/fair-share.ts).
   */
  dueEnrollmentsByCampaign(accountId: number, kind: ActionKind, now: Instant, limit: number): Promise<DueEnrollment[]>;
  /** The smallest readyAt per next kind among the account's `ready` enrollments, and of `invited` ones with a withdraw. */
  nextReadyByKind(accountId: number): Promise<Partial<Record<ActionKind, Instant>>>;
  /** Number of the account's `ready` enrollments with this next kind that have been visited. */
  countVisitedAwaiting(accountId: number, kind: ActionKind): Promise<number>;
  /**
   * nextReadyByKind(accountId) and, when `awaiting` is a kind, countVisitedAwaiting(accountId, awaiting) (else
   * null), in one query: what the engine reads before each decision. With `awaiting`, also `following`: per kind
   * but withdraw, the readyAt of the account's second `ready` enrollment in readyAt order (equal to `ready`'s
   * when two share it; absent when the kind has at most one), so that the engine can tell the earliest after
   * it moves the first on without reading again (engine/turn-ledger.ts).
   */
  nextReadyWithBacklog(accountId: number, awaiting: ActionKind | null): Promise<ReadyWithBacklog>;
  /** nextReadyByKind of several accounts in one query: account id -> its answer, for every id given. */
  nextReadyByAccount(accountIds: readonly number[]): Promise<Map<number, Partial<Record<ActionKind, Instant>>>>;
  /** Sets readyAt of every `ready` enrollment of a campaign (null parks them while it is paused). */
  setCampaignReadyAt(campaignId: number, readyAt: Instant | null): Promise<void>;
  /** For a campaign's parked `ready` enrollments at `step`: readyAt = max(baseAt + after, now) (resuming a pause). */
  resumeCampaignStep(campaignId: number, step: number, after: number, now: Instant): Promise<void>;
  enrollmentCounts(filter: { accountId?: number; campaignId?: number }): Promise<EnrollmentCounts>;
  /** One page of the workspace's enrollments with their person, newest first (by id), and how many match. */
  listEnrollments(
    workspaceId: WorkspaceId,
    filter: EnrollmentFilter,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; rows: EnrollmentWithPerson[] }>;
  /** Invitations sent (invitedAt not null), newest first by (invitedAt, id). */
  listInvitations(workspaceId: WorkspaceId, filter: { accountId?: number; campaignId?: number }): Promise<InvitationRow[]>;

  // The log of actions and network events.
  appendLog(row: NewLogRow): Promise<number>;
  /**
   * appendLog for a caller that needs no id and writes a row nothing can refuse (the engine's inline actions):
   * on PostgreSQL, in a transaction, it may travel with the transaction's next statement (prepared.ts, runDeferrable).
   */
  appendLogDeferrable(row: NewLogRow): Promise<void>;
  /** Sets an in-flight action's result; false (and nothing written) when it has one already or is gone. */
  setLogResult(id: number, result: ActionResult): Promise<boolean>;
  getLogRow(id: number): Promise<LogRow | null>;
  /** All rows with a result or of type event, ordered by (at, id), in pages: pass the last id seen. */
  readLog(workspaceId: WorkspaceId, after: { at: Instant; id: number } | null, limit: number): Promise<LogLine[]>;
  /** Actions of one account in [from, to), with result, ordered by (at, id). */
  accountActions(accountId: number, from: Instant, to: Instant): Promise<ActionLogRow[]>;

  // Assisted tasks: in-flight action rows (result still null) and their runner leases.
  /** The account's in-flight actions, oldest first. */
  openTasks(accountId: number): Promise<TaskRow[]>;
  /** openTasks of several accounts in one query: account id -> its in-flight actions, oldest first, for every id given. */
  openTasksByAccount(accountIds: readonly number[]): Promise<Map<number, TaskRow[]>>;
  /**
   * Takes an in-flight action for `hold.by` until `hold.until`: only if it has no result yet and is free, already
   * `by`'s, or its lease ended before `hold.now`. The task as taken, or null when another holder has it, its
   * result is known or it is gone. Its `reconcile` becomes true, and stays so, when it was shown before and is
   * taken again: let go of, after a lease ran out, or by `by` itself when `hold.repeat` is "restart" (an agent
   * claiming again cannot be told from one that restarted; "refresh": a runner renewing the task it shows).
   */
  takeTask(actionId: number, hold: TaskHold): Promise<TaskRow | null>;
  /**
   * Lets go of a task without a result (the runner quit before acting); only `by`'s own. Its leaseUntil is kept:
   * a task with neither claimedBy nor leaseUntil is one that no runner ever held. false when it was not `by`'s.
   */
  letGoTask(actionId: number, by: string): Promise<boolean>;
  /**
   * Puts back an in-flight action that was never performed: deletes its log row and records the release
   * (getReleasedAction), as one unit; "unheld": only if no runner or agent ever held it. false (nothing changed)
   * when its result is known, it is gone, or (unheld) it was held. The account's releases recorded before
   * `forgetBefore` are forgotten.
   */
  releaseOpenAction(actionId: number, release: Release): Promise<boolean>;
  /** What releaseOpenAction recorded of this action; null when it is still in the log, was never one, or was forgotten. */
  getReleasedAction(actionId: number): Promise<ReleasedAction | null>;

  // The notification outbox (webhooks, alerts), written in the transaction of the change it reports.
  /** Needs no answer: on PostgreSQL, in a transaction, it travels with the transaction's next statement (prepared.ts, runDeferrable). */
  appendNotification(row: NewNotificationRow): Promise<void>;
  /** Notifications with id > afterId, in id order. */
  readNotifications(workspaceId: WorkspaceId, afterId: number, limit: number): Promise<NotificationRow[]>;

  // Exports (store/exports.ts), a page at a time in a stable order, so any size streams in bounded memory.
  /** Enrollments with their person, id > afterId, in id order. */
  exportEnrollments(workspaceId: WorkspaceId, filter: ExportFilter, afterId: number, limit: number): Promise<ProspectExportRow[]>;
  /** People never enrolled in any campaign (enrollment null), person id > afterId, in id order. */
  exportUnenrolled(workspaceId: WorkspaceId, afterId: number, limit: number): Promise<ProspectExportRow[]>;
  /**
   * The imported extra columns of the people a prospect export holds (with a filter: those with an enrollment
   * it keeps), only people with some, person id > afterId, in id order: a cheap pass for the CSV's columns.
   */
  exportCustomFields(
    workspaceId: WorkspaceId,
    filter: ExportFilter,
    afterId: number,
    limit: number,
  ): Promise<Array<{ id: number; custom: Record<string, string> }>>;
  /** The rows of readLog, filtered, with the prospect's current name; (at, id) after `after`, in that order. */
  exportActivity(
    workspaceId: WorkspaceId,
    filter: ExportFilter,
    after: { at: Instant; id: number } | null,
    limit: number,
  ): Promise<ActivityExportRow[]>;
}
