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
import type { AccountRow, CampaignRow, NewEnrollment, NewPerson, PersonRow, Store } from "../store/store.js";
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
/** Items whose identifiers are looked up together, and whose new people are written together. */
const BATCH_ITEMS = 500;
/** Items whose identifiers one statement forgets as unreachable. */
const FORGET_EVERY = 1000;

export async function enrollProspects(
  tx: Store,
  input: { account: AccountRow; campaign: CampaignRow; items: EnrollItem[]; now: Instant; pause?: () => Promise<void> },
): Promise<EnrollResult[]> {
  const { account, campaign, items, now, pause } = input;
  const [results] = await enrollGroups(tx, { groups: [{ account, campaign, items }], now, ...(pause ? { pause } : {}) });
  return results as EnrollResult[];
}

/** One campaign's import among several enrolled together (enrollGroups). */
export interface EnrollGroup {
  account: AccountRow;
  campaign: CampaignRow;
  items: EnrollItem[];
}

/**
 * Several imports, in order, as if each were enrolled by enrollProspects one after the other in this
 * transaction (a simulation's prospects, which alternate between campaigns): the same results and the same
 * rows, written in batches across the imports. Results per group.
 */
export async function enrollGroups(
  tx: Store,
  input: { groups: EnrollGroup[]; now: Instant; pause?: () => Promise<void> },
): Promise<EnrollResult[][]> {
  const { groups, now, pause } = input;
  const results: EnrollResult[][] = groups.map(() => []);
  const checks = new Map<number, (subject: SuppressionSubject) => SuppressionKey | null>();
  const ones: Array<Omit<EnrollOne, "item">> = [];
  for (const { account, campaign } of groups) {
    let suppressed = checks.get(campaign.workspaceId);
    if (suppressed === undefined) {
      suppressed = await importSuppressionCheck(tx, campaign.workspaceId);
      checks.set(campaign.workspaceId, suppressed);
    }
    ones.push({
      account,
      campaign,
      now,
      unreachable: unreachableReasons({ account: account.doc, campaign: campaign.doc, now }),
      suppressed,
    });
  }
  // Duplicates within one import are refused as such; across imports, the person is known by then.
  const seen = groups.map(() => new Map<string, number | string>());
  const flat = groups.flatMap((g, group) => g.items.map((item, index) => ({ group, index, item })));
  const touched = new Set<string>();
  for (let start = 0; start < flat.length; start += BATCH_ITEMS) {
    // First what needs no database (the do-not-contact list, duplicates in this import), in the items' order.
    const batch: Entry[] = [];
    for (const { group, index, item } of flat.slice(start, start + BATCH_ITEMS)) {
      const one = ones[group] as Omit<EnrollOne, "item">;
      const refused = refusedUpFront(item, seen[group] as Map<string, number | string>, one.suppressed);
      if (refused === null) batch.push({ one, at: results[group] as EnrollResult[], index, item });
      else (results[group] as EnrollResult[])[index] = refused;
    }
    await enrollBatch(tx, batch, touched, pause);
  }
  // People refused earlier as unreachable and enrolled now (the hours changed) no longer count as refused:
  // per campaign, a slice of items at a time, pausing between slices (a million people are hundreds of statements).
  const enrolled = new Map<number, string[][]>();
  for (const [group, { campaign, items }] of groups.entries()) {
    const done = results[group] as EnrollResult[];
    const slices = enrolled.get(campaign.id) ?? [];
    enrolled.set(campaign.id, slices);
    items.forEach((item, i) => {
      const result = done[i];
      if (result?.status !== "enrolled") return;
      if (slices.length === 0 || (slices[slices.length - 1] as string[]).length >= FORGET_EVERY * 2) slices.push([]);
      (slices[slices.length - 1] as string[]).push(result.person, ...item.prospect.identifiers);
    });
  }
  for (const [campaignId, slices] of enrolled) {
    for (const slice of slices) {
      await tx.forgetUnreachable(campaignId, slice);
      if (pause !== undefined) await pause();
    }
  }
  return results;
}

/** An item to enroll, with its import's context and where its result goes (`at[index]`). */
interface Entry {
  one: Omit<EnrollOne, "item">;
  at: EnrollResult[];
  index: number;
  item: EnrollItem;
}

/** The refusal of an item on the do-not-contact list or a duplicate of an earlier one; null: it goes on. */
function refusedUpFront(
  item: EnrollItem,
  seen: Map<string, number | string>,
  suppressed: (subject: SuppressionSubject) => SuppressionKey | null,
): EnrollResult | null {
  const ids = item.prospect.identifiers;
  const display = ids[0] ?? "(no identifier)";
  const line = item.line !== undefined ? { line: item.line } : {};
  const entry = suppressed(item.prospect);
  if (entry !== null) return { ...line, status: "refused", person: display, reason: suppressedReason(entry) };
  const dup = ids.map((id) => seen.get(id)).find((v) => v !== undefined);
  if (dup !== undefined) {
    const where = typeof dup === "number" ? `line ${dup}` : dup;
    return { ...line, status: "refused", person: display, reason: `duplicate of ${where} in this import` };
  }
  for (const id of ids) seen.set(id, item.line ?? display);
  return null;
}

