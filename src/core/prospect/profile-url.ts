/**
 * Profile identity. Lead lists spell one person's URL many ways: `http`, no scheme,
 * locale subdomains, mobile paths, trailing `/details/…`, percent-encoded or decoded Unicode, legacy `/pub/`.
 * Each is reduced to one canonical URL so two rows about the same person compare equal as strings.
 *
 * Some identifiers cannot be turned into a public slug offline (member ids, Sales Navigator leads,
 * `/profile/view?id=`, `lnkd.in` short links); they are kept as identifiers of their own `kind`, and the
 * caller matches a person on any of them. Their ids are case-sensitive, so only slugs are lower-cased.
 */
export type ProfileIdKind = "slug" | "member" | "sales" | "profile_view" | "short";

export interface ProfileId {
  kind: ProfileIdKind;
  /** The canonical URL of this identifier (for `slug`: https://www.linkedin.com/in/<slug>). */
  url: string;
}

const LINKEDIN = "https://www.linkedin.com";

/** Member ids are base64-like URNs that start `ACoAA` / `ACwAA`; a lower-cased copy is no longer one. */
const MEMBER_ID = /^AC[a-zA-Z]AA[A-Za-z0-9_-]{4,}$/;
/** Opaque ids (Sales Navigator, profile/view, lnkd.in): never a slash, space or comma. */
const OPAQUE_ID = /^[A-Za-z0-9_-]+$/;
/** Vanity slugs: letters in any script, digits, `-`, `_`, `.`; LinkedIn caps them at 100 characters. */
const SLUG = /^[\p{L}\p{M}\p{N}_.-]{1,100}$/u;
/** The three short groups of a legacy `/pub/<name>/x/y/z` URL. */
const PUB_PART = /^[0-9a-z]{1,3}$/i;
/** Hosts that serve the same profiles: bare, `www`, mobile, or a locale such as `uk.` or `fr.`. */
const LINKEDIN_HOST = /^(?:(?:www|m|mobile|touch|[a-z]{2})\.)?linkedin\.com$/;
const SHORT_HOST = /^(?:www\.)?lnkd\.in$/;

/** Canonicalises one profile URL (or bare slug-less identifier URL); null when it is not a LinkedIn person URL. */
export function normalizeProfileUrl(raw: string): ProfileId | null {
  const url = parseLoose(raw);
  if (url === null) return null;
  const host = url.hostname.toLowerCase();
  const segments = pathSegments(url.pathname);
  if (segments === null) return null;
  if (SHORT_HOST.test(host)) return shortLink(segments);
  if (!LINKEDIN_HOST.test(host)) return null;
  // Mobile web serves profiles under /m/in/… and /mwlite/in/…: the same page without the prefix.
  const first = segments[0]?.toLowerCase();
  const path = first === "m" || first === "mwlite" ? segments.slice(1) : segments;
  // LinkedIn answers `/IN/`, `/Pub/`…: the route is case-insensitive, the ids after it are not.
  switch (path[0]?.toLowerCase()) {
    case "in":
      return inPath(path[1]);
    case "pub":
      return pubPath(path);
    case "sales":
      return salesPath(path);
    case "profile":
      return path[1]?.toLowerCase() === "view" ? profileView(url.searchParams.get("id")) : null;
    default:
      return null;
  }
}

/**
 * Every identifier of one person found among several raw values (e.g. all URL columns of one CSV row),
 * canonical and without duplicates. The first slug comes first because it is the display identifier;
 * the others keep their input order.
 */
export function profileIdentifiers(values: Array<string | null | undefined>): ProfileId[] {
  const seen = new Set<string>();
  const ids: ProfileId[] = [];
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const id = normalizeProfileUrl(value);
    if (id === null || seen.has(id.url)) continue;
    seen.add(id.url);
    ids.push(id);
  }
  const slugAt = ids.findIndex((id) => id.kind === "slug");
  if (slugAt > 0) ids.unshift(...ids.splice(slugAt, 1));
  return ids;
}

/** Parses with or without a scheme; only http(s), and scheme-less input only when it names a known host. */
function parseLoose(raw: string): URL | null {
  const text = raw.trim();
  if (text === "" || /\s/.test(text)) return null;
  let candidate = text;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    const bare = text.replace(/^\/\//, "");
    if (!/^(?:[a-z0-9-]+\.)*(?:linkedin\.com|lnkd\.in)(?:[/?#]|$)/i.test(bare)) return null;
    candidate = `https://${bare}`;
  }
  try {
    const url = new URL(candidate);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/** Non-empty path segments, percent-decoded; null when the encoding is broken. */
function pathSegments(pathname: string): string[] | null {
  const out: string[] = [];
  for (const part of pathname.split("/")) {
    if (part === "") continue;
    try {
      out.push(decodeURIComponent(part));
    } catch {
      return null;
    }
  }
  return out;
}

function inPath(id: string | undefined): ProfileId | null {
  if (id === undefined) return null;
  if (MEMBER_ID.test(id)) return { kind: "member", url: `${LINKEDIN}/in/${id}` };
  return slugId(id);
}

function slugId(raw: string): ProfileId | null {
  // Decoded input (Waalaxy) and percent-encoded input (LinkedIn) may differ in normal form: NFC makes them equal.
  const slug = raw.normalize("NFC").toLowerCase();
  return SLUG.test(slug) ? { kind: "slug", url: `${LINKEDIN}/in/${slug}` } : null;
}

/** Legacy public URLs put the id after the name in reverse groups: /pub/jane-doe/1a/2b/3c → jane-doe-3c2b1a. */
function pubPath(path: string[]): ProfileId | null {
  const [, name, x, y, z] = path;
  if (name === undefined || x === undefined || y === undefined || z === undefined) return null;
  if (![x, y, z].every((part) => PUB_PART.test(part))) return null;
  return slugId(`${name}-${z}${y}${x}`);
}

/** `/sales/lead/<id>,NAME_SEARCH,<token>`: only the part before the first comma names the person. */
function salesPath(path: string[]): ProfileId | null {
  const route = path[1]?.toLowerCase();
  if (route !== "lead" && route !== "people") return null;
  const id = path[2]?.split(",")[0];
  if (id === undefined || !OPAQUE_ID.test(id)) return null;
  return { kind: "sales", url: `${LINKEDIN}/sales/lead/${id}` };
}

function profileView(id: string | null): ProfileId | null {
  const trimmed = id?.trim();
  if (trimmed === undefined || !OPAQUE_ID.test(trimmed)) return null;
  return { kind: "profile_view", url: `${LINKEDIN}/profile/view?id=${trimmed}` };
}

function shortLink(segments: string[]): ProfileId | null {
  const code = segments[0];
  if (code === undefined || !OPAQUE_ID.test(code)) return null;
  return { kind: "short", url: `https://lnkd.in/${code}` };
}
