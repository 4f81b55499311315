/**
 * The longest texts linkpace accepts in documents, request bodies and names, and how a message quotes what a
 * user wrote. The limits are far above any real value (IANA zone names are at most 32 characters, LinkedIn's
 * own messages at most 8,000), so they only stop a mistake or a hostile request from storing megabytes; the
 * quoting keeps an error about such a value short, whatever its size.
 */

/** Account, campaign, token and agent names. */
export const MAX_NAME_LENGTH = 100;
/** IANA time zone names. */
export const MAX_TIME_ZONE_LENGTH = 64;
/** Profile and webhook URLs. */
export const MAX_URL_LENGTH = 2048;
/** A campaign's note and message templates, before rendering. */
export const MAX_TEMPLATE_LENGTH = 8000;
/** A reply's text, pasted by whoever records it (LinkedIn's own messages are at most 8,000 characters). */
export const MAX_REPLY_LENGTH = 8000;
/** Webhook signing secrets and other short opaque strings (an instant, a token). */
export const MAX_SECRET_LENGTH = 256;

/** How many characters of a value a message quotes. */
const QUOTED_PREFIX = 40;

/** `text` in double quotes as JSON writes it; a long one is cut to its start, with its length: `"abc…" (12582912 characters)`. */
export function quote(text: string): string {
  if (text.length <= QUOTED_PREFIX) return JSON.stringify(text);
  // Never cut a character made of two UTF-16 units in half.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(QUOTED_PREFIX - 1)) ? QUOTED_PREFIX - 1 : QUOTED_PREFIX;
  return `${JSON.stringify(`${text.slice(0, end)}…`)} (${text.length} characters)`;
}

/** The message for a text over its limit, `what` naming it: `expected a name of at most 100 characters, got "aaa…" (5000 characters)`. */
export function tooLongMessage(what: string, text: string, max: number): string {
  return `expected ${what} of at most ${max} characters, got ${quote(text)}`;
}
