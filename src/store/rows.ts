/**
 * Mappers between SQL rows (schema.ts, snake_case, JSON as text, 0/1 booleans) and the Row types of the Store
 * port (store.ts). Patches go through a column table so that only fields present in the patch are written.
 */
import type { Selectable } from "kysely";
import { NETWORK_EVENT_KINDS, STEP_KINDS, type AccountDoc, type ActionResult, type CampaignDoc, type ZoneSource } from "../core/model.js";
import type { AccountsTable, CampaignsTable, EnrollmentsTable, LogTable, PersonsTable } from "./schema.js";
import type {
  AccountRow,
  ActionLogRow,
  CampaignRow,
  EnrollmentPatch,
  EnrollmentRow,
  LogRow,
  NewEnrollment,
  NewLogRow,
  NewPerson,
  PersonRow,
} from "./store.js";

/** JSON text for an opaque value; `undefined` is stored as `null`. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function accountFromDb(r: Selectable<AccountsTable>): AccountRow {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    doc: JSON.parse(r.doc) as AccountDoc,
    state: JSON.parse(r.state) as unknown,
    wakeAt: r.wake_at,
    createdAt: r.created_at,
  };
}

export function campaignFromDb(r: Selectable<CampaignsTable>): CampaignRow {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    accountId: r.account_id,
    doc: JSON.parse(r.doc) as CampaignDoc,
    status: r.status,
    createdAt: r.created_at,
    version: r.version,
  };
}

export function personFromDb(r: Selectable<PersonsTable>): PersonRow {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    displayUrl: r.display_url,
    firstName: r.first_name,
    lastName: r.last_name,
    fullName: r.full_name,
    company: r.company,
    title: r.title,
    location: r.location,
    timezone: r.timezone,
    zoneSource: r.zone_source as ZoneSource | null,
    custom: JSON.parse(r.custom) as Record<string, string>,
    memberId: r.member_id,
    connectedAt: r.connected_at,
    connected: Boolean(r.connected),
    lastWithdrawnAt: r.last_withdrawn_at,
    createdAt: r.created_at,
  };
}

/** The columns of a new person, in a fixed order (prepared inserts pass their values in this order). */
export const PERSON_COLUMNS = [
  "workspace_id",
  "display_url",
  "first_name",
  "last_name",
  "company",
  "title",
  "location",
  "timezone",
  "zone_source",
  "custom",
  "member_id",
  "connected_at",
  "connected",
  "last_withdrawn_at",
  "created_at",
  "full_name",
] as const satisfies ReadonlyArray<keyof PersonsTable>;

export function personToDb(p: NewPerson): Omit<Selectable<PersonsTable>, "id"> {
  return {
    workspace_id: p.workspaceId,
    display_url: p.displayUrl,
    first_name: p.firstName,
    last_name: p.lastName,
    full_name: p.fullName,
    company: p.company,
    title: p.title,
    location: p.location,
    timezone: p.timezone,
    zone_source: p.zoneSource,
    custom: toJson(p.custom),
    member_id: p.memberId,
    connected_at: p.connectedAt,
    connected: p.connected ? 1 : 0,
    last_withdrawn_at: p.lastWithdrawnAt,
    created_at: p.createdAt,
  };
}

type PersonPatch = Partial<Omit<PersonRow, "id" | "workspaceId">>;
const PERSON_PATCH_COLUMNS: Record<keyof PersonPatch, keyof PersonsTable> = {
  displayUrl: "display_url",
  firstName: "first_name",
  lastName: "last_name",
  fullName: "full_name",
  company: "company",
  title: "title",
  location: "location",
  timezone: "timezone",
  zoneSource: "zone_source",
  custom: "custom",
  memberId: "member_id",
  connectedAt: "connected_at",
  connected: "connected",
  lastWithdrawnAt: "last_withdrawn_at",
  createdAt: "created_at",
};

export function personPatchToDb(patch: PersonPatch): Record<string, unknown> {
  const set = patchColumns(patch, PERSON_PATCH_COLUMNS, ["id", "workspaceId"], "person");
  if (set.custom !== undefined) set.custom = toJson(set.custom);
  if (set.connected !== undefined) set.connected = set.connected ? 1 : 0;
  return set;
}

export function enrollmentFromDb(r: Selectable<EnrollmentsTable>): EnrollmentRow {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    campaignId: r.campaign_id,
    accountId: r.account_id,
    personId: r.person_id,
    status: r.status,
    step: r.step,
    nextKind: r.next_kind,
    readyAt: r.ready_at,
    baseAt: r.base_at,
    prospectTz: r.prospect_tz,
    enrolledAt: r.enrolled_at,
    visitedAt: r.visited_at,
    invitedAt: r.invited_at,
    inviteNote: r.invite_note,
    acceptedAt: r.accepted_at,
    lastMessageAt: r.last_message_at,
    messagesSent: r.messages_sent,
    repliedAt: r.replied_at,
    withdrawnAt: r.withdrawn_at,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    leaseActionId: r.lease_action_id,
    stopReason: r.stop_reason ?? null,
  };
}

/** The columns of a new enrollment, in a fixed order (prepared inserts pass their values in this order). */
export const ENROLLMENT_INSERT_COLUMNS = [
  "workspace_id",
  "campaign_id",
  "account_id",
  "person_id",
  "status",
  "step",
  "next_kind",
  "ready_at",
  "base_at",
  "prospect_tz",
  "enrolled_at",
  "visited_at",
  "invited_at",
  "invite_note",
  "accepted_at",
  "last_message_at",
  "messages_sent",
  "replied_at",
  "withdrawn_at",
  "ended_at",
  "end_reason",
  "lease_action_id",
  "stop_reason",
] as const satisfies ReadonlyArray<keyof EnrollmentsTable>;

