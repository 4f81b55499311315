/**
 * Picking the rows of a report, a listing or an export page out of the memory database (enrollment-reports.ts,
 * listings.ts, exports.ts): which enrollments a filter can match, from the narrowest index, and ids in ascending
 * order without sorting a whole list for one page.
 */
import type { Selectable } from "kysely";
import { personOf } from "../exports.js";
import type { PersonsTable } from "../schema.js";
import type { ProspectExportRow, WorkspaceId } from "../store.js";
import type { MemoryDatabase } from "./database.js";

/**
 * The ids of the enrollments a filter can match, from its narrowest index: the campaign's, the account's, or
 * the workspace's accounts'. A superset: the caller still checks every column the SQL compares.
 */
export function enrollmentIdsOf(
  db: MemoryDatabase,
  workspaceId: WorkspaceId | null,
  filter: { accountId?: number; campaignId?: number },
): Iterable<number> {
  if (filter.campaignId !== undefined) return db.enrollmentsByCampaign.get(filter.campaignId) as ReadonlySet<number>;
  if (filter.accountId !== undefined) return db.enrollmentsByAccount.get(filter.accountId) as ReadonlySet<number>;
  if (workspaceId === null) return [...db.enrollments.values()].map((e) => e.id);
  const ids: number[] = [];
  for (const accountId of db.accountsByWorkspace.get(workspaceId))
    for (const id of db.enrollmentsByAccount.get(accountId as number)) ids.push(id as number);
  return ids;
}

/** The person's columns an export or a listing shows, as ../exports.ts builds them from the joined row. */
export function exportPerson(p: Selectable<PersonsTable>): ProspectExportRow["person"] {
  return personOf({
    p_id: p.id,
    p_display_url: p.display_url,
    p_first_name: p.first_name,
    p_last_name: p.last_name,
    p_full_name: p.full_name,
    p_company: p.company,
    p_title: p.title,
    p_location: p.location,
    p_timezone: p.timezone,
    p_zone_source: p.zone_source,
    p_connected: p.connected,
    p_connected_at: p.connected_at,
    p_custom: p.custom,
  });
}

/**
 * `ids` (distinct; the array is reordered) in ascending order, lazily: the first `batch` cost O(n + batch log
 * batch), so one page of a long list never sorts all of it.
 */
export function* ascendingLazily(ids: number[], batch: number): Generator<number> {
  let rest = ids;
  const size = Math.max(1, batch);
  while (rest.length > 0) {
    if (rest.length <= 2 * size) {
      yield* rest.sort((a, b) => a - b);
      return;
    }
    selectSmallest(rest, size);
    const head = rest.slice(0, size).sort((a, b) => a - b);
    rest = rest.slice(size);
    yield* head;
  }
}

/** Reorders `a` so that its first `k` entries are its `k` smallest (Hoare's selection). */
function selectSmallest(a: number[], k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const x = a[lo] as number;
    const y = a[(lo + hi) >>> 1] as number;
    const z = a[hi] as number;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}
