/**
 * Read-only queries for `linkpace export`: prospects with their enrollments, and the activity log, a page at a
 * time. Every page starts after a key of the last row seen (an id, or (at, id) for the log) and is answered
 * from an index, so exporting 200,000 prospects costs one page of memory and no OFFSET scans.
 */
import type { Selectable } from "kysely";
import type { ZoneSource } from "../core/model.js";
import { enrollmentFromDb, logFromDb } from "./rows.js";
import type { PersonsTable } from "./schema.js";
import type { StoreContext } from "./store-context.js";
import type { ActivityExportRow, ProspectExportRow, Store } from "./store.js";

export type ExportQueries = Pick<Store, "exportEnrollments" | "exportUnenrolled" | "exportCustomFields" | "exportActivity">;

/** The person's columns an export shows, prefixed so that they never clash with the enrollment's. */
export const PERSON_SELECTION = [
  "p.id as p_id",
  "p.display_url as p_display_url",
  "p.first_name as p_first_name",
  "p.last_name as p_last_name",
  "p.full_name as p_full_name",
  "p.company as p_company",
  "p.title as p_title",
  "p.location as p_location",
  "p.timezone as p_timezone",
  "p.zone_source as p_zone_source",
  "p.connected as p_connected",
  "p.connected_at as p_connected_at",
  "p.custom as p_custom",
] as const;

type PersonColumn =
  | "id"
  | "display_url"
  | "first_name"
  | "last_name"
  | "full_name"
  | "company"
  | "title"
  | "location"
  | "timezone"
  | "zone_source"
  | "connected"
  | "connected_at"
  | "custom";
type JoinedPerson = { [K in PersonColumn as `p_${K}`]: Selectable<PersonsTable>[K] };

export function personOf(r: JoinedPerson): ProspectExportRow["person"] {
  return {
    id: r.p_id,
    displayUrl: r.p_display_url,
    firstName: r.p_first_name,
    lastName: r.p_last_name,
    fullName: r.p_full_name,
    company: r.p_company,
    title: r.p_title,
    location: r.p_location,
    timezone: r.p_timezone,
    zoneSource: r.p_zone_source as ZoneSource | null,
    connected: Boolean(r.p_connected),
    connectedAt: r.p_connected_at,
    custom: JSON.parse(r.p_custom) as Record<string, string>,
  };
}

export function exportQueries({ db }: StoreContext): ExportQueries {
  return {
    async exportEnrollments(workspaceId, filter, afterId, limit) {
      const rows = await db
        .selectFrom("enrollments as e")
        .innerJoin("persons as p", "p.id", "e.person_id")
        .selectAll("e")
        .select(PERSON_SELECTION)
        .where("e.workspace_id", "=", workspaceId)
        .where("e.id", ">", afterId)
        .$if(filter.accountId !== undefined, (q) => q.where("e.account_id", "=", filter.accountId as number))
        .$if(filter.campaignId !== undefined, (q) => q.where("e.campaign_id", "=", filter.campaignId as number))
        .orderBy("e.id")
        .limit(limit)
        .execute();
      return rows.map((r): ProspectExportRow => ({ person: personOf(r), enrollment: enrollmentFromDb(r) }));
    },

    async exportUnenrolled(workspaceId, afterId, limit) {
      const rows = await db
        .selectFrom("persons as p")
        .select(PERSON_SELECTION)
        .where("p.workspace_id", "=", workspaceId)
        .where("p.id", ">", afterId)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom("enrollments as e").select("e.id").whereRef("e.person_id", "=", "p.id"))),
        )
        .orderBy("p.id")
        .limit(limit)
        .execute();
      return rows.map((r): ProspectExportRow => ({ person: personOf(r), enrollment: null }));
    },

    async exportCustomFields(workspaceId, filter, afterId, limit) {
      const filtered = filter.accountId !== undefined || filter.campaignId !== undefined;
      const rows = await db
        .selectFrom("persons as p")
        .select(["p.id", "p.custom"])
        .where("p.workspace_id", "=", workspaceId)
        .where("p.id", ">", afterId)
        .where("p.custom", "<>", "{}")
        .$if(filtered, (q) =>
          q.where(({ exists, selectFrom }) =>
            exists(
              selectFrom("enrollments as e")
                .select("e.id")
                .whereRef("e.person_id", "=", "p.id")
                .$if(filter.accountId !== undefined, (s) => s.where("e.account_id", "=", filter.accountId as number))
                .$if(filter.campaignId !== undefined, (s) => s.where("e.campaign_id", "=", filter.campaignId as number)),
            ),
          ),
        )
        .orderBy("p.id")
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, custom: JSON.parse(r.custom) as Record<string, string> }));
    },

    async exportActivity(workspaceId, filter, after, limit) {
      const rows = await db
        .selectFrom("log as l")
        .innerJoin("accounts as a", "a.id", "l.account_id")
        .leftJoin("campaigns as c", "c.id", "l.campaign_id")
        .leftJoin("persons as p", "p.id", "l.person_id")
        .leftJoin("replies as r", "r.log_id", "l.id")
        .selectAll("l")
        .select(["a.name as account_name", "c.name as campaign_name", "p.first_name", "p.last_name", "p.full_name", "r.text as reply_text"])
        .where("l.workspace_id", "=", workspaceId)
        // Like readLog: an action shows once its outcome is known.
        .where((eb) => eb.or([eb("l.type", "=", "event"), eb("l.result", "is not", null)]))
        .$if(after !== null, (q) =>
          q.where((eb) => eb(eb.refTuple("l.at", "l.id"), ">", eb.tuple(after?.at as number, after?.id as number))),
        )
        .$if(filter.accountId !== undefined, (q) => q.where("l.account_id", "=", filter.accountId as number))
        .$if(filter.campaignId !== undefined, (q) => q.where("l.campaign_id", "=", filter.campaignId as number))
        .orderBy("l.at")
        .orderBy("l.id")
        .limit(limit)
        .execute();
      return rows.map((r): ActivityExportRow => ({
        ...logFromDb(r),
        accountName: r.account_name,
        campaignName: r.campaign_name,
        firstName: r.first_name,
        lastName: r.last_name,
        fullName: r.full_name,
        replyText: r.reply_text,
      }));
    },
  };
}