export function enrollmentToDb(e: NewEnrollment): Omit<Selectable<EnrollmentsTable>, "id"> {
  return {
    workspace_id: e.workspaceId,
    campaign_id: e.campaignId,
    account_id: e.accountId,
    person_id: e.personId,
    status: e.status,
    step: e.step,
    next_kind: e.nextKind,
    ready_at: e.readyAt,
    base_at: e.baseAt,
    prospect_tz: e.prospectTz,
    enrolled_at: e.enrolledAt,
    visited_at: e.visitedAt,
    invited_at: e.invitedAt,
    invite_note: e.inviteNote,
    accepted_at: e.acceptedAt,
    last_message_at: e.lastMessageAt,
    messages_sent: e.messagesSent,
    replied_at: e.repliedAt,
    withdrawn_at: e.withdrawnAt,
    ended_at: e.endedAt,
    end_reason: e.endReason,
    lease_action_id: e.leaseActionId,
    stop_reason: e.stopReason,
  };
}

const ENROLLMENT_PATCH_COLUMNS: Record<keyof EnrollmentPatch, keyof EnrollmentsTable> = {
  status: "status",
  step: "step",
  nextKind: "next_kind",
  readyAt: "ready_at",
  baseAt: "base_at",
  prospectTz: "prospect_tz",
  enrolledAt: "enrolled_at",
  visitedAt: "visited_at",
  invitedAt: "invited_at",
  inviteNote: "invite_note",
  acceptedAt: "accepted_at",
  lastMessageAt: "last_message_at",
  messagesSent: "messages_sent",
  repliedAt: "replied_at",
  withdrawnAt: "withdrawn_at",
  endedAt: "ended_at",
  endReason: "end_reason",
  leaseActionId: "lease_action_id",
  stopReason: "stop_reason",
};

export function enrollmentPatchToDb(patch: EnrollmentPatch): Record<string, unknown> {
  return patchColumns(patch, ENROLLMENT_PATCH_COLUMNS, ["id", "workspaceId", "campaignId", "accountId", "personId"], "enrollment");
}

/** A log row as its `type` says: an action with its kind and result, or a network event (the CHECK constraints keep them apart). */
export function logFromDb(r: Selectable<LogTable>): LogRow {
  const fields = {
    id: r.id,
    workspaceId: r.workspace_id,
    at: r.at,
    accountId: r.account_id,
    campaignId: r.campaign_id,
    personId: r.person_id,
    enrollmentId: r.enrollment_id,
    prospect: r.prospect,
    prospectTz: r.prospect_tz,
    note: r.note,
    text: r.text,
    // Absent rather than null when unknown (events, older rows): rows written without it read back the same.
    ...(r.campaign_version != null ? { campaignVersion: r.campaign_version } : {}),
    ...(r.variant != null ? { variant: r.variant } : {}),
  };
  const eventKind = NETWORK_EVENT_KINDS.find((k) => k === r.kind);
  if (r.type === "event" && eventKind !== undefined) return { ...fields, type: "event", kind: eventKind, result: null };
  return actionFromDb(r);
}

/** A row that must be an action (a task, an account's actions); a bug in the store otherwise. */
export function actionFromDb(r: Selectable<LogTable>): ActionLogRow {
  const kind = STEP_KINDS.find((k) => k === r.kind);
  if (r.type !== "action" || kind === undefined)
    throw new Error(`log row ${r.id}: type ${r.type} with kind ${r.kind} is neither an action nor a network event`);
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    at: r.at,
    type: "action",
    accountId: r.account_id,
    campaignId: r.campaign_id,
    personId: r.person_id,
    enrollmentId: r.enrollment_id,
    prospect: r.prospect,
    prospectTz: r.prospect_tz,
    kind,
    note: r.note,
    text: r.text,
    result: r.result as ActionResult | null,
    ...(r.campaign_version != null ? { campaignVersion: r.campaign_version } : {}),
    ...(r.variant != null ? { variant: r.variant } : {}),
  };
}

/** The columns of a new log row, in a fixed order (the prepared insert passes their values in this order). */
export const LOG_INSERT_COLUMNS = [
  "workspace_id",
  "at",
  "type",
  "account_id",
  "campaign_id",
  "person_id",
  "enrollment_id",
  "prospect",
  "prospect_tz",
  "kind",
  "note",
  "text",
  "result",
  "campaign_version",
  "variant",
] as const satisfies ReadonlyArray<keyof LogTable>;

export function logToDb(l: NewLogRow): Omit<Selectable<LogTable>, "id" | "claimed_by" | "lease_until" | "reconcile"> {
  return {
    workspace_id: l.workspaceId,
    at: l.at,
    type: l.type,
    account_id: l.accountId,
    campaign_id: l.campaignId,
    person_id: l.personId,
    enrollment_id: l.enrollmentId,
    prospect: l.prospect,
    prospect_tz: l.prospectTz,
    kind: l.kind,
    note: l.note,
    text: l.text,
    result: l.result,
    campaign_version: l.campaignVersion ?? null,
    variant: l.variant ?? null,
  };
}

/**
 * The columns to set for a patch: fields that are `undefined` are left alone (null is written as NULL).
 * Identity fields (a spread row may carry them) are ignored; any other unknown field is a bug in the caller.
 */
function patchColumns<P extends object>(
  patch: P,
  columns: Record<keyof P, string>,
  ignored: readonly string[],
  what: string,
): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (Object.hasOwn(columns, key)) set[columns[key as keyof P]] = value;
    else if (!ignored.includes(key)) throw new Error(`${what} patch: unknown field ${key}`);
  }
  return set;
}
