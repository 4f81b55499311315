/**
 * The in-memory database: one Table per SQL table of schema.ts, its rows shaped exactly like the SQL rows
 * (Selectable<…Table>: snake_case, JSON as text, 0/1 booleans, instants as numbers), so that the mappers of
 * rows.ts turn them into the Store's rows as they do for SQLite and PostgreSQL. Ids are autoincrement from 1,
 * as on a fresh SQL database, so that the same calls give the same ids and the event log the same bytes.
 *
 * The secondary indexes mirror the SQL indexes the hot paths use; each is named after the SQL index (or
 * constraint) it stands for. An index is kept up to date by its table on every write and rolled back with it.
 * Add one where a query would otherwise scan a whole table on a per-action path; a report or a deletion that
 * scans is fine.
 */
import type { Selectable } from "kysely";
import { ENROLLMENT_STATUSES } from "../../core/enrollment/transition.js";
import { NETWORK_EVENT_KINDS, STEP_KINDS } from "../../core/model.js";
import type {
  AccountsTable,
  ApiTokensTable,
  CampaignsTable,
  CampaignVersionsTable,
  EnrollmentsTable,
  LogTable,
  NotificationsTable,
  PersonIdentifiersTable,
  PersonsTable,
  ReleasedActionsTable,
  RepliesTable,
  SessionsTable,
  SuppressionSaltsTable,
  SuppressionsTable,
  UnreachableProspectsTable,
  VariantWinnersTable,
  WebhookDeliveriesTable,
  WebhooksTable,
  WorkspacesTable,
} from "../schema.js";
import { GroupIndex, OrderedIndex, UniqueIndex } from "./indexes.js";
import { Journal, Table } from "./tables.js";
import type { Key } from "./violations.js";

export type WorkspaceRow = Selectable<WorkspacesTable>;
export type AccountDbRow = Selectable<AccountsTable>;
export type CampaignDbRow = Selectable<CampaignsTable>;
export type CampaignVersionDbRow = Selectable<CampaignVersionsTable>;
export type PersonDbRow = Selectable<PersonsTable>;
export type PersonIdentifierDbRow = Selectable<PersonIdentifiersTable>;
export type EnrollmentDbRow = Selectable<EnrollmentsTable>;
export type LogDbRow = Selectable<LogTable>;
export type NotificationDbRow = Selectable<NotificationsTable>;
export type ReleasedActionDbRow = Selectable<ReleasedActionsTable>;

/** A composite key of several columns (values never contain the separator: ids, kinds, statuses, names). */
export function key(...parts: Array<string | number | null>): string {
  return parts.join("\u0000");
}

const byId = (r: { id: number }): Key => r.id;

/** The database one openMemoryStore() creates; every Store opened over it (openAnother) shares it. */
export class MemoryDatabase {
  readonly journal = new Journal();

  readonly workspaces = new Table<WorkspaceRow>("workspaces", this.journal, byId);
  readonly workspacesByName = this.workspaces.index(new UniqueIndex<WorkspaceRow>("workspaces_name", (r) => r.name, byId));

  // Accounts: by (workspace, name), and accounts_wake (wake_at, id) for claimDueAccount and nextWakeAt.
  readonly accounts = new Table<AccountDbRow>("accounts", this.journal, byId);
  readonly accountsByName = this.accounts.index(
    new UniqueIndex<AccountDbRow>("accounts_workspace_name", (r) => key(r.workspace_id, r.name), byId),
  );
  readonly accountsByWorkspace = this.accounts.index(new GroupIndex<AccountDbRow>((r) => r.workspace_id, byId));
  readonly accountsWake = this.accounts.index(
    new OrderedIndex<AccountDbRow>(
      () => 0,
      (r) => r.wake_at,
    ),
  );

  readonly campaigns = new Table<CampaignDbRow>("campaigns", this.journal, byId);
  readonly campaignsByName = this.campaigns.index(
    new UniqueIndex<CampaignDbRow>("campaigns_workspace_name", (r) => key(r.workspace_id, r.name), byId),
  );
  readonly campaignsByWorkspace = this.campaigns.index(new GroupIndex<CampaignDbRow>((r) => r.workspace_id, byId));
  /** campaigns_account. */
  readonly campaignsByAccount = this.campaigns.index(new GroupIndex<CampaignDbRow>((r) => r.account_id, byId));

  readonly campaignVersions = new Table<CampaignVersionDbRow>("campaign_versions", this.journal, (r) => key(r.campaign_id, r.version));
  readonly campaignVersionsByCampaign = this.campaignVersions.index(
    new GroupIndex<CampaignVersionDbRow>(
      (r) => r.campaign_id,
      (r) => key(r.campaign_id, r.version),
    ),
  );

