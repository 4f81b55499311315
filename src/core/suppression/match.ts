/**
 * The do-not-contact list, as pure functions: what a user types becomes one entry (a profile, a company, a
 * domain), and a prospect is checked against every entry. Values are normalised once, when an entry is made,
 * and the prospect's side the same way, so a check is a few set lookups.
 *
 * - profile: the canonical profile URL (core/prospect/profile-url.ts), as the importer keys people.
 * - company: lower case, accents and punctuation gone, `&` read as `and`, legal suffixes (Inc, Ltd, GmbH,
 *   SAS, S.r.l., Pty Ltd…) dropped from the end: "ACME, Inc." and "Acme" are one company.
 * - domain: a host, lower case, without `www.`; it matches an email column's domain or a website column's host,
 *   and their subdomains (`acme.com` covers `eu.acme.com`).
 * - hash: a salted SHA-256 of an identifier of a person who was erased (`linkpace forget`): the list keeps them
 *   out without keeping who they were. The hashing is the caller's (this module has no crypto); it is applied
 *   to every profile identifier and email address of a prospect.
 */
import { LinkpaceError } from "../errors.js";
import { normalizeProfileUrl } from "../prospect/profile-url.js";

export type SuppressionKind = "profile" | "company" | "domain" | "hash";
export const SUPPRESSION_KINDS: readonly SuppressionKind[] = ["profile", "company", "domain", "hash"];

/** An entry as it is matched: its kind and normalised value (and its id, to name it in a refusal). */
export interface SuppressionKey {
  id: number;
  kind: SuppressionKind;
  value: string;
  /** What the user typed (a hash entry has none to show). */
  input: string;
}

/** What a prospect is checked by: its canonical identifiers, its company and its other columns. */
export interface SuppressionSubject {
  identifiers: readonly string[];
  company: string;
  custom: Readonly<Record<string, string>>;
}

/** Legal forms, each as the tokens it leaves once punctuation is gone ("S.r.l." is s r l), dropped from the end. */
const LEGAL_SUFFIXES: ReadonlyArray<readonly string[]> = [
  "inc",
  "incorporated",
  "llc",
  "llp",
  "ltd",
  "limited",
  "gmbh",
  "ag",
  "kg",
  "sa",
  "s a",
  "sas",
  "s a s",
  "sarl",
  "s a r l",
  "bv",
  "b v",
  "nv",
  "n v",
  "oy",
  "oyj",
  "ab",
  "spa",
  "s p a",
  "srl",
  "s r l",
  "pty",
  "plc",
  "corp",
  "corporation",
  "and co",
  "co",
  "company",
].map((s) => s.split(" "));

/**
 * A company name for comparison: "" when nothing is left. Suffixes go only from the end and never take the
 * whole name ("AB" alone stays "ab").
 */
export function normalizeCompany(name: string): string {
  const plain = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ");
  const tokens = plain.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== "");
  for (let dropped = true; dropped;) {
    dropped = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (tokens.length <= suffix.length) continue;
      const tail = tokens.slice(tokens.length - suffix.length);
      if (tail.every((t, i) => t === suffix[i])) {
        tokens.length -= suffix.length;
        dropped = true;
        break;
      }
    }
  }
  return tokens.join(" ");
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A host from a domain, a URL or an email address: lower case (IDN as punycode), without `www.` or a trailing
 * dot; null when it is not a host name with at least one dot.
 */
export function normalizeDomain(raw: string): string | null {
  let text = raw.trim();
  const at = text.lastIndexOf("@");
  if (at >= 0) text = text.slice(at + 1);
  if (text === "") return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("www.")) host = host.slice(4);
  const labels = host.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1] as string)) return null;
  return host;
}

/** A header as the importer compares them: lower case, without spaces, `_`, `-` or `.`. */
function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s_.-]+/g, "");
}

/** Whether an imported extra column holds email addresses (email, Work Email, email_address…). */
export function isEmailColumn(header: string): boolean {
  const key = headerKey(header);
  return key.includes("email") || key === "mail";
}

const WEBSITE_KEYS = new Set(["domain", "companydomain", "companyurl", "homepage", "site", "web", "companysite", "companyhomepage"]);

