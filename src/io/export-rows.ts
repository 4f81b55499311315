/**
 * The records of `linkpace export`, flat so that a spreadsheet column or a JSON field holds each value, and
 * read from the store a page at a time. The column lists fix the order of CSV columns and JSON keys;
 * docs/exports.md documents every column.
 */
import { hoursBetween, prospectStage, type ProspectStage } from "../core/enrollment/stage.js";
import { personName } from "../core/prospect/person-name.js";
import { formatInstantSeconds } from "../core/time.js";
import type { ActivityExportRow, CampaignRow, ExportFilter, ProspectExportRow, Store, WorkspaceId } from "../store/store.js";

export interface ProspectRecord {
  firstName: string;
  lastName: string;
  fullName: string;
  profileUrl: string;
  company: string;
  title: string;
  location: string;
  /** The zone the prospect is scheduled in (enrolled) or was resolved to (never enrolled). */
  timezone: string | null;
  timezoneSource: string | null;
  connected: boolean;
  campaign: string | null;
  account: string | null;
  status: string | null;
  stage: ProspectStage;
  enrolledAt: string | null;
  visitedAt: string | null;
  invitedAt: string | null;
  acceptedAt: string | null;
  lastMessageAt: string | null;
  messagesSent: number | null;
  repliedAt: string | null;
  withdrawnAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  hoursToAccept: number | null;
  hoursToReply: number | null;
  /** The imported extra columns (`custom.<column>`), by their own names: an object in JSON, columns in CSV. */
  custom: Record<string, string>;
}

export const PROSPECT_COLUMNS = [
  "firstName",
  "lastName",
  "fullName",
  "profileUrl",
  "company",
  "title",
  "location",
  "timezone",
  "timezoneSource",
  "connected",
  "campaign",
  "account",
  "status",
  "stage",
  "enrolledAt",
  "visitedAt",
  "invitedAt",
  "acceptedAt",
  "lastMessageAt",
  "messagesSent",
  "repliedAt",
  "withdrawnAt",
  "endedAt",
  "endReason",
  "hoursToAccept",
  "hoursToReply",
] as const satisfies ReadonlyArray<keyof ProspectRecord>;

export interface ActivityRecord {
  at: string;
  account: string;
  campaign: string | null;
  /** The campaign's version an action was handed out under (events, and actions of no campaign: null). */
  campaignVersion: number | null;
  prospectUrl: string | null;
  prospectName: string | null;
  prospectTimezone: string | null;
  type: "action" | "event";
  /** The action (visit, connect, message, withdraw) or event (accepted, replied, restricted). */
  kind: string;
  /** Actions: ok or a failure code (weekly_limit_reached, not_connected, …); events: null. */
  result: string | null;
  /** The invitation's note ("" when sent without one), the message's text, or the reply's text (null when not known). */
  text: string | null;
}

export const ACTIVITY_COLUMNS = [
  "at",
  "account",
  "campaign",
  "campaignVersion",
  "prospectUrl",
  "prospectName",
  "prospectTimezone",
  "type",
  "kind",
  "result",
  "text",
] as const satisfies ReadonlyArray<keyof ActivityRecord>;

const PAGE = 1000;

/** Every instant of an export in one format, whole seconds (as the event log writes them). */
const iso = (t: number | null): string | null => (t === null ? null : formatInstantSeconds(t));

/** The workspace's campaigns (names, and whether they schedule everyone in one zone) and account names. */
interface Lookup {
  campaigns: Map<number, CampaignRow>;
  accounts: Map<number, string>;
}