  // People: by workspace in id order (recentPeople, exports), and their identifiers (primary key (workspace, identifier)).
  readonly persons = new Table<PersonDbRow>("persons", this.journal, byId);
  readonly personsByWorkspace = this.persons.index(
    new OrderedIndex<PersonDbRow>(
      (r) => r.workspace_id,
      (r) => r.id,
    ),
  );
  readonly personIdentifiers = new Table<PersonIdentifierDbRow>("person_identifiers", this.journal, (r) =>
    key(r.workspace_id, r.identifier),
  );
  readonly identifiersByPerson = this.personIdentifiers.index(
    new GroupIndex<PersonIdentifierDbRow>(
      (r) => r.person_id,
      (r) => key(r.workspace_id, r.identifier),
    ),
  );

  // Enrollments: the engine's queue lives in these indexes (enrollment-queue.ts).
  readonly enrollments = new Table<EnrollmentDbRow>("enrollments", this.journal, byId);
  /** enrollments_one_active: (workspace, person) of the enrollments not done. */
  readonly enrollmentsOneActive = this.enrollments.index(
    new UniqueIndex<EnrollmentDbRow>(
      "enrollments_one_active",
      (r) => (r.status === "done" ? undefined : key(r.workspace_id, r.person_id)),
      byId,
    ),
  );
  /** enrollments_due: (account, status, next_kind) -> (ready_at, id), rows with a next kind and a readyAt. */
  readonly enrollmentsDue = this.enrollments.index(
    new OrderedIndex<EnrollmentDbRow>(
      (r) => (r.next_kind === null ? undefined : key(r.account_id, r.status, r.next_kind)),
      (r) => r.ready_at,
    ),
  );
  /** enrollments_campaign_due: (campaign, next_kind) -> (ready_at, id) of `ready` rows. */
  readonly enrollmentsCampaignDue = this.enrollments.index(
    new OrderedIndex<EnrollmentDbRow>(
      (r) => (r.status !== "ready" || r.next_kind === null ? undefined : key(r.campaign_id, r.next_kind)),
      (r) => r.ready_at,
    ),
  );
  /** enrollments_visited: (account, next_kind) of `ready` rows visited (countVisitedAwaiting is its size). */
  readonly enrollmentsVisited = this.enrollments.index(
    new GroupIndex<EnrollmentDbRow>(
      (r) => (r.status !== "ready" || r.visited_at === null || r.next_kind === null ? undefined : key(r.account_id, r.next_kind)),
      byId,
    ),
  );
  /** The `ready` rows of a campaign, readyAt or not (setCampaignReadyAt, resumeCampaignStep). */
  readonly enrollmentsReadyByCampaign = this.enrollments.index(
    new GroupIndex<EnrollmentDbRow>((r) => (r.status === "ready" ? r.campaign_id : undefined), byId),
  );
  /** enrollments_campaign: every row of a campaign. */
  readonly enrollmentsByCampaign = this.enrollments.index(new GroupIndex<EnrollmentDbRow>((r) => r.campaign_id, byId));
  /** Every row of an account. */
  readonly enrollmentsByAccount = this.enrollments.index(new GroupIndex<EnrollmentDbRow>((r) => r.account_id, byId));
  /** enrollments_person: every row of a person. */
  readonly enrollmentsByPerson = this.enrollments.index(new GroupIndex<EnrollmentDbRow>((r) => r.person_id, byId));

  // The log.
  readonly log = new Table<LogDbRow>("log", this.journal, byId);
  /** log_open_tasks: in-flight actions (type action, result null) per account. */
  readonly logOpenTasks = this.log.index(
    new GroupIndex<LogDbRow>((r) => (r.type === "action" && r.result === null ? r.account_id : undefined), byId),
  );
  /** log_workspace_at: what readLog shows (events, and actions with a result) per workspace, by (at, id). */
  readonly logVisible = this.log.index(
    new OrderedIndex<LogDbRow>(
      (r) => (r.type === "event" || r.result !== null ? r.workspace_id : undefined),
      (r) => r.at,
    ),
  );
  /** log_account_at: an account's actions with a result, by (at, id) (accountActions). */
  readonly logAccountActions = this.log.index(
    new OrderedIndex<LogDbRow>(
      (r) => (r.type === "action" && r.result !== null ? r.account_id : undefined),
      (r) => r.at,
    ),
  );
  /** Every row of an account (deletions). */
  readonly logByAccount = this.log.index(new GroupIndex<LogDbRow>((r) => r.account_id, byId));

