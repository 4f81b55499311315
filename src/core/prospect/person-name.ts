/**
 * A person's name: the first and last name the source gave, and the full name as it wrote it when it had a
 * full-name column. The full name is shown as written: "李伟" with first name 伟 and last name 李 is not
 * reordered into "伟 李". A full name alone is split only at a space ("Jane van Doe" → Jane / van Doe); one
 * without a space (李伟, a single word) cannot be split honestly: it is kept whole with no first name, so a
 * template's `{{ firstName | default: … }}` applies, and a template that needs a first name is not sendable.
 */
export interface PersonName {
  firstName: string;
  lastName: string;
  /** As written, or null: the first and last name say it all. */
  fullName: string | null;
}

/** The first and last name of a full name, split at its first space when it has one. */
export function namesFromFull(full: string): PersonName {
  const written = full.trim();
  const words = written.split(/\s+/).filter((w) => w !== "");
  if (words.length < 2) return { firstName: "", lastName: "", fullName: written === "" ? null : written };
  return { firstName: words[0] as string, lastName: words.slice(1).join(" "), fullName: written };
}

/** How a person is named: the full name as written, else the first and last name. */
export function personName(p: { firstName: string; lastName: string; fullName: string | null }): string {
  const written = p.fullName?.trim() ?? "";
  return written !== "" ? written : [p.firstName, p.lastName].filter((s) => s.trim() !== "").join(" ");
}
