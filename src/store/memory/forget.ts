/**
 * What `linkpace forget` takes out of the memory database for one person (../forget.ts is the SQL one and says
 * what is deleted and what stays, anonymous). The SQL's matches are kept exactly, SQLite's among them: a
 * notification names a URL when its data is LIKE '%url%', with `%` and `_` in the URL matching any one character
 * and ASCII letters in any case. Forgetting may scan the tables.
 */
import { normalizeProfileUrl } from "../../core/prospect/profile-url.js";
import type { ErasedRows, ForgetStore } from "../forget.js";
import { enrollmentFromDb } from "../rows.js";
import { compareText, type MemoryContext } from "./context.js";
import { key, type EnrollmentDbRow, type MemoryDatabase, type PersonIdentifierDbRow } from "./database.js";
import { ascending } from "./rows.js";

/** ASCII letters in lower case, as SQLite's LIKE compares them (other characters as they are). */
function foldAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Whether `text` LIKE '%pattern%' where `_` in `pattern` matches any one character (patterns hold no `%`). */
function containsLike(text: string, pattern: string): boolean {
  const t = foldAscii(text);
  const p = foldAscii(pattern);
  for (let start = 0; start + p.length <= t.length; start++) {
    let i = 0;
    while (i < p.length && (p[i] === "_" || p[i] === t[start + i])) i++;
    if (i === p.length) return true;
  }
  return false;
}

/** Deletes every row whose primary key is given (a copy: deleting changes the index sets being read). */
function deleteAll(table: { delete(key: number | string): unknown }, keys: Iterable<number | string>): number {
  let n = 0;
  for (const k of [...keys]) if (table.delete(k) !== undefined) n++;
  return n;
}

function identifiersOf(db: MemoryDatabase, personId: number): PersonIdentifierDbRow[] {
  return [...db.identifiersByPerson.get(personId)].map((k) => db.personIdentifiers.get(k) as PersonIdentifierDbRow);
}

export function forgetMethods(ctx: MemoryContext): ForgetStore {
  return {
    personIdentifiers: (personId) =>
      ctx.run((db) =>
        identifiersOf(db, personId)
          .map((r) => r.identifier)
          .sort(compareText),
      ),

    personEnrollments: (personId) =>
      ctx.run((db) =>
        ascending(db.enrollmentsByPerson.get(personId)).map((id) => enrollmentFromDb(db.enrollments.get(id) as EnrollmentDbRow)),
      ),

    erasePersonRows: ({ workspaceId, personId, urls }) =>
      ctx.run((db): ErasedRows => {
        const pid = personId ?? -1;
        // As the SQL: with no URL, `IN ('')`.
        const urlList = urls.length > 0 ? [...new Set(urls)] : [""];
        const urlSet = new Set(urlList);
        const enrollmentIds = new Set(db.enrollmentsByPerson.get(pid));

        const logIds = [...db.log.values()]
          .filter(
            (r) =>
              r.workspace_id === workspaceId &&
              (r.person_id === pid ||
                (r.enrollment_id !== null && enrollmentIds.has(r.enrollment_id)) ||
                (r.prospect !== null && urlSet.has(r.prospect))),
          )
          .map((r) => r.id);

        const patterns = urlList.filter((u) => u !== "").map((u) => u.replace(/[%_]/g, "_"));
        const notificationIds = [...db.notifications.values()]
          .filter((n) => n.workspace_id === workspaceId && (n.person_id === pid || patterns.some((p) => containsLike(n.data, p))))
          .map((n) => n.id);

        // Import refusals name the URL as the file had it: compare canonical forms.
        const canonical = new Set(urls);
        const refusals = [...db.unreachableProspects.values()]
          .filter(
            (r) =>
              r.workspace_id === workspaceId && (canonical.has(r.prospect) || canonical.has(normalizeProfileUrl(r.prospect)?.url ?? "")),
          )
          .map((r) => r.id);

        const profileEntries = urlList.flatMap((u) => db.suppressionsByValue.get(key(workspaceId, "profile", u)) ?? []);

        for (const id of logIds)
          db.log.update(id, {
            campaign_id: null,
            person_id: null,
            enrollment_id: null,
            prospect: null,
            prospect_tz: null,
            note: null,
            text: null,
          });
        const replies = deleteAll(
          db.replies,
          [...db.replies.values()].filter((r) => r.person_id === pid).map((r) => r.id),
        );
        let webhookDeliveries = 0;
        for (const n of notificationIds) webhookDeliveries += deleteAll(db.webhookDeliveries, db.webhookDeliveriesByNotification.get(n));
        const notifications = deleteAll(db.notifications, notificationIds);
        const unreachable = deleteAll(db.unreachableProspects, refusals);
        const suppressionEntries = deleteAll(db.suppressions, profileEntries);
        const enrollments = deleteAll(db.enrollments, enrollmentIds);
        const identifiers = deleteAll(
          db.personIdentifiers,
          identifiersOf(db, pid).map((r) => db.personIdentifiers.keyOf(r)),
        );
        const persons = db.persons.delete(pid) === undefined ? 0 : 1;
        return {
          persons,
          identifiers,
          enrollments,
          logRows: logIds.length,
          replies,
          notifications,
          webhookDeliveries,
          unreachable,
          suppressionEntries,
        };
      }),
  };
}
