/**
 * People learned of outside linkpace (LinkedIn's data export, `linkpace mark`): found by any identifier, or
 * created with what the source says about them, so that later imports and campaigns know them. Runs in the
 * caller's transaction.
 */
import type { Instant } from "../core/time.js";
import type { EnrollmentRow, PersonRow, Store, WorkspaceId } from "../store/store.js";

export type PersonLookup = { type: "known"; person: PersonRow } | { type: "unknown" } | { type: "ambiguous"; count: number };

/** The one person these identifiers name; identifiers not yet known are added to them. */
export async function lookupPerson(tx: Store, workspaceId: WorkspaceId, identifiers: string[]): Promise<PersonLookup> {
  const ids = [...new Set((await tx.findPersonIds(workspaceId, identifiers)).values())];
  if (ids.length > 1) return { type: "ambiguous", count: ids.length };
  const id = ids[0];
  if (id === undefined) return { type: "unknown" };
  await tx.addIdentifiers(workspaceId, id, identifiers);
  return { type: "known", person: (await tx.getPerson(id)) as PersonRow };
}

export interface OutsidePerson {
  workspaceId: WorkspaceId;
  identifiers: string[];
  firstName: string;
  lastName: string;
  /** The name as the export wrote it (Invitations.csv's `To`), when it gave one whole. */
  fullName?: string | null;
  company?: string;
  title?: string;
  connectedAt: Instant | null;
  now: Instant;
}

/** A new person; their zone stays unknown (the sender's is used) until a lead list says more. */
export async function createOutsidePerson(tx: Store, p: OutsidePerson): Promise<PersonRow> {
  const row: Omit<PersonRow, "id"> = {
    workspaceId: p.workspaceId,
    displayUrl: p.identifiers[0] as string,
    firstName: p.firstName,
    lastName: p.lastName,
    fullName: p.fullName ?? null,
    company: p.company ?? "",
    title: p.title ?? "",
    location: "",
    timezone: null,
    zoneSource: null,
    custom: {},
    memberId: null,
    connected: p.connectedAt !== null,
    connectedAt: p.connectedAt,
    lastWithdrawnAt: null,
    createdAt: p.now,
  };
  const id = await tx.insertPerson(row, p.identifiers);
  return { id, ...row };
}

/** An invitation that was sent and is still unanswered: not accepted, withdrawn, declined or otherwise ended. */
export function hasPendingInvitation(e: EnrollmentRow | null): boolean {
  return e !== null && e.invitedAt !== null && e.acceptedAt === null && e.withdrawnAt === null && e.status !== "done";
}
