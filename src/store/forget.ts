/**
 * What `linkpace forget` takes out of the database for one person (engine/forget.ts decides when, under which
 * locks, and what goes on the do-not-contact list instead).
 *
 * Deleted: the person, their identifiers, their enrollments (with the notes they were invited with), their
 * replies, the notifications about them (by person, or whose data names one of their URLs) with the webhook
 * deliveries queued for those, the import refusals that name them, and a `profile` entry of the do-not-contact
 * list holding one of their URLs (a salted hash replaces it). Kept, anonymous: their log rows, because the
 * governor's budgets count the account's past actions; each keeps its account, instant, kind and result and
 * loses campaign, person, enrollment, prospect URL and zone, note and text (as a deleted campaign's rows do).
 */
import { sql } from "kysely";
import { normalizeProfileUrl } from "../core/prospect/profile-url.js";
import { chunks, MAX_PARAMS, type StoreContext } from "./store-context.js";
import { enrollmentFromDb } from "./rows.js";
import type { EnrollmentRow, WorkspaceId } from "./store.js";

/** How many rows forgetting a person deleted, or stripped of personal data (logRows), per kind. */
export interface ErasedRows {
  persons: number;
  identifiers: number;
  enrollments: number;
  /** Log rows kept without campaign, person, prospect or text. */
  logRows: number;
  replies: number;
  notifications: number;
  webhookDeliveries: number;
  unreachable: number;
  /** `profile` entries of the do-not-contact list naming them (a hash entry replaces them). */
  suppressionEntries: number;
}

/** Who to forget: the person's id (null when no person row is known) and every URL that names them. */
export interface ErasureTarget {
  workspaceId: WorkspaceId;
  personId: number | null;
  /** Canonical identifiers and the display URL: what log rows, notifications and refusals may name them by. */
  urls: readonly string[];
}

export interface ForgetStore {
  /** The person's identifiers, in order. */
  personIdentifiers(personId: number): Promise<string[]>;
  /** Every enrollment of the person (any status), in id order. */
  personEnrollments(personId: number): Promise<EnrollmentRow[]>;
  /** Deletes what the header says, and strips their log rows, in the caller's transaction. */
  erasePersonRows(target: ErasureTarget): Promise<ErasedRows>;
}

export function forgetQueries({ db, dialect }: StoreContext): ForgetStore {
  const n = (r: { numDeletedRows: bigint } | { numUpdatedRows: bigint }): number =>
    Number("numDeletedRows" in r ? r.numDeletedRows : r.numUpdatedRows);

  return {
    async personIdentifiers(personId) {
      const rows = await db
        .selectFrom("person_identifiers")
        .select("identifier")
        .where("person_id", "=", personId)
        .orderBy("identifier")
        .execute();
      return rows.map((r) => r.identifier);
    },

    async personEnrollments(personId) {
      const rows = await db.selectFrom("enrollments").selectAll().where("person_id", "=", personId).orderBy("id").execute();
      return rows.map(enrollmentFromDb);
    },

    async erasePersonRows({ workspaceId, personId, urls }) {
      // SQLite: what is deleted from here on is overwritten with zeros in the file, not left in free space.
      if (dialect === "sqlite") await sql`PRAGMA secure_delete = ON`.execute(db);
      const pid = personId ?? -1;
      const urlList = urls.length > 0 ? [...new Set(urls)] : [""];
      const enrollmentIds = db.selectFrom("enrollments").select("id").where("person_id", "=", pid);

      // Log rows: by person, by enrollment, or by the URL they name.
      const logIds = (
        await db
          .selectFrom("log")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where((eb) => eb.or([eb("person_id", "=", pid), eb("enrollment_id", "in", enrollmentIds), eb("prospect", "in", urlList)]))
          .execute()
      ).map((r) => Number(r.id));

      // Notifications: about the person, or whose data names one of their URLs.
      const notificationIds = (
        await db
          .selectFrom("notifications")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where((eb) =>
            eb.or([eb("person_id", "=", pid), ...urlList.filter((u) => u !== "").map((u) => eb("data", "like", `%${likeEscape(u)}%`))]),
          )
          .execute()
      ).map((r) => Number(r.id));

      // Import refusals name the URL as the file had it: compare canonical forms.
      const canonical = new Set(urls);
      const refusals = (
        await db.selectFrom("unreachable_prospects").select(["id", "prospect"]).where("workspace_id", "=", workspaceId).execute()
      )
        .filter((r) => canonical.has(r.prospect) || canonical.has(normalizeProfileUrl(r.prospect)?.url ?? ""))
        .map((r) => Number(r.id));

      const profileEntries = db
        .selectFrom("suppressions")
        .select("id")
        .where("workspace_id", "=", workspaceId)
        .where("kind", "=", sql.lit("profile"))
        .where("value", "in", urlList);

      let logRows = 0;
      for (const part of chunks(logIds, MAX_PARAMS - 8)) {
        logRows += n(
          await db
            .updateTable("log")
            .set({ campaign_id: null, person_id: null, enrollment_id: null, prospect: null, prospect_tz: null, note: null, text: null })
            .where("id", "in", part)
            .executeTakeFirst(),
        );
      }
      const replies = n(await db.deleteFrom("replies").where("person_id", "=", pid).executeTakeFirst());
      let webhookDeliveries = 0;
      let notifications = 0;
      for (const part of chunks(notificationIds, MAX_PARAMS - 1)) {
        webhookDeliveries += n(await db.deleteFrom("webhook_deliveries").where("notification_id", "in", part).executeTakeFirst());
        notifications += n(await db.deleteFrom("notifications").where("id", "in", part).executeTakeFirst());
      }
      let unreachable = 0;
      for (const part of chunks(refusals, MAX_PARAMS - 1))
        unreachable += n(await db.deleteFrom("unreachable_prospects").where("id", "in", part).executeTakeFirst());
      const suppressionEntries = n(await db.deleteFrom("suppressions").where("id", "in", profileEntries).executeTakeFirst());
      const enrollments = n(await db.deleteFrom("enrollments").where("person_id", "=", pid).executeTakeFirst());
      const identifiers = n(await db.deleteFrom("person_identifiers").where("person_id", "=", pid).executeTakeFirst());
      const persons = n(await db.deleteFrom("persons").where("id", "=", pid).executeTakeFirst());
      return { persons, identifiers, enrollments, logRows, replies, notifications, webhookDeliveries, unreachable, suppressionEntries };
    },
  };
}

/** A URL inside a LIKE pattern: its `%` and `_` become `_` (any one character), so the pattern matches at least the URL. */
function likeEscape(s: string): string {
  return s.replace(/[%_]/g, "_");
}
