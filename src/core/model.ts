/**
 * The domain's shared vocabulary: parsed account and campaign documents, actions, results and network events
 * (the event log's lines). Parsing and validation live in campaign/; these are the shapes everything else relies on.
 */

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local time window, minutes since local midnight: start inclusive, end exclusive (end may be 1440). */
export interface TimeWindow {
  startMinute: number;
  endMinute: number;
}

/** Days and windows in some zone's local time. */
export interface WeeklyHours {
  days: Weekday[];
  windows: TimeWindow[];
}

export type AccountType = "free" | "premium" | "sales_navigator";

export interface AccountLimits {
  invitesPerWeek: number;
  invitesPerDay: number;
  messagesPerDay: number;
  visitsPerDay: number;
  pendingMax: number;
  /** null: unlimited (the default on paid types). */
  notesPerMonth: number | null;
  /** Least time between two actions, ms. */
  minGap: number;
  /** Least time between two tasks during a sitting (a person working through the queue), ms. */
  sittingGap: number;
}

/**
 * How an account's day is paced: `drip` spreads the actions over the working hours with at least `minGap`
 * between two (a bot must look human); `sittings` hands out tasks only while the person who does them has a
 * sitting open, back to back with `sittingGap` between two. Every budget and window applies to both.
 */
export const PACINGS = ["drip", "sittings"] as const;
export type Pacing = (typeof PACINGS)[number];

export interface AccountDoc {
  name: string;
  timezone: string;
  type: AccountType;
  /** `YYYY-MM-DD`, or null when unknown (treated as an established account). */
  created: string | null;
  workingHours: WeeklyHours;
  warmup: "auto" | "off";
  pacing: Pacing;
  limits: AccountLimits;
  /** Derived: 200 on free, 300 on paid types. */
  noteMaxLength: number;
}

export const STEP_KINDS = ["visit", "connect", "message", "withdraw"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * One of several texts a step may send (core/campaign/variants.ts): the engine chooses one per action and learns
 * which does best. A connect's variant may send no note (text null).
 */
export interface TextVariant {
  name: string;
  text: string | null;
  /** Paused by hand: never chosen (a step keeps at least one variant not paused). */
  paused?: boolean;
}

export type CampaignStep =
  | { kind: "visit"; after: number }
  | {
      kind: "connect";
      after: number;
      /** Liquid source, or null for no note; with variants, the first variant's. */
      note: string | null;
      /** Present when the document lists several notes (a single note is no variant). */
      variants?: TextVariant[];
      noteFallback: "blank" | "skip";
      /** ms, or null: never withdraw. */
      withdrawAfter: number | null;
    }
  | {
      kind: "message";
      after: number;
      /** Liquid source; with variants, the first variant's. */
      text: string;
      variants?: TextVariant[];
    }
  | { kind: "withdraw"; after: number };

export interface CampaignDoc {
  name: string;
  account: string;
  schedule: {
    /** "recipient" or one IANA zone for every prospect. */
    timezone: "recipient" | string;
    hours: WeeklyHours;
    /**
     * Send-time learning: invitations go first to the due prospects whose local hour has done better
     * (engine/send-times.ts). On when absent; false turns it off.
     */
    learn?: boolean;
  };
  stopOnReply: boolean;
  /**
   * The campaign's weight in its account's shared daily budgets (core/governor/fair-share.ts): a positive
   * number, 1 when absent (documents stored before the field have none).
   */
  priority?: number;
  /**
   * With variants: once one is best with probability ≥ 95% and each has enough decided, the others stop being
   * sent (core/learning/bandit.ts). False when absent.
   */
  autoWinner?: boolean;
  steps: CampaignStep[];
}

export type ActionKind = StepKind;

export const FAILURE_CODES = [
  "weekly_limit_reached",
  "note_quota_reached",
  "cannot_resend_yet",
  "already_connected",
  "not_connected",
  "restricted",
  "profile_unavailable",
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];
export type ActionResult = "ok" | FailureCode;

export type NetworkEventKind = "accepted" | "replied" | "restricted";
export const NETWORK_EVENT_KINDS: readonly NetworkEventKind[] = ["accepted", "replied", "restricted"];

/** How a prospect's time zone was found: which step gave the answer, so a guess shows as one. */
export type ZoneSource =
  | "explicit" // a timezone column or field
  | "metro" // curated LinkedIn metro name ("San Francisco Bay Area")
  | "city" // a city, ranked by population, filtered by country when known
  | "region" // a state or region
  | "country" // a country with a single UTC offset (or its dominant zone)
  | "campaign" // the campaign schedule names one zone for everyone
  | "sender"; // nothing known: the sender's zone

/** A prospect as imported: what linkpace knows about a person before enrolling them. */
export interface ProspectInput {
  /** Every identifier URL found, canonicalised (profile-url.ts); the first is the display identifier. */
  identifiers: string[];
  firstName: string;
  lastName: string;
  /** The name as the source wrote it in a full-name column, when it had one (core/prospect/person-name.ts). */
  fullName?: string | null;
  company: string;
  title: string;
  location: string;
  /** Explicit IANA zone, when the source had one. */
  timezone: string | null;
  /** Already a first-degree connection of the sender (LinkedIn Connections.csv, or `connected: true`). */
  connected: boolean;
  /** Other columns, by their header. */
  custom: Record<string, string>;
  /** LinkedIn member id (`vmid`), when known. */
  memberId?: string | null;
}
