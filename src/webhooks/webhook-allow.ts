/**
 * Where webhooks may be delivered. Every address that is not public (address-class.ts: loopback, private,
 * link-local, carrier-grade NAT, multicast, unspecified, …) is refused, when a webhook is added (the URL's own
 * address) and again at each delivery (every address its host name resolves to), unless the server's setting
 * LINKPACE_WEBHOOK_ALLOW allows it, for a receiver on the same machine or network (n8n on localhost).
 * The setting is a comma-separated list of:
 * - addresses and CIDRs ("127.0.0.1", "10.0.0.0/8", "::1"): they match addresses, those a URL names and those
 *   its host name resolves to;
 * - host names ("localhost", "n8n.internal"): they match a URL's host exactly, whatever it resolves to.
 */
import { LinkpaceError } from "../core/errors.js";
import { describeRange, nonPublicRange, type NonPublicRange } from "./address-class.js";
import { embeddedIpv4, inCidr, parseCidr, parseIp, type Cidr, type IpAddress } from "./ip-address.js";

export const WEBHOOK_ALLOW_ENV = "LINKPACE_WEBHOOK_ALLOW";
export const WEBHOOK_ALLOW_EXAMPLE = `${WEBHOOK_ALLOW_ENV}=localhost,127.0.0.1,10.0.0.0/8,n8n.internal`;

export interface WebhookAllow {
  /** Host names as the URL parser writes them (lower case). */
  hosts: ReadonlySet<string>;
  cidrs: readonly Cidr[];
}

export const NOTHING_ALLOWED: WebhookAllow = { hosts: new Set(), cidrs: [] };

/** Reads the setting; `where` names it in errors. */
export function parseWebhookAllow(text: string, where = WEBHOOK_ALLOW_ENV): WebhookAllow {
  const hosts = new Set<string>();
  const cidrs: Cidr[] = [];
  for (const entry of text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")) {
    const cidr = parseCidr(entry.replace(/^\[(.*)\]$/, "$1"));
    const host = cidr === null ? hostName(entry) : null;
    if (cidr !== null) cidrs.push(cidr);
    else if (host === null)
      throw new LinkpaceError(
        "invalid_input",
        `${where}: "${entry}" is not an address, a CIDR or a host name (expected e.g. ${WEBHOOK_ALLOW_EXAMPLE})`,
      );
    else {
      // The URL parser reads "2130706433" as 127.0.0.1: such an entry is an address, as in a webhook URL.
      const address = parseCidr(host);
      if (address !== null) cidrs.push(address);
      else hosts.add(host);
    }
  }
  return { hosts, cidrs };
}

/** A host name as a URL's `hostname` has it, or null when `entry` is not one. */
function hostName(entry: string): string | null {
  if (/[/?#@:\\\s]/.test(entry)) return null;
  try {
    return new URL(`http://${entry}/`).hostname;
  } catch {
    return null;
  }
}

/** The non-public block that holds `address` when the setting does not allow it; null when it may be reached. */
export function refusedAddress(address: IpAddress, allow: WebhookAllow): NonPublicRange | null {
  const range = nonPublicRange(address);
  if (range === null) return null;
  const inner = embeddedIpv4(address)?.address;
  return allow.cidrs.some((c) => inCidr(address, c) || (inner !== undefined && inCidr(inner, c))) ? null : range;
}

/** A URL's host without the brackets of an IPv6 address. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

const LOOPBACK = [parseIp("127.0.0.1"), parseIp("::1")] as IpAddress[];

/**
 * Why a webhook URL may not be added (null when it may): its host is a non-public address, or a name of the
 * local host (`localhost`, `*.localhost`: loopback, 127.0.0.1 or ::1 or both, so both must be allowed unless
 * the name is). Other names are checked at each delivery, after they are resolved: what a name resolves to
 * today says little about tomorrow.
 */
export function refusedUrl(url: URL, allow: WebhookAllow): string | null {
  if (allow.hosts.has(url.hostname)) return null;
  const host = bareHost(url);
  const address = parseIp(host);
  const fix = `to deliver to it, allow it where linkpace runs: ${WEBHOOK_ALLOW_ENV}=${host} (host names and CIDRs, comma-separated)`;
  if (address !== null) {
    const range = refusedAddress(address, allow);
    return range === null ? null : `webhook URL ${url.href} points to ${describeRange(range)}; ${fix}`;
  }
  const local = /^(.+\.)?localhost\.?$/.test(host);
  if (local && LOOPBACK.some((a) => refusedAddress(a, allow) !== null)) {
    return `webhook URL ${url.href} names the local host, a loopback address (127.0.0.0/8, ::1); ${fix}`;
  }
  return null;
}

/** Why an address that `host` resolved to may not be reached (null when it may). */
export function refusedResolved(host: string, address: string, allow: WebhookAllow): string | null {
  const ip = parseIp(address);
  if (ip === null) return `refused: ${host} resolves to "${address}", which is not an IP address`;
  const range = refusedAddress(ip, allow);
  if (range === null) return null;
  const what = host === address ? `${address} is` : `${host} resolves to ${address},`;
  return `refused: ${what} ${describeRange(range)}; allow it with ${WEBHOOK_ALLOW_ENV} (${host === address ? "the address" : "the host name"} or a CIDR that holds it)`;
}

/** The setting from the environment (LINKPACE_WEBHOOK_ALLOW); nothing allowed when it is unset or empty. */
export function webhookAllowFrom(env: Record<string, string | undefined>): WebhookAllow {
  const text = env[WEBHOOK_ALLOW_ENV];
  return text === undefined || text.trim() === "" ? NOTHING_ALLOWED : parseWebhookAllow(text);
}
