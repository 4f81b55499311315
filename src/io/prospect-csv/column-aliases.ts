/**
 * Header names as the tools that write lead lists spell them (PhantomBuster, Evaboot, Apollo, Waalaxy, …),
 * compared after `normalizeHeader`: `Linkedin URL Public`, `linkedinUrlPublic` and `linkedin_url_public` are
 * one name. Within each list the first alias present in a header wins.
 */

/** Lower case without spaces, `_`, `-` or `.`. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_.-]+/g, "");
}

/**
 * Columns that may hold a profile URL, most public first. Every one present feeds the row's identifiers:
 * the same person's slug URL, member-id URL and Sales Navigator URL all identify them.
 */
export const URL_ALIASES = [
  "defaultprofileurl", // PhantomBuster: the public /in/<slug>
  "linkedinurlpublic", // Evaboot
  "personlinkedinurl", // Apollo
  "linkedinurl", // Waalaxy, plain
  "linkedinprofileurl", // PhantomBuster (member-id URL), newer PhantomBuster
  "profileurl", // PhantomBuster (Sales Navigator URL), plain
  "salesnavigatorurl", // Evaboot, Waalaxy
  "url", // LinkedIn Connections.csv, plain
  "linkedin",
  "linkedinprofile",
  "profilelink",
  "profile",
] as const;

/** How the error message names the URL columns it looked for. */
export const URL_ALIASES_SHOWN = [
  "profileUrl",
  "linkedin",
  "url",
  "linkedinUrl",
  "defaultProfileUrl",
  "Linkedin URL Public",
  "Person Linkedin Url",
  "Sales Navigator URL",
  "profile",
];

export type MappedField =
  | "firstName"
  | "lastName"
  | "fullName"
  | "company"
  | "title"
  | "location"
  | "timezone"
  | "city"
  | "state"
  | "country"
  | "connected"
  | "memberId"
  | "profileSlug"
  | "profileUrn";

export const FIELD_ALIASES: Record<MappedField, readonly string[]> = {
  firstName: ["firstname", "first", "givenname"],
  lastName: ["lastname", "last", "surname", "familyname"],
  fullName: ["fullname", "name"],
  company: ["company", "companyname", "linkedincompanyname", "currentcompany"],
  // `Position` is Connections.csv's, `Current Job` Evaboot's, `occupation` Waalaxy's, `job` PhantomBuster's.
  title: ["title", "jobtitle", "linkedinjobtitle", "currentjob", "position", "occupation", "job"],
  location: ["location"],
  timezone: ["timezone", "tz"],
  city: ["city"],
  state: ["state", "region"],
  country: ["country"],
  connected: ["connected"],
  memberId: ["vmid"],
  profileSlug: ["linkedinprofileslug"],
  profileUrn: ["linkedinprofileurn"],
};

/** Columns a header may have instead of a URL column: a newer PhantomBuster slug gives the URL too. */
const IDENTIFIER_HEADERS: ReadonlySet<string> = new Set([...URL_ALIASES, "linkedinprofileslug"]);

/** Whether a column can give a row its profile identifier; the header row is the one that has such a column. */
export function isIdentifierHeader(header: string): boolean {
  return IDENTIFIER_HEADERS.has(normalizeHeader(header));
}
