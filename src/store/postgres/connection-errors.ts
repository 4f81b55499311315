/** Connection failures described for a person: the URL without its password, the driver's reason. */

/** The URL with any password (in the authority or as a `password` parameter) removed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    u.searchParams.delete("password");
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1@");
  }
}

/** The reason, also when Node reports several attempts (IPv6 and IPv4) as an AggregateError with no message. */
export function describeError(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length > 0) return [...new Set(e.errors.map(describeError))].join("; ");
  if (e instanceof Error) {
    const code = (e as Error & { code?: unknown }).code;
    return e.message || (typeof code === "string" ? code : e.name);
  }
  return String(e);
}