  readonly releasedActions = new Table<ReleasedActionDbRow>("released_actions", this.journal, (r) => r.action_id);
  /** released_actions_account_at. */
  readonly releasedByAccount = this.releasedActions.index(
    new GroupIndex<ReleasedActionDbRow>(
      (r) => r.account_id,
      (r) => r.action_id,
    ),
  );

  readonly notifications = new Table<NotificationDbRow>("notifications", this.journal, byId);
  /** notifications_workspace: (workspace, id). */
  readonly notificationsByWorkspace = this.notifications.index(
    new OrderedIndex<NotificationDbRow>(
      (r) => r.workspace_id,
      (r) => r.id,
    ),
  );

  // The tables of the sub-stores (webhooks.ts, api-tokens.ts, …): their unique constraints; add the indexes you need.
  readonly webhooks = new Table<Selectable<WebhooksTable>>("webhooks", this.journal, byId);
  readonly webhookDeliveries = new Table<Selectable<WebhookDeliveriesTable>>("webhook_deliveries", this.journal, byId);
  readonly webhookDeliveriesById = this.webhookDeliveries.index(
    new UniqueIndex<Selectable<WebhookDeliveriesTable>>("webhook_deliveries_delivery_id", (r) => r.delivery_id, byId),
  );
  readonly webhookDeliveriesOnce = this.webhookDeliveries.index(
    new UniqueIndex<Selectable<WebhookDeliveriesTable>>("webhook_deliveries_once", (r) => key(r.webhook_id, r.notification_id), byId),
  );
  readonly apiTokens = new Table<Selectable<ApiTokensTable>>("api_tokens", this.journal, byId);
  readonly apiTokensByHash = this.apiTokens.index(new UniqueIndex<Selectable<ApiTokensTable>>("api_tokens_hash", (r) => r.hash, byId));
  readonly sessions = new Table<Selectable<SessionsTable>>("sessions", this.journal, byId);
  readonly sessionsByHash = this.sessions.index(new UniqueIndex<Selectable<SessionsTable>>("sessions_hash", (r) => r.hash, byId));
  readonly unreachableProspects = new Table<Selectable<UnreachableProspectsTable>>("unreachable_prospects", this.journal, byId);
  readonly unreachableByCampaignProspect = this.unreachableProspects.index(
    new UniqueIndex<Selectable<UnreachableProspectsTable>>(
      "unreachable_prospects_campaign_prospect",
      (r) => key(r.campaign_id, r.prospect),
      byId,
    ),
  );
  readonly replies = new Table<Selectable<RepliesTable>>("replies", this.journal, byId);
  readonly repliesByAccountPersonAt = this.replies.index(
    new UniqueIndex<Selectable<RepliesTable>>("replies_account_person_at", (r) => key(r.account_id, r.person_id, r.at), byId),
  );
  /** The replies of a person to an account (latestReply). */
  readonly repliesByAccountPerson = this.replies.index(
    new GroupIndex<Selectable<RepliesTable>>((r) => key(r.account_id, r.person_id), byId),
  );
  readonly suppressions = new Table<Selectable<SuppressionsTable>>("suppressions", this.journal, byId);
  readonly suppressionsByValue = this.suppressions.index(
    new UniqueIndex<Selectable<SuppressionsTable>>("suppressions_workspace_kind_value", (r) => key(r.workspace_id, r.kind, r.value), byId),
  );
  readonly suppressionSalts = new Table<Selectable<SuppressionSaltsTable>>("suppression_salts", this.journal, (r) => r.workspace_id);
  readonly variantWinners = new Table<Selectable<VariantWinnersTable>>("variant_winners", this.journal, (r) =>
    key(r.campaign_id, r.variant),
  );

