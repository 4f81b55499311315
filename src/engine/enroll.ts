/**
 * Enrolling prospects in a campaign: find or create each person by any of their identifiers, refuse a person
 * who is already enrolled anywhere in the workspace (naming the campaign that holds them) or who is on the
 * do-not-contact list (naming the entry, engine/suppress.ts), and schedule the first step. All-or-nothing: the
 * caller runs it in one transaction; refusals are results, not errors.
 */
import { planStart } from "../core/enrollment/transition.js";
import type { ProspectInput, ZoneSource } from "../core/model.js";
import { resolveZone } from "../core/prospect/location-zone.js";
import { suppressedReason, type SuppressionKey, type SuppressionSubject } from "../core/suppression/match.js";
import type { Instant } from "../core/time.js";
import type { AccountRow, CampaignRow, NewEnrollment, PersonRow, Store } from "../store/store.js";
import { importSuppressionCheck } from "./suppress.js";
import { coreScope } from "./transitions.js";
import { schedulingZone, unreachableReasons } from "./windows.js";

export interface EnrollItem {
  /** Where the prospect came from (a CSV line), for the report. */
  line?: number;
  prospect: ProspectInput;
  zoneHints?: { city?: string; state?: string; country?: string };
}

export type EnrollResult =
  | { line?: number; status: "enrolled"; person: string; timezone: string; zoneSource: ZoneSource }
  | { line?: number; status: "refused"; person: string; reason: string };

/** Items between two awaits of `pause` (a server lets other requests run then; it may throw to stop). */
const PAUSE_EVERY = 50;
/** Items whose identifiers one statement forgets as unreachable. */
const FORGET_EVERY = 1000;

export async function enrollProspects(
  tx: Store,
  input: { account: AccountRow; campaign: CampaignRow; items: EnrollItem[]; now: Instant; pause?: () => Promise<void> },
): Promise<EnrollResult[]> {
  const { account, campaign, items, now, pause } = input;
  const results: EnrollResult[] = [];
  const seen = new Map<string, number | string>();
  const unreachable = unreachableReasons({ account: account.doc, campaign: campaign.doc, now });
  const suppressed = await importSuppressionCheck(tx, campaign.workspaceId);
  for (const item of items) {
    if (pause !== undefined && results.length % PAUSE_EVERY === PAUSE_EVERY - 1) await pause();
    const ids = item.prospect.identifiers;
    const display = ids[0] ?? "(no identifier)";
    const entry = suppressed(item.prospect);
    if (entry !== null) {
      results.push({
        ...(item.line !== undefined ? { line: item.line } : {}),
        status: "refused",
        person: display,
        reason: suppressedReason(entry),
      });
      continue;
    }
    const dup = ids.map((id) => seen.get(id)).find((v) => v !== undefined);
    if (dup !== undefined) {
      const where = typeof dup === "number" ? `line ${dup}` : dup;
      results.push({
        ...(item.line !== undefined ? { line: item.line } : {}),
        status: "refused",
        person: display,
        reason: `duplicate of ${where} in this import`,
      });
      continue;
    }
    for (const id of ids) seen.set(id, item.line ?? display);
    results.push(await enrollOne(tx, { account, campaign, item, now, unreachable, suppressed }));
  }
  // People refused earlier as unreachable and enrolled now (the hours changed) no longer count as refused.
  // A slice of items at a time, pausing between slices: a million people are hundreds of statements.
  for (let start = 0; start < items.length; start += FORGET_EVERY) {
    const enrolled = items.slice(start, start + FORGET_EVERY).flatMap((item, i) => {
      const result = results[start + i];
      return result?.status === "enrolled" ? [result.person, ...item.prospect.identifiers] : [];
    });
    if (enrolled.length > 0) await tx.forgetUnreachable(campaign.id, enrolled);
    if (pause !== undefined) await pause();
  }
  return results;
}

type EnrollOne = {
  account: AccountRow;
  campaign: CampaignRow;
  item: EnrollItem;
  now: Instant;
  unreachable: ReturnType<typeof unreachableReasons>;
  suppressed: (subject: SuppressionSubject) => SuppressionKey | null;
};

