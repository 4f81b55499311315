/**
 * The rows of the Store port for what a workspace holds: accounts, campaigns, people and their enrollments, with
 * the filters and views the listings and exports read them through (store.ts re-exports them).
 */
import type { AccountDoc, ActionKind, CampaignDoc, ZoneSource } from "../core/model.js";
import type { EnrollmentStatus, StopReason } from "../core/enrollment/transition.js";
import type { Instant } from "../core/time.js";
import type { LogLine } from "./log-rows.js";

export type WorkspaceId = number;
/** The workspace every single-user command works in. */
export const DEFAULT_WORKSPACE: WorkspaceId = 1;

export interface AccountRow {
  id: number;
  workspaceId: WorkspaceId;
  name: string;
  doc: AccountDoc;
  /** The governor's persisted state (governor/state.ts), opaque to the store. */
  state: unknown;
  /** When the engine should next look at this account; null: only an outside event can wake it. */
  wakeAt: Instant | null;
  createdAt: Instant;
}

/** `stopped`: for good (campaign stop); it stays listed with its history until deleted. */
export type CampaignStatus = "active" | "paused" | "stopped";

export interface CampaignRow {
  id: number;
  workspaceId: WorkspaceId;
  name: string;
  accountId: number;
  doc: CampaignDoc;
  status: CampaignStatus;
  createdAt: Instant;
  /** The number of `doc` among the campaign's versions: 1 at creation, one more per update (campaign update). */
  version: number;
}

/** One document a campaign had, from `createdAt` on (version 1 is the created one). */
export interface CampaignVersionRow {
  campaignId: number;
  version: number;
  doc: CampaignDoc;
  createdAt: Instant;
}

export interface PersonRow {
  id: number;
  workspaceId: WorkspaceId;
  /** Canonical profile URL when known, else another identifier URL. */
  displayUrl: string;
  firstName: string;
  lastName: string;
  /** The name as the source wrote it (a full-name column), or null: first and last name (core/prospect/person-name.ts). */
  fullName: string | null;
  company: string;
  title: string;
  location: string;
  /** Resolved IANA zone, null until known (then the sender's zone is used). */
  timezone: string | null;
  zoneSource: ZoneSource | null;
  custom: Record<string, string>;
  memberId: string | null;
  connectedAt: Instant | null;
  connected: boolean;
  lastWithdrawnAt: Instant | null;
  createdAt: Instant;
}

export type NewPerson = Omit<PersonRow, "id">;

/** Enrollment status: core/enrollment/transition.ts documents each and is the only place it changes. */
export type { EnrollmentStatus } from "../core/enrollment/transition.js";

export interface EnrollmentRow {
  id: number;
  workspaceId: WorkspaceId;
  campaignId: number;
  accountId: number;
  personId: number;
  status: EnrollmentStatus;
  /** Index of the next step to run in the campaign's steps. */
  step: number;
  nextKind: ActionKind | null;
  /** Earliest instant the next action may run (its `after` and its windows applied); null: not scheduled. */
  readyAt: Instant | null;
  /** When the current wait started: the next step's `after` counts from here. */
  baseAt: Instant;
  /** The zone this prospect is scheduled in. */
  prospectTz: string;
  enrolledAt: Instant;
  visitedAt: Instant | null;
  invitedAt: Instant | null;
  /** Whether the invitation that was sent carried a note. */
  inviteNote: string | null;
  acceptedAt: Instant | null;
  lastMessageAt: Instant | null;
  messagesSent: number;
  repliedAt: Instant | null;
  withdrawnAt: Instant | null;
  endedAt: Instant | null;
  endReason: string | null;
  /** The log row of the in-flight action, while status is in_flight. */
  leaseActionId: number | null;
  /** Told to end (campaign stopped, prospect removed) while a withdrawal or an action was pending; null otherwise. */
  stopReason: StopReason | null;
}

export type NewEnrollment = Omit<EnrollmentRow, "id">;
export type EnrollmentPatch = Partial<Omit<EnrollmentRow, "id" | "workspaceId" | "campaignId" | "accountId" | "personId">>;

/** An enrollment that is due, with what the engine needs to act on it without more queries. */
export interface DueEnrollment {
  enrollment: EnrollmentRow;
  person: PersonRow;
  campaignId: number;
  /**
   * The campaign's version as the query read it (optional: a backend may leave it out). Read under the
   * account's lock, which a campaign update takes, so the engine's campaign cache needs no query of its own.
   */
  campaignVersion?: number;
}

/** Which enrollments listEnrollments keeps. */
export interface EnrollmentFilter {
  accountId?: number;
  campaignId?: number;
  status?: EnrollmentStatus;
}

/** An enrollment with the person's columns a list shows. */
export interface EnrollmentWithPerson {
  enrollment: EnrollmentRow;
  person: ProspectExportRow["person"];
}

/** Which rows an export keeps (`linkpace export --account/--campaign`). */
export interface ExportFilter {
  accountId?: number;
  campaignId?: number;
}

/** A row of `linkpace export prospects`: a person with one of their enrollments, or null if never enrolled. */
export interface ProspectExportRow {
  person: Pick<
    PersonRow,
    | "id"
    | "displayUrl"
    | "firstName"
    | "lastName"
    | "fullName"
    | "company"
    | "title"
    | "location"
    | "timezone"
    | "zoneSource"
    | "connected"
    | "connectedAt"
    | "custom"
  >;
  enrollment: EnrollmentRow | null;
}

/** A row of `linkpace export activity`: a log line with the prospect's current name (null: no person). */
export type ActivityExportRow = LogLine & {
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  /** A `replied` event: the reply's text when it is known (store/replies.ts). */
  replyText: string | null;
};