  // Indexes of the sub-stores' reads (webhooks.ts, alerts.ts, replies.ts, variants.ts, invitation-outcomes.ts …).
  /** The outbox of every workspace in id order (outboxAfter). */
  readonly notificationsById = this.notifications.index(
    new OrderedIndex<NotificationDbRow>(
      () => 0,
      (r) => r.id,
    ),
  );
  /** notifications_kind_at: (workspace, kind) -> (at, id) (recentNotifications). */
  readonly notificationsKindAt = this.notifications.index(
    new OrderedIndex<NotificationDbRow>(
      (r) => key(r.workspace_id, r.kind),
      (r) => r.at,
    ),
  );
  /** webhook_deliveries_due: a webhook's pending deliveries by (next_attempt_at, id). */
  readonly webhookDeliveriesDue = this.webhookDeliveries.index(
    new OrderedIndex<Selectable<WebhookDeliveriesTable>>(
      (r) => (r.status === "pending" ? r.webhook_id : undefined),
      (r) => r.next_attempt_at,
    ),
  );
  readonly webhookDeliveriesByWebhook = this.webhookDeliveries.index(
    new GroupIndex<Selectable<WebhookDeliveriesTable>>((r) => r.webhook_id, byId),
  );
  readonly webhookDeliveriesByNotification = this.webhookDeliveries.index(
    new GroupIndex<Selectable<WebhookDeliveriesTable>>((r) => r.notification_id, byId),
  );
  readonly unreachableByCampaign = this.unreachableProspects.index(
    new GroupIndex<Selectable<UnreachableProspectsTable>>((r) => r.campaign_id, byId),
  );
  /** replies_log (the activity export's reply text). */
  readonly repliesByLog = this.replies.index(new GroupIndex<Selectable<RepliesTable>>((r) => r.log_id ?? undefined, byId));
  readonly variantWinnersByCampaign = this.variantWinners.index(
    new GroupIndex<Selectable<VariantWinnersTable>>(
      (r) => r.campaign_id,
      (r) => key(r.campaign_id, r.variant),
    ),
  );
  /** `ok` actions that sent a variant, by (campaign, kind) (variantTallies). */
  readonly logVariantSent = this.log.index(
    new GroupIndex<LogDbRow>(
      (r) =>
        r.type === "action" && r.result === "ok" && r.variant !== null && r.campaign_id !== null ? key(r.campaign_id, r.kind) : undefined,
      byId,
    ),
  );
  /** `ok` messages of an enrollment (variantTallies: a later message, one before the reply). */
  readonly logMessagesByEnrollment = this.log.index(
    new GroupIndex<LogDbRow>(
      (r) => (r.type === "action" && r.kind === "message" && r.result === "ok" && r.enrollment_id !== null ? r.enrollment_id : undefined),
      byId,
    ),
  );
  /** `ok` invitations of a workspace by (at, id) (invitationOutcomes). */
  readonly logInvitationsSent = this.log.index(
    new OrderedIndex<LogDbRow>(
      (r) => (r.type === "action" && r.kind === "connect" && r.result === "ok" ? r.workspace_id : undefined),
      (r) => r.at,
    ),
  );

  constructor() {
    // Migrations 011 and 014: the statuses and kinds the code knows, as the SQL's CHECK constraints (or triggers).
    const steps = new Set<string | null>(STEP_KINDS);
    const events = new Set<string>(NETWORK_EVENT_KINDS);
    const statuses = new Set<string>(ENROLLMENT_STATUSES);
    this.enrollments.constraint("enrollments_status_known", (r) => statuses.has(r.status));
    this.enrollments.constraint("enrollments_next_kind_known", (r) => r.next_kind === null || steps.has(r.next_kind));
    this.campaigns.constraint("campaigns_status_known", (r) => r.status === "active" || r.status === "paused" || r.status === "stopped");
    this.log.constraint(
      "log_kind_fits_type",
      (r) => (r.type === "action" && steps.has(r.kind)) || (r.type === "event" && events.has(r.kind) && r.result === null),
    );
    // The foreign keys of the migrations (001-013), each `column -> parent.id`.
    this.accounts.references("workspace_id", this.workspaces);
    this.campaigns.references("workspace_id", this.workspaces);
    this.campaigns.references("account_id", this.accounts);
    this.persons.references("workspace_id", this.workspaces);
    this.personIdentifiers.references("workspace_id", this.workspaces);
    this.personIdentifiers.references("person_id", this.persons);
    for (const t of [this.enrollments, this.log, this.notifications, this.replies]) {
      t.references("workspace_id", this.workspaces);
      t.references("account_id", this.accounts);
      t.references("campaign_id", this.campaigns);
      t.references("person_id", this.persons);
    }
    this.log.references("enrollment_id", this.enrollments);
    this.replies.references("enrollment_id", this.enrollments);
    this.webhooks.references("workspace_id", this.workspaces);
    this.webhookDeliveries.references("webhook_id", this.webhooks);
    this.webhookDeliveries.references("notification_id", this.notifications);
    this.apiTokens.references("workspace_id", this.workspaces);
    this.sessions.references("workspace_id", this.workspaces);
    this.sessions.references("token_id", this.apiTokens);
    this.unreachableProspects.references("workspace_id", this.workspaces);
    this.unreachableProspects.references("campaign_id", this.campaigns);
    this.releasedActions.references("workspace_id", this.workspaces);
    this.releasedActions.references("account_id", this.accounts);
    this.suppressions.references("workspace_id", this.workspaces);
    this.suppressionSalts.references("workspace_id", this.workspaces);
    // Migration 001 creates the default workspace (id 1) on every backend.
    this.journal.open = true;
    this.workspaces.insertWithId({ name: "default" });
    this.journal.clear();
    this.journal.open = false;
  }
}