/**
 * Enrolls a batch of items that passed refusedUpFront: their identifiers looked up in one query; people not
 * known yet are written together (Store.insertPersons, then their enrollments in one insert); a known person,
 * or one named by an identifier written earlier in this call (`touched`), goes the way of enrollOne, after
 * what came before it is written. Rows are written in the items' order, so that ids are what enrolling them
 * one by one gives.
 */
async function enrollBatch(
  tx: Store,
  batch: readonly Entry[],
  touched: Set<string>,
  pause: (() => Promise<void>) | undefined,
): Promise<void> {
  const known = new Set<string>();
  for (const workspaceId of new Set(batch.map((e) => e.one.campaign.workspaceId))) {
    const ids = batch.filter((e) => e.one.campaign.workspaceId === workspaceId).flatMap((e) => e.item.prospect.identifiers);
    for (const id of (await tx.findPersonIds(workspaceId, ids)).keys()) known.add(id);
  }
  let waiting: Waiting[] = [];
  for (const [n, entry] of batch.entries()) {
    if (pause !== undefined && n % PAUSE_EVERY === PAUSE_EVERY - 1) await pause();
    const { one, at, index, item } = entry;
    const ids = item.prospect.identifiers;
    const isKnown = ids.some((id) => known.has(id) || touched.has(id));
    ids.forEach((id) => touched.add(id));
    if (isKnown) {
      await writeNewPeople(tx, waiting);
      waiting = [];
      at[index] = await enrollOne(tx, { ...one, item });
      continue;
    }
    const planned = newPerson({ workspaceId: one.campaign.workspaceId, prospect: item.prospect, hints: item.zoneHints, now: one.now });
    const refused = await refuseUnreachable(tx, one, planned, item);
    if (typeof refused !== "string") at[index] = refused;
    else waiting.push({ ...entry, planned, prospectTz: refused });
  }
  await writeNewPeople(tx, waiting);
}

type Waiting = Entry & { planned: PlannedPerson; prospectTz: string };

/** People not known before, and their enrollments, in as few statements as the store allows. */
async function writeNewPeople(tx: Store, people: readonly Waiting[]): Promise<void> {
  if (people.length === 0) return;
  const rows = people.map((p) => ({ row: p.planned.row, identifiers: p.item.prospect.identifiers }));
  const ids = tx.insertPersons !== undefined ? await tx.insertPersons(rows) : await insertOneByOne(tx, rows);
  await tx.insertEnrollments(
    people.map((p, i) => enrollmentRow({ ...p.one, person: { id: ids[i] as number, ...p.planned.row }, prospectTz: p.prospectTz })),
  );
  for (const { at, index, item, planned, prospectTz } of people) {
    at[index] = {
      ...(item.line !== undefined ? { line: item.line } : {}),
      status: "enrolled",
      person: planned.row.displayUrl,
      timezone: prospectTz,
      zoneSource: planned.row.zoneSource ?? "sender",
    };
  }
}

async function insertOneByOne(tx: Store, rows: ReadonlyArray<{ row: NewPerson; identifiers: string[] }>): Promise<number[]> {
  const ids: number[] = [];
  for (const { row, identifiers } of rows) ids.push(await tx.insertPerson(row, identifiers));
  return ids;
}

/**
 * The zone the person is scheduled in, or their refusal when the campaign's window never meets the sender's
 * hours there (recorded, so that the refusal can be reported and forgotten once the hours change).
 */
async function refuseUnreachable(
  tx: Store,
  one: Omit<EnrollOne, "item">,
  planned: PlannedPerson,
  item: EnrollItem,
): Promise<string | EnrollResult> {
  const { account, campaign, now } = one;
  const prospectTz = schedulingZone(campaign.doc, account.doc, planned.row.timezone);
  // Checked before anything is written: a refused row leaves no trace but its refusal.
  const unreachable = one.unreachable(prospectTz, planned.row.connected);
  if (unreachable === null) return prospectTz;
  await tx.recordUnreachable({
    workspaceId: campaign.workspaceId,
    campaignId: campaign.id,
    prospect: planned.row.displayUrl,
    reason: unreachable,
    at: now,
  });
  return {
    ...(item.line !== undefined ? { line: item.line } : {}),
    status: "refused",
    person: planned.row.displayUrl,
    reason: `unreachable: ${unreachable}`,
  };
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
  const prospectTz = await refuseUnreachable(tx, input, planned, item);
  if (typeof prospectTz !== "string") return prospectTz;
  const person = await savePerson(tx, planned, p.identifiers);
  await tx.insertEnrollments([enrollmentRow({ account, campaign, person, prospectTz, now })]);
  return { ...line, status: "enrolled", person: person.displayUrl, timezone: prospectTz, zoneSource: person.zoneSource ?? "sender" };
}

function enrollmentRow(input: {
  account: AccountRow;
  campaign: CampaignRow;
  person: PersonRow;
  prospectTz: string;
  now: Instant;
}): NewEnrollment {
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
  return row;
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