/** Whether an imported extra column holds a website or domain (website, Company Website, companyDomain…). */
export function isWebsiteColumn(header: string): boolean {
  const key = headerKey(header);
  return key.includes("website") || WEBSITE_KEYS.has(key) || key.endsWith("domain");
}

/** The email addresses of a prospect's email columns, lower case (a cell may hold several). */
export function subjectEmails(subject: SuppressionSubject): string[] {
  const out: string[] = [];
  for (const [header, cell] of Object.entries(subject.custom)) {
    if (cell === "" || !isEmailColumn(header)) continue;
    for (const part of cell.split(/[\s,;]+/)) if (/^[^@\s]+@[^@\s]+$/.test(part)) out.push(part.toLowerCase());
  }
  return out;
}

/** The hosts of a prospect's email domains and website columns, normalised. */
export function subjectHosts(subject: SuppressionSubject): string[] {
  const hosts = new Set<string>();
  for (const email of subjectEmails(subject)) {
    const host = normalizeDomain(email);
    if (host !== null) hosts.add(host);
  }
  for (const [header, cell] of Object.entries(subject.custom)) {
    if (cell === "" || !isWebsiteColumn(header)) continue;
    for (const part of cell.split(/[\s,;]+/)) {
      const host = part === "" ? null : normalizeDomain(part);
      if (host !== null) hosts.add(host);
    }
  }
  return [...hosts];
}

/** An entry to add, from what a user typed: the kind is given, the value normalised, or a LinkpaceError. */
export function suppressionValue(kind: Exclude<SuppressionKind, "hash">, input: string, where = "input"): string {
  const text = input.trim();
  switch (kind) {
    case "profile": {
      const id = normalizeProfileUrl(text);
      if (id === null) throw new LinkpaceError("invalid_input", `${where}: ${JSON.stringify(input)} is not a LinkedIn profile URL`);
      return id.url;
    }
    case "company": {
      const value = normalizeCompany(text);
      if (value === "") throw new LinkpaceError("invalid_input", `${where}: ${JSON.stringify(input)} is not a company name`);
      return value;
    }
    case "domain": {
      const value = normalizeDomain(text);
      if (value === null)
        throw new LinkpaceError("invalid_input", `${where}: ${JSON.stringify(input)} is not a domain (such as example.com)`);
      return value;
    }
    default: {
      const never: never = kind;
      return never;
    }
  }
}

export type SuppressionMatcher = (subject: SuppressionSubject) => SuppressionKey | null;

/**
 * A matcher over `entries`. `hash` turns an identifier (a canonical profile URL, or an email address in lower
 * case) into the value of a hash entry; it is called only when there are hash entries.
 */
export function suppressionMatcher(entries: readonly SuppressionKey[], hash: (identifier: string) => string): SuppressionMatcher {
  const by: Record<SuppressionKind, Map<string, SuppressionKey>> = {
    profile: new Map(),
    company: new Map(),
    domain: new Map(),
    hash: new Map(),
  };
  for (const e of entries) if (!by[e.kind].has(e.value)) by[e.kind].set(e.value, e);
  const empty = entries.length === 0;
  return (subject) => {
    if (empty) return null;
    for (const id of subject.identifiers) {
      const hit = by.profile.get(id);
      if (hit) return hit;
    }
    if (by.company.size > 0 && subject.company !== "") {
      const hit = by.company.get(normalizeCompany(subject.company));
      if (hit) return hit;
    }
    if (by.domain.size > 0) {
      for (const host of subjectHosts(subject)) {
        const labels = host.split(".");
        for (let i = 0; i < labels.length - 1; i++) {
          const hit = by.domain.get(labels.slice(i).join("."));
          if (hit) return hit;
        }
      }
    }
    if (by.hash.size > 0) {
      for (const id of [...subject.identifiers, ...subjectEmails(subject)]) {
        const hit = by.hash.get(hash(id));
        if (hit) return hit;
      }
    }
    return null;
  };
}

/** How a refusal names the entry that matched: `suppressed (company "Acme Inc", entry 3)`. */
export function suppressedReason(entry: SuppressionKey): string {
  const what = entry.kind === "hash" ? "a person erased earlier" : `${entry.kind} ${JSON.stringify(entry.input || entry.value)}`;
  return `suppressed (${what}, entry ${entry.id})`;
}
