/**
 * Which addresses are not public: a webhook may reach them only when the server's setting allows them
 * (webhook-allow.ts). The blocks are IANA's special-purpose ones (RFC 6890 and its updates) plus multicast
 * and the reserved space; the first block that holds an address names it. An IPv6 address that stands for an
 * IPv4 one (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96) is judged as that IPv4 address, and an IPv6
 * address outside global unicast (2000::/3) is never public. Pure: no Node imports.
 */
import { embeddedIpv4, inCidr, parseCidr, type Cidr, type IpAddress } from "./ip-address.js";

export interface NonPublicRange {
  /** What kind of address: "loopback", "private", "link-local", … */
  kind: string;
  /** The block that holds it, e.g. "127.0.0.0/8". */
  range: string;
  /** Set when an IPv6 address stood for this IPv4 one. */
  form?: "IPv4-mapped" | "NAT64";
}

const BLOCKS: ReadonlyArray<readonly [range: string, kind: string]> = [
  ["0.0.0.0/8", "unspecified"], // "this network"; Linux connects 0.0.0.0 to the local host
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "carrier-grade NAT"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"], // cloud metadata services live at 169.254.169.254
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "IETF protocol assignment"],
  ["192.0.2.0/24", "documentation"],
  ["192.88.99.0/24", "6to4 relay"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["255.255.255.255/32", "broadcast"],
  ["240.0.0.0/4", "reserved"],
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["::/96", "IPv4-compatible (deprecated)"],
  ["100::/64", "discard-only"],
  ["2001::/23", "IETF protocol assignment"], // Teredo (2001::/32) among them
  ["2001:db8::/32", "documentation"],
  ["2002::/16", "6to4"],
  ["fc00::/7", "private (unique local)"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "site-local (deprecated)"],
  ["ff00::/8", "multicast"],
];

const TABLE: ReadonlyArray<{ cidr: Cidr; range: string; kind: string }> = BLOCKS.map(([range, kind]) => ({
  cidr: parseCidr(range) as Cidr,
  range,
  kind,
}));
const GLOBAL_UNICAST = parseCidr("2000::/3") as Cidr;

/** The non-public block that holds `address`, or null when the address is public. */
export function nonPublicRange(address: IpAddress): NonPublicRange | null {
  const inner = embeddedIpv4(address);
  if (inner !== null) {
    const range = nonPublicRange(inner.address);
    return range === null ? null : { ...range, form: inner.form };
  }
  const hit = TABLE.find((b) => inCidr(address, b.cidr));
  if (hit) return { kind: hit.kind, range: hit.range };
  if (address.version === 6 && !inCidr(address, GLOBAL_UNICAST)) return { kind: "reserved", range: "outside 2000::/3" };
  return null;
}

/** "a loopback address (127.0.0.0/8)", "a private address (10.0.0.0/8) in IPv4-mapped IPv6 form". */
export function describeRange(r: NonPublicRange): string {
  const article = /^[aeiou]/i.test(r.kind) ? "an" : "a";
  return `${article} ${r.kind} address (${r.range})${r.form ? ` in ${r.form} IPv6 form` : ""}`;
}