async function enrollOne(tx: Store, input: EnrollOne): Promise<EnrollResult> {
  const { account, campaign, item, now } = input;
  const p = item.prospect;
  const display = p.identifiers[0] as string;
  const line = item.line !== undefined ? { line: item.line } : {};
  const known = await tx.findPersonIds(campaign.workspaceId, p.identifiers);
  const personIds = [...new Set(known.values())];
  if (personIds.length > 1) {
    return {
      ...line,
      status: "refused",
      person: display,
      reason: `its identifiers belong to ${personIds.length} different people already known`,
    };
  }
  const existing = personIds[0];
  if (existing !== undefined) {
    const held = (await tx.activeEnrollments(campaign.workspaceId, [existing])).get(existing);
    if (held) return { ...line, status: "refused", person: display, reason: `already enrolled in campaign ${held.campaignName}` };
  }
  const planned =
    existing !== undefined
      ? refreshedPerson((await tx.getPerson(existing)) as PersonRow, p, item)
      : newPerson({ workspaceId: campaign.workspaceId, prospect: p, hints: item.zoneHints, now });
  if (planned.id !== null) {
    // A known person is checked as they would be saved: the row's identifiers and the ones on record (a
    // profile URL added to the list may be another one of theirs), their company and columns after this row.
    const stored = await tx.personIdentifiers(planned.id);
    const entry = input.suppressed({
      identifiers: [...new Set([...p.identifiers, ...stored])],
      company: planned.row.company,
      custom: planned.row.custom,
    });
    if (entry !== null) return { ...line, status: "refused", person: display, reason: suppressedReason(entry) };
  }
  const prospectTz = schedulingZone(campaign.doc, account.doc, planned.row.timezone);
  // Checked before anything is written: a refused row leaves no trace but its refusal.
  const unreachable = input.unreachable(prospectTz, planned.row.connected);
  if (unreachable !== null) {
    await tx.recordUnreachable({
      workspaceId: campaign.workspaceId,
      campaignId: campaign.id,
      prospect: planned.row.displayUrl,
      reason: unreachable,
      at: now,
    });
    return { ...line, status: "refused", person: planned.row.displayUrl, reason: `unreachable: ${unreachable}` };
  }
  const person = await savePerson(tx, planned, p.identifiers);
  await insertEnrollment(tx, { account, campaign, person, prospectTz, now });
  return { ...line, status: "enrolled", person: person.displayUrl, timezone: prospectTz, zoneSource: person.zoneSource ?? "sender" };
}

async function insertEnrollment(
  tx: Store,
  input: { account: AccountRow; campaign: CampaignRow; person: PersonRow; prospectTz: string; now: Instant },
): Promise<void> {
  const { account, campaign, person, prospectTz, now } = input;
  const row: NewEnrollment = {
    workspaceId: campaign.workspaceId,
    campaignId: campaign.id,
    accountId: account.id,
    personId: person.id,
    prospectTz,
    enrolledAt: now,
    ...planStart(coreScope({ account: account.doc, campaign: campaign.doc, now }, prospectTz), person.connected),
  };
  await tx.insertEnrollments([row]);
}

function zoneFor(p: ProspectInput, hints: EnrollItem["zoneHints"]): { timezone: string | null; zoneSource: ZoneSource | null } {
  const found = resolveZone({
    timezone: p.timezone,
    location: p.location,
    city: hints?.city ?? null,
    state: hints?.state ?? null,
    country: hints?.country ?? null,
  });
  return found ? { timezone: found.zone, zoneSource: found.source } : { timezone: null, zoneSource: "sender" };
}

/** A person as they will be saved: `id` null for someone new, else the changes to write to the known row. */
interface PlannedPerson {
  id: number | null;
  row: Omit<PersonRow, "id">;
  patch: Partial<PersonRow>;
}

function newPerson(input: { workspaceId: number; prospect: ProspectInput; hints: EnrollItem["zoneHints"]; now: Instant }): PlannedPerson {
  const { prospect: p, now } = input;
  const zone = zoneFor(p, input.hints);
  const row: Omit<PersonRow, "id"> = {
    workspaceId: input.workspaceId,
    displayUrl: p.identifiers[0] as string,
    firstName: p.firstName,
    lastName: p.lastName,
    fullName: p.fullName ?? null,
    company: p.company,
    title: p.title,
    location: p.location,
    timezone: zone.timezone,
    zoneSource: zone.zoneSource,
    custom: p.custom,
    memberId: p.memberId ?? null,
    connected: p.connected,
    connectedAt: p.connected ? now : null,
    lastWithdrawnAt: null,
    createdAt: now,
  };
  return { id: null, row, patch: {} };
}

/**
 * A known person enrolled again: newer non-empty fields win, a connection stays a connection. A row that names
 * the person brings its full name as written, or none (its first and last name then name them).
 */
function refreshedPerson(current: PersonRow, p: ProspectInput, item: EnrollItem): PlannedPerson {
  const pick = (incoming: string, old: string): string => (incoming.trim() !== "" ? incoming : old);
  const named = [p.firstName, p.lastName, p.fullName ?? ""].some((s) => s.trim() !== "");
  const patch: Partial<PersonRow> = {
    firstName: pick(p.firstName, current.firstName),
    lastName: pick(p.lastName, current.lastName),
    fullName: named ? (p.fullName ?? null) : current.fullName,
    company: pick(p.company, current.company),
    title: pick(p.title, current.title),
    location: pick(p.location, current.location),
    custom: { ...current.custom, ...p.custom },
    connected: current.connected || p.connected,
  };
  if (current.timezone === null || p.timezone) Object.assign(patch, zoneFor(p, item.zoneHints));
  const { id, ...row } = { ...current, ...patch };
  return { id, row, patch };
}

async function savePerson(tx: Store, planned: PlannedPerson, identifiers: string[]): Promise<PersonRow> {
  if (planned.id === null) return { id: await tx.insertPerson(planned.row, identifiers), ...planned.row };
  await tx.addIdentifiers(planned.row.workspaceId, planned.id, identifiers);
  await tx.updatePerson(planned.id, planned.patch);
  return { id: planned.id, ...planned.row };
}
