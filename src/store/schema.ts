/**
 * The SQL schema as Kysely sees it: one interface per table, columns in snake_case exactly as in SQL. The Row
 * types of store.ts (camelCase, parsed JSON, booleans) are built from these by the mappers in rows.ts.
 *
 * Instants and ids are integers (BIGINT on PostgreSQL, read back as JS numbers; INTEGER on SQLite). JSON
 * documents are text. `persons.connected` is 0 or 1 on both backends so that every query is the same SQL.
 */
import type { Generated } from "kysely";
import type { EnrollmentStatus, StopReason } from "../core/enrollment/transition.js";
import type { ActionKind } from "../core/model.js";
import type { CampaignStatus, LogType } from "./store.js";

export interface WorkspacesTable {
  id: Generated<number>;
  name: string;
}

export interface AccountsTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  /** AccountDoc as JSON. */
  doc: string;
  /** Governor state as JSON (`null` when there is none yet). */
  state: string;
  wake_at: number | null;
  created_at: number;
}

export interface CampaignsTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  account_id: number;
  /** CampaignDoc as JSON. */
  doc: string;
  status: CampaignStatus;
  created_at: number;
  /** The number of `doc` among the campaign's versions (migration 016). */
  version: Generated<number>;
}

/** Every document a campaign had (migration 016): version 1 at creation, one more per update. */
export interface CampaignVersionsTable {
  campaign_id: number;
  version: number;
  /** CampaignDoc as JSON. */
  doc: string;
  created_at: number;
}

export interface PersonsTable {
  id: Generated<number>;
  workspace_id: number;
  display_url: string;
  first_name: string;
  last_name: string;
  /** The name as the source wrote it, or null: first and last name (migration 008). */
  full_name: string | null;
  company: string;
  title: string;
  location: string;
  timezone: string | null;
  zone_source: string | null;
  /** Record<string, string> as JSON. */
  custom: string;
  member_id: string | null;
  connected_at: number | null;
  /** 0 or 1. */
  connected: number;
  last_withdrawn_at: number | null;
  created_at: number;
}

export interface PersonIdentifiersTable {
  workspace_id: number;
  identifier: string;
  person_id: number;
}

export interface EnrollmentsTable {
  id: Generated<number>;
  workspace_id: number;
  campaign_id: number;
  account_id: number;
  person_id: number;
  status: EnrollmentStatus;
  step: number;
  next_kind: ActionKind | null;
  ready_at: number | null;
  base_at: number;
  prospect_tz: string;
  enrolled_at: number;
  visited_at: number | null;
  invited_at: number | null;
  invite_note: string | null;
  accepted_at: number | null;
  last_message_at: number | null;
  messages_sent: number;
  replied_at: number | null;
  withdrawn_at: number | null;
  ended_at: number | null;
  end_reason: string | null;
  lease_action_id: number | null;
  /** The owner ended it while a withdrawal or an action was pending: the reason it ends with then (migration 014). */
  stop_reason: StopReason | null;
}

export interface LogTable {
  id: Generated<number>;
  workspace_id: number;
  at: number;
  type: LogType;
  account_id: number;
  campaign_id: number | null;
  person_id: number | null;
  enrollment_id: number | null;
  prospect: string | null;
  prospect_tz: string | null;
  kind: string;
  note: string | null;
  text: string | null;
  result: string | null;
  /** The campaign's version an action was handed out under (migration 016); null for events and older rows. */
  campaign_version: number | null;
  /** The variant an action sent (its key, core/campaign/variants.ts; migration 017); null without variants. */
  variant: string | null;
  /** Assisted tasks: which runner shows this in-flight action, and until when (migration 002). */
  claimed_by: string | null;
  lease_until: number | null;
  /** 0 or 1: whoever takes this task next is asked whether it was performed (migration 007). */
  reconcile: Generated<number>;
}

/** With autoWinner, the variant of a campaign found best, and when (migration 017). */
export interface VariantWinnersTable {
  campaign_id: number;
  variant: string;
  decided_at: number;
}

export interface Database {
  workspaces: WorkspacesTable;
  accounts: AccountsTable;
  campaigns: CampaignsTable;
  campaign_versions: CampaignVersionsTable;
  variant_winners: VariantWinnersTable;
  persons: PersonsTable;
  person_identifiers: PersonIdentifiersTable;
  enrollments: EnrollmentsTable;
  log: LogTable;
  notifications: NotificationsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  unreachable_prospects: UnreachableProspectsTable;
  released_actions: ReleasedActionsTable;
  replies: RepliesTable;
  suppressions: SuppressionsTable;
  suppression_salts: SuppressionSaltsTable;
}

export interface NotificationsTable {
  id: Generated<number>;
  workspace_id: number;
  at: number;
  kind: string;
  account_id: number;
  campaign_id: number | null;
  person_id: number | null;
  /** NotificationData as JSON. */
  data: string;
}

/** Migration 003 (store/webhooks.ts). */
export interface WebhooksTable {
  id: Generated<number>;
  workspace_id: number;
  url: string;
  /** NotificationKind[] as JSON. */
  events: string;
  secret: string;
  /** The webhook's cursor into the outbox. */
  last_notification_id: number;
  gap_since: number | null;
  created_at: number;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  notification_id: number;
  delivery_id: string;
  /** pending | delivered | failed */
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: number | null;
  created_at: number;
}

/** Migration 004 (store/api-tokens.ts): API tokens, by the SHA-256 hash of the secret. */
export interface ApiTokensTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  hash: string;
  created_at: number;
  revoked_at: number | null;
}

/** Migration 005 (store/sessions.ts): dashboard sessions, by the SHA-256 hash of the cookie's secret. */
export interface SessionsTable {
  id: Generated<number>;
  workspace_id: number;
  token_id: number;
  hash: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** Migration 006 (store/unreachable.ts): people an import refused because the campaign can never reach them. */
export interface UnreachableProspectsTable {
  id: Generated<number>;
  workspace_id: number;
  campaign_id: number;
  prospect: string;
  reason: string;
  refused_at: number;
}

/** Migration 010 (store/tasks.ts): actions handed out and put back without a result, whose log rows are gone. */
export interface ReleasedActionsTable {
  action_id: number;
  workspace_id: number;
  account_id: number;
  kind: string;
  released_at: number;
  /** skipped | released */
  reason: string;
}

/** Migration 012 (store/replies.ts): replies people sent, with their text when known, and whether they were handled. */
export interface RepliesTable {
  id: Generated<number>;
  workspace_id: number;
  account_id: number;
  person_id: number;
  enrollment_id: number | null;
  campaign_id: number | null;
  /** The `replied` event of the log this reply belongs to. */
  log_id: number | null;
  at: number;
  text: string | null;
  /** null: not handled yet. */
  handled_at: number | null;
  recorded_at: number;
}

/** Migration 013 (store/suppressions.ts): the do-not-contact list, one row per entry of a workspace. */
export interface SuppressionsTable {
  id: Generated<number>;
  workspace_id: number;
  /** profile | company | domain | hash */
  kind: string;
  /** The normalised value it matches by (core/suppression/match.ts). */
  value: string;
  /** What the user typed ("" for a hash entry). */
  input: string;
  reason: string | null;
  created_at: number;
}

/** Migration 013: each workspace's salt for the hashes of the do-not-contact list. */
export interface SuppressionSaltsTable {
  workspace_id: number;
  salt: string;
}
