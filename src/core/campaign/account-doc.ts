/**
 * The sender account document: reading it from a file or an object, and turning it back
 * into the shape a user writes. Defaults: type `free`, created unknown (null: an established account),
 * workingHours mon-fri 08:00-18:00, warmup auto, pacing drip, the limits of the contract (notesPerMonth 5 on free, null =
 * unlimited on paid types unless set; `notesPerMonth: null` also means unlimited). noteMaxLength is derived
 * from the type (200 free, 300 paid) and cannot be set.
 */
import * as z from "zod";
import { PACINGS, type AccountDoc, type AccountType, type Pacing, type Weekday } from "../model.js";
import { localDateKey } from "../schedule/local-time.js";
import { formatDuration, MINUTE, SECOND, type Instant } from "../time.js";
import {
  dateOrNullField,
  durationField,
  field,
  nameField,
  oneOfField,
  positiveIntField,
  strictMapping,
  timeZoneField,
} from "./doc-fields.js";
import { invalidDocument, issuesFromZod, joinWhere } from "./doc-issues.js";
import { readDocument } from "./read-document.js";
import { formatHours, toWeeklyHours, weeklyHoursMapping } from "./weekly-hours.js";

const ACCOUNT_TYPES: readonly AccountType[] = ["free", "premium", "sales_navigator"];

const notesPerMonthField = field<number | null>("a whole number above zero, or null for unlimited", (v) =>
  v === null ? { value: null } : typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? { value: v } : undefined,
);

const limitsSchema = strictMapping(
  {
    invitesPerWeek: positiveIntField.default(100),
    invitesPerDay: positiveIntField.default(20),
    messagesPerDay: positiveIntField.default(50),
    visitsPerDay: positiveIntField.default(80),
    pendingMax: positiveIntField.default(500),
    /** undefined here: not set, resolved from the type below. */
    notesPerMonth: notesPerMonthField.optional(),
    minGap: durationField({ positive: true }).default(2 * MINUTE),
    sittingGap: durationField({ positive: true }).default(20 * SECOND),
  },
  "a mapping of limits",
);

const accountSchema = strictMapping(
  {
    name: nameField,
    timezone: timeZoneField({ allowRecipient: false }),
    type: oneOfField(ACCOUNT_TYPES).default("free"),
    created: dateOrNullField.default(null),
    workingHours: weeklyHoursMapping(
      { days: ["mon", "tue", "wed", "thu", "fri"], hours: "08:00-18:00" },
      {},
      "a mapping with days and hours",
    ).prefault({}),
    warmup: oneOfField(["auto", "off"] as const).default("auto"),
    pacing: oneOfField(PACINGS).default("drip"),
    limits: limitsSchema.prefault({}),
  },
  "an account: a mapping with name, timezone, type, …",
);

function toAccountDoc(data: z.output<typeof accountSchema>): AccountDoc {
  const free = data.type === "free";
  const limits = data.limits;
  return {
    name: data.name,
    timezone: data.timezone,
    type: data.type,
    created: data.created,
    workingHours: toWeeklyHours(data.workingHours),
    warmup: data.warmup,
    pacing: data.pacing,
    limits: {
      invitesPerWeek: limits.invitesPerWeek,
      invitesPerDay: limits.invitesPerDay,
      messagesPerDay: limits.messagesPerDay,
      visitsPerDay: limits.visitsPerDay,
      pendingMax: limits.pendingMax,
      notesPerMonth: limits.notesPerMonth === undefined ? (free ? 5 : null) : limits.notesPerMonth,
      minGap: limits.minGap,
      sittingGap: limits.sittingGap,
    },
    noteMaxLength: free ? 200 : 300,
  };
}

/**
 * An account document given as an object, e.g. embedded in a simulation scenario; `where` locates it
 * (`scenario.json: accounts[2]`). Throws a LinkpaceError listing every problem.
 */
export function accountDocFromObject(obj: unknown, where: string): AccountDoc {
  const parsed = accountSchema.safeParse(obj);
  if (!parsed.success) throw invalidDocument(where, "account", issuesFromZod(parsed.error, where));
  return toAccountDoc(parsed.data);
}

/**
 * Refuses an account whose `created` date is after today in its own zone: warm-up counts the account's age from
 * it. `now` is the present (the clock's), `where` locates the document as for accountDocFromObject.
 */
export function checkCreatedDate(doc: AccountDoc, now: Instant, where: string): void {
  if (doc.created === null) return;
  const today = localDateKey(doc.timezone, now);
  if (doc.created <= today) return;
  const message = `${doc.created} is in the future (today is ${today} in ${doc.timezone}): give the day the LinkedIn account was created, or null when unknown`;
  throw invalidDocument(where, "account", [{ where: joinWhere(where, "created"), message }]);
}

/** An account file's text (YAML or JSON); `fileName` names it in errors and picks the JSON reader. */
export function parseAccountDoc(text: string, fileName: string): AccountDoc {
  const read = readDocument(text, fileName);
  if (!read.ok) throw invalidDocument(fileName, "account", read.issues);
  return accountDocFromObject(read.value, fileName);
}

/** An account as a user writes it, every setting shown (for `show` commands); parsing it gives the doc back. */
export interface AccountObject {
  name: string;
  timezone: string;
  type: AccountType;
  created: string | null;
  workingHours: { days: Weekday[]; hours: string | string[] };
  warmup: "auto" | "off";
  pacing: Pacing;
  limits: {
    invitesPerWeek: number;
    invitesPerDay: number;
    messagesPerDay: number;
    visitsPerDay: number;
    pendingMax: number;
    notesPerMonth: number | null;
    minGap: string;
    sittingGap: string;
  };
}

export function accountDocToObject(doc: AccountDoc): AccountObject {
  return {
    name: doc.name,
    timezone: doc.timezone,
    type: doc.type,
    created: doc.created,
    workingHours: { days: [...doc.workingHours.days], hours: formatHours(doc.workingHours.windows) },
    warmup: doc.warmup,
    pacing: doc.pacing,
    limits: { ...doc.limits, minGap: formatDuration(doc.limits.minGap), sittingGap: formatDuration(doc.limits.sittingGap) },
  };
}
