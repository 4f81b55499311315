/**
 * Connections.csv applied to one account:
 * - a person with a pending invitation from this account: accepted, through recordNetworkEvent (so the
 *   campaign's next steps follow), at the noon (UTC) of `Connected On`, never before the invitation was sent
 *   nor after now. The export gives only the day; noon is at most half a day off either way.
 * - a person not yet known as a connection, without a pending invitation: marked connected (their
 *   campaigns skip `connect`); someone unknown is created as a connection, so later lead imports know.
 * - a row without a profile URL (old exports): matched only when exactly one person invited by this account
 *   bears that first and last name, invited before that day ended; otherwise reported, never guessed.
 */
import { HOUR, type Instant } from "../core/time.js";
import type { ArchiveDate, ConnectionFact } from "../io/linkedin-archive/index.js";
import type { InvitationRow } from "../store/store.js";
import type { ArchiveScope } from "./archive-scope.js";
import { recordNetworkEvent } from "./network-events.js";
import { createOutsidePerson, hasPendingInvitation, lookupPerson } from "./outside-people.js";

export async function applyConnections(scope: ArchiveScope, facts: ConnectionFact[]): Promise<void> {
  let invitations: InvitationRow[] | null = null;
  for (const fact of facts) {
    let identifiers = fact.identifiers;
    if (identifiers.length === 0) {
      invitations ??= await scope.tx.listInvitations(scope.account.workspaceId, { accountId: scope.account.id });
      const match = matchByName(invitations, fact);
      if (match === null) {
        scope.changes.problems.push({
          file: fact.file,
          line: fact.line,
          reason: `${fact.firstName} ${fact.lastName}: no profile URL, and this account invited nobody, or several people, of this name before that day`,
        });
        continue;
      }
      identifiers = [match];
    }
    await applyConnection(scope, fact, identifiers);
  }
}

async function applyConnection(scope: ArchiveScope, fact: ConnectionFact, identifiers: string[]): Promise<void> {
  const { tx, account, now, changes } = scope;
  const found = await lookupPerson(tx, account.workspaceId, identifiers);
  if (found.type === "ambiguous") {
    changes.problems.push({
      file: fact.file,
      line: fact.line,
      reason: `${identifiers[0]}: its identifiers belong to ${found.count} different people already known`,
    });
    return;
  }
  if (found.type === "unknown") {
    const person = { firstName: fact.firstName, lastName: fact.lastName, company: fact.company, title: fact.position };
    await createOutsidePerson(tx, {
      workspaceId: account.workspaceId,
      identifiers,
      ...person,
      connectedAt: connectionInstant(fact.connectedOn, null, now),
      now,
    });
    changes.alreadyConnected++;
    changes.connections++;
    return;
  }
  const { person } = found;
  scope.touched.add(person.id);
  const latest = await tx.latestEnrollment(account.id, person.id);
  if (latest !== null && hasPendingInvitation(latest)) {
    const at = connectionInstant(fact.connectedOn, latest.invitedAt, now);
    await recordNetworkEvent(scope.ctx, scope.engine, { at, kind: "accepted", account: account.name, prospect: person.displayUrl });
    changes.accepted++;
    changes.connections++;
    return;
  }
  if (person.connected) return;
  await tx.updatePerson(person.id, { connected: true, connectedAt: connectionInstant(fact.connectedOn, null, now) });
  changes.alreadyConnected++;
  changes.connections++;
}

/** When the connection was made: a day's noon (UTC), not before the invitation, not after now. */
export function connectionInstant(on: ArchiveDate, invitedAt: Instant | null, now: Instant): Instant {
  const at = on.precision === "day" ? on.at + 12 * HOUR : on.at;
  return Math.min(Math.max(at, invitedAt ?? at), now);
}

function matchByName(invitations: InvitationRow[], fact: ConnectionFact): string | null {
  const norm = (s: string): string => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  const first = norm(fact.firstName);
  const last = norm(fact.lastName);
  if (first === "" || last === "") return null;
  const named = invitations.filter((r) => norm(r.firstName) === first && norm(r.lastName) === last);
  const people = new Set(named.map((r) => r.personId));
  const dayEnd = fact.connectedOn.at + 24 * HOUR;
  const before = named.filter((r) => r.invitedAt < dayEnd);
  return people.size === 1 && before.length > 0 ? (before[0] as InvitationRow).displayUrl : null;
}
