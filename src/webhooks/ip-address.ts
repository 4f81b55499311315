/**
 * IP addresses and CIDR blocks as numbers, for the webhook address policy (address-class.ts, webhook-allow.ts).
 * Pure: no Node imports. Only the canonical spellings are read (dotted decimal IPv4 without leading zeros;
 * IPv6 with `::` and an optional dotted IPv4 tail), which is what resolvers return and what the WHATWG URL
 * parser turns every other spelling into: `new URL("http://0x7f.1/").hostname` is "127.0.0.1".
 */

export interface IpAddress {
  version: 4 | 6;
  /** 32 bits for IPv4, 128 for IPv6. */
  value: bigint;
}

export interface Cidr {
  version: 4 | 6;
  /** The first address of the block (bits after the prefix are zero). */
  base: bigint;
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

/** The address, or null when `text` is not a canonical IPv4 or IPv6 address (an IPv6 zone, `%eth0`, is ignored). */
export function parseIp(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = text.includes(":") ? parseIpv6(text.replace(/%.*$/, "")) : null;
  return v6 === null ? null : { version: 6, value: v6 };
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const p of parts) {
    // No leading zeros: "010" is octal to some parsers and decimal to others.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return null;
    value = (value << 8n) | BigInt(p);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = halves.map((h) => (h === "" ? [] : h.split(":")));
  const words = groups.map((g, i) => ipv6Words(g, i === groups.length - 1));
  if (words.some((w) => w === null)) return null;
  const [head = [], tail = []] = words as number[][];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail].reduce(
    (acc, w) => (acc << 16n) | BigInt(w),
    0n,
  );
}

/** The 16-bit words of colon-separated groups; a dotted IPv4 address may end the address (two words). */
function ipv6Words(groups: string[], last: boolean): number[] | null {
  const words: number[] = [];
  for (const [i, g] of groups.entries()) {
    if (last && i === groups.length - 1 && g.includes(".")) {
      const v4 = parseIpv4(g);
      if (v4 === null) return null;
      words.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (/^[0-9a-f]{1,4}$/i.test(g)) words.push(parseInt(g, 16));
    else return null;
  }
  return words;
}

/** "10.0.0.0/8", "fc00::/7", or one address ("127.0.0.1" is 127.0.0.1/32); bits after the prefix are dropped. */
export function parseCidr(text: string): Cidr | null {
  const [addressText = "", prefixText, ...rest] = text.split("/");
  const address = parseIp(addressText);
  if (address === null || rest.length > 0) return null;
  const bits = BITS[address.version];
  if (prefixText !== undefined && !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return null;
  return { version: address.version, base: mask(address.value, bits, prefix), prefix };
}

export function inCidr(address: IpAddress, cidr: Cidr): boolean {
  return address.version === cidr.version && mask(address.value, BITS[cidr.version], cidr.prefix) === cidr.base;
}

function mask(value: bigint, bits: number, prefix: number): bigint {
  const host = BigInt(bits - prefix);
  return (value >> host) << host;
}

const IPV4_MAPPED = parseCidr("::ffff:0:0/96") as Cidr;
const NAT64 = parseCidr("64:ff9b::/96") as Cidr;

/** The IPv4 address an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) IPv6 address stands for, else null. */
export function embeddedIpv4(address: IpAddress): { address: IpAddress; form: "IPv4-mapped" | "NAT64" } | null {
  const form = inCidr(address, IPV4_MAPPED) ? "IPv4-mapped" : inCidr(address, NAT64) ? "NAT64" : null;
  return form === null ? null : { address: { version: 4, value: address.value & 0xffffffffn }, form };
}
