/**
 * The addresses one delivery attempt may connect to. The host is resolved here, once, and every address it
 * resolves to must be allowed (webhook-allow.ts); post-delivery.ts then connects only to these addresses, so a
 * name whose DNS answer changes between the check and the connection (DNS rebinding) cannot slip through.
 */
import { lookup } from "node:dns/promises";
import { parseIp } from "./ip-address.js";
import { bareHost, refusedResolved, type WebhookAllow } from "./webhook-allow.js";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (the system's: dns.lookup; tests inject their own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export type Target = { ok: true; addresses: ResolvedAddress[] } | { ok: false; error: string };

export async function resolveTarget(url: URL, allow: WebhookAllow, resolve: Resolver): Promise<Target> {
  const host = bareHost(url);
  const literal = parseIp(host);
  if (literal !== null) {
    const refused = refusedResolved(host, host, allow);
    return refused === null ? { ok: true, addresses: [{ address: host, family: literal.version }] } : { ok: false, error: refused };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return { ok: false, error: `cannot resolve ${host}${typeof code === "string" ? ` (${code})` : ""}` };
  }
  if (addresses.length === 0) return { ok: false, error: `cannot resolve ${host} (no address)` };
  // A host name the setting allows is trusted whatever it resolves to.
  if (!allow.hosts.has(url.hostname)) {
    for (const a of addresses) {
      const refused = refusedResolved(host, a.address, allow);
      if (refused !== null) return { ok: false, error: refused };
    }
  }
  return { ok: true, addresses };
}