export function toProspectRecord(row: ProspectExportRow, lookup: Lookup): ProspectRecord {
  const { person: p, enrollment: e } = row;
  const campaign = e ? lookup.campaigns.get(e.campaignId) : undefined;
  const oneZone = campaign !== undefined && campaign.doc.schedule.timezone !== "recipient";
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    fullName: personName(p),
    profileUrl: p.displayUrl,
    company: p.company,
    title: p.title,
    location: p.location,
    timezone: e ? e.prospectTz : p.timezone,
    timezoneSource: oneZone ? "campaign" : p.timezone === null ? (e ? "sender" : null) : p.zoneSource,
    connected: p.connected,
    campaign: campaign?.name ?? null,
    account: e ? (lookup.accounts.get(e.accountId) ?? null) : null,
    status: e?.status ?? null,
    stage: prospectStage(e),
    enrolledAt: iso(e?.enrolledAt ?? null),
    visitedAt: iso(e?.visitedAt ?? null),
    invitedAt: iso(e?.invitedAt ?? null),
    acceptedAt: iso(e?.acceptedAt ?? null),
    lastMessageAt: iso(e?.lastMessageAt ?? null),
    messagesSent: e?.messagesSent ?? null,
    repliedAt: iso(e?.repliedAt ?? null),
    withdrawnAt: iso(e?.withdrawnAt ?? null),
    endedAt: iso(e?.endedAt ?? null),
    endReason: e?.endReason ?? null,
    hoursToAccept: e ? hoursBetween(e.invitedAt, e.acceptedAt) : null,
    hoursToReply: e ? hoursBetween(e.invitedAt, e.repliedAt) : null,
    custom: p.custom,
  };
}

export function toActivityRecord(row: ActivityExportRow): ActivityRecord {
  return {
    at: formatInstantSeconds(row.at),
    account: row.accountName,
    campaign: row.campaignName,
    campaignVersion: row.type === "action" ? (row.campaignVersion ?? null) : null,
    prospectUrl: row.prospect,
    prospectName:
      row.firstName === null && row.lastName === null
        ? null
        : personName({ firstName: row.firstName ?? "", lastName: row.lastName ?? "", fullName: row.fullName }),
    prospectTimezone: row.prospectTz,
    type: row.type,
    kind: row.kind,
    result: row.type === "action" ? row.result : null,
    text: activityText(row),
  };
}

/** The note of an invitation, the text of a message or of a reply; null for the rest. */
function activityText(row: ActivityExportRow): string | null {
  if (row.type === "event") return row.kind === "replied" ? row.replyText : null;
  if (row.kind === "connect") return row.note ?? "";
  return row.kind === "message" ? (row.text ?? "") : null;
}

/**
 * One record per enrollment, in enrollment order, then (without a filter) one per person never enrolled, so
 * that a CRM receives every known person. Pages of PAGE rows: memory stays flat whatever the size.
 */
export async function* readProspectRecords(
  store: Store,
  workspaceId: WorkspaceId,
  filter: ExportFilter,
  pageSize = PAGE,
): AsyncGenerator<ProspectRecord> {
  const lookup: Lookup = {
    campaigns: new Map((await store.listCampaigns(workspaceId)).map((c) => [c.id, c])),
    accounts: new Map((await store.listAccounts(workspaceId)).map((a) => [a.id, a.name])),
  };
  for (let after = 0; ;) {
    const page = await store.exportEnrollments(workspaceId, filter, after, pageSize);
    for (const row of page) yield toProspectRecord(row, lookup);
    if (page.length < pageSize) break;
    after = (page[page.length - 1] as ProspectExportRow).enrollment?.id ?? Number.MAX_SAFE_INTEGER;
  }
  if (filter.accountId !== undefined || filter.campaignId !== undefined) return;
  for (let after = 0; ;) {
    const page = await store.exportUnenrolled(workspaceId, after, pageSize);
    for (const row of page) yield toProspectRecord(row, lookup);
    if (page.length < pageSize) break;
    after = (page[page.length - 1] as ProspectExportRow).person.id;
  }
}

/** Every logged action (once its result is known) and network event, in (at, id) order, a page at a time. */
export async function* readActivityRecords(
  store: Store,
  workspaceId: WorkspaceId,
  filter: ExportFilter,
  pageSize = PAGE,
): AsyncGenerator<ActivityRecord> {
  let after: { at: number; id: number } | null = null;
  for (;;) {
    const page: ActivityExportRow[] = await store.exportActivity(workspaceId, filter, after, pageSize);
    for (const row of page) yield toActivityRecord(row);
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    after = { at: last.at, id: last.id };
  }
}
