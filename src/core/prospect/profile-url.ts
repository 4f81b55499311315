/**
 * PLACEHOLDER signature, implemented by the identity work: see DOMAIN.md "Profile URLs".
 */
export type ProfileIdKind = "slug" | "member" | "sales" | "profile_view" | "short";

export interface ProfileId {
  kind: ProfileIdKind;
  /** The canonical URL of this identifier (for `slug`: https://www.linkedin.com/in/<slug>). */
  url: string;
}

/** Canonicalises one profile URL (or bare slug-less identifier URL); null when it is not a LinkedIn person URL. */
export function normalizeProfileUrl(raw: string): ProfileId | null {
  throw new Error(`not implemented yet: ${raw}`);
}
