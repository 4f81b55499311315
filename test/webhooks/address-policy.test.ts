/** Where webhooks may go: the address classifier, the LINKPACE_WEBHOOK_ALLOW setting, and the check when a webhook is added. */
import { describe, expect, it } from "vitest";
import { LinkpaceError } from "../../src/core/errors.js";
import { describeRange, nonPublicRange } from "../../src/webhooks/address-class.js";
import { inCidr, parseCidr, parseIp, type Cidr, type IpAddress } from "../../src/webhooks/ip-address.js";
import { NOTHING_ALLOWED, parseWebhookAllow, webhookAllowFrom } from "../../src/webhooks/webhook-allow.js";
import { parseWebhookUrl } from "../../src/webhooks/webhook-config.js";

const ip = (text: string): IpAddress => {
  const a = parseIp(text);
  if (a === null) throw new Error(`test: ${text} is not an address`);
  return a;
};

describe("parseIp and parseCidr", () => {
  it("read canonical IPv4 and IPv6 addresses only", () => {
    expect(parseIp("127.0.0.1")).toEqual({ version: 4, value: 0x7f000001n });
    expect(parseIp("::1")).toEqual({ version: 6, value: 1n });
    expect(parseIp("::")).toEqual({ version: 6, value: 0n });
    expect(parseIp("::ffff:127.0.0.1")).toEqual(parseIp("::ffff:7f00:1"));
    expect(parseIp("2001:db8:0:0:0:0:0:1")).toEqual(parseIp("2001:db8::1"));
    expect(parseIp("fe80::1%eth0")).toEqual(parseIp("fe80::1"));
    for (const bad of [
      "",
      "127.1",
      "2130706433",
      "0x7f.0.0.1",
      "010.0.0.1",
      "256.0.0.1",
      "1.2.3.4.5",
      "1::2::3",
      ":1",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7",
      "1.2.3.4::",
      "g::1",
      "localhost",
    ]) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  it("match addresses against blocks, dropping bits after the prefix", () => {
    const block = parseCidr("10.1.2.3/8") as Cidr;
    expect(block).toEqual(parseCidr("10.0.0.0/8"));
    expect(inCidr(ip("10.255.0.1"), block)).toBe(true);
    expect(inCidr(ip("11.0.0.1"), block)).toBe(false);
    expect(inCidr(ip("::ffff:10.0.0.1"), block)).toBe(false); // another version; webhook-allow.ts unwraps mapped addresses
    expect(inCidr(ip("127.0.0.1"), parseCidr("127.0.0.1") as Cidr)).toBe(true);
    expect(inCidr(ip("127.0.0.2"), parseCidr("127.0.0.1") as Cidr)).toBe(false);
    expect(inCidr(ip("fd12::1"), parseCidr("fc00::/7") as Cidr)).toBe(true);
    for (const bad of ["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/08", "n8n.internal/8"])
      expect(parseCidr(bad), bad).toBeNull();
  });
});

describe("nonPublicRange", () => {
  const cases: Array<[address: string, kind: string | null, range?: string]> = [
    ["127.0.0.1", "loopback", "127.0.0.0/8"],
    ["127.255.255.254", "loopback", "127.0.0.0/8"],
    ["::1", "loopback", "::1/128"],
    ["0.0.0.0", "unspecified", "0.0.0.0/8"],
    ["::", "unspecified", "::/128"],
    ["10.0.0.1", "private", "10.0.0.0/8"],
    ["172.16.0.1", "private", "172.16.0.0/12"],
    ["172.31.255.255", "private", "172.16.0.0/12"],
    ["192.168.1.1", "private", "192.168.0.0/16"],
    ["fd00::1", "private (unique local)", "fc00::/7"],
    ["169.254.169.254", "link-local", "169.254.0.0/16"],
    ["fe80::1", "link-local", "fe80::/10"],
    ["100.64.0.1", "carrier-grade NAT", "100.64.0.0/10"],
    ["100.127.255.255", "carrier-grade NAT", "100.64.0.0/10"],
    ["224.0.0.1", "multicast", "224.0.0.0/4"],
    ["ff02::1", "multicast", "ff00::/8"],
    ["255.255.255.255", "broadcast", "255.255.255.255/32"],
    ["240.0.0.1", "reserved", "240.0.0.0/4"],
    ["192.0.2.1", "documentation", "192.0.2.0/24"],
    ["2001:db8::1", "documentation", "2001:db8::/32"],
    ["198.18.0.1", "benchmarking", "198.18.0.0/15"],
    ["::7f00:1", "IPv4-compatible (deprecated)", "::/96"],
    ["2002:7f00:1::1", "6to4", "2002::/16"],
    ["2001::1", "IETF protocol assignment", "2001::/23"],
    ["4000::1", "reserved", "outside 2000::/3"],
    // Public: just outside the blocks, and well-known public addresses.
    ["8.8.8.8", null],
    ["1.1.1.1", null],
    ["11.0.0.1", null],
    ["172.15.255.255", null],
    ["172.32.0.0", null],
    ["100.63.255.255", null],
    ["100.128.0.0", null],
    ["169.253.255.255", null],
    ["192.167.255.255", null],
    ["223.255.255.255", null],
    ["2606:4700:4700::1111", null],
    ["2a00:1450:4007:80c::200e", null],
    ["::ffff:8.8.8.8", null],
  ];
  it.each(cases)("%s: %s", (address, kind, range) => {
    const r = nonPublicRange(ip(address));
    expect(r === null ? null : r.kind).toBe(kind);
    if (range !== undefined) expect(r?.range).toBe(range);
  });

  it("judges an IPv6 address that stands for an IPv4 one as that address", () => {
    expect(nonPublicRange(ip("::ffff:127.0.0.1"))).toEqual({ kind: "loopback", range: "127.0.0.0/8", form: "IPv4-mapped" });
    expect(nonPublicRange(ip("::ffff:a9fe:a9fe"))).toEqual({ kind: "link-local", range: "169.254.0.0/16", form: "IPv4-mapped" });
    expect(nonPublicRange(ip("64:ff9b::10.0.0.1"))).toEqual({ kind: "private", range: "10.0.0.0/8", form: "NAT64" });
    expect(nonPublicRange(ip("64:ff9b::8.8.8.8"))).toBeNull();
    expect(describeRange({ kind: "loopback", range: "127.0.0.0/8", form: "IPv4-mapped" })).toBe(
      "a loopback address (127.0.0.0/8) in IPv4-mapped IPv6 form",
    );
    expect(describeRange({ kind: "unspecified", range: "0.0.0.0/8" })).toBe("an unspecified address (0.0.0.0/8)");
  });
});

describe("adding a webhook", () => {
  const refusals: Array<[url: string, message: RegExp]> = [
    [
      "http://127.0.0.1:5432/",
      /^webhook URL http:\/\/127\.0\.0\.1:5432\/ points to a loopback address \(127\.0\.0\.0\/8\); to deliver to it, allow it where linkpace runs: LINKPACE_WEBHOOK_ALLOW=127\.0\.0\.1/,
    ],
    ["http://2130706433/", /http:\/\/127\.0\.0\.1\/ points to a loopback address/],
    ["http://0x7f.1/", /http:\/\/127\.0\.0\.1\/ points to a loopback address/],
    ["http://017700000001/", /http:\/\/127\.0\.0\.1\/ points to a loopback address/],
    ["http://127.1:8080/", /points to a loopback address/],
    ["http://[::1]:8080/x", /http:\/\/\[::1\]:8080\/x points to a loopback address \(::1\/128\); .*LINKPACE_WEBHOOK_ALLOW=::1/],
    ["http://[::ffff:127.0.0.1]/", /points to a loopback address \(127\.0\.0\.0\/8\) in IPv4-mapped IPv6 form/],
    ["http://169.254.169.254/latest/meta-data/", /points to a link-local address \(169\.254\.0\.0\/16\)/],
    ["http://10.1.2.3/hook", /points to a private address \(10\.0\.0\.0\/8\)/],
    ["https://192.168.0.10/", /points to a private address \(192\.168\.0\.0\/16\)/],
    ["http://100.64.1.1/", /points to a carrier-grade NAT address/],
    ["http://0.0.0.0:8080/", /points to an unspecified address/],
    ["http://0/", /points to an unspecified address/],
    ["http://224.0.0.251/", /points to a multicast address/],
    ["http://[fd00::1]/", /points to a private \(unique local\) address \(fc00::\/7\)/],
    [
      "http://localhost:5678/webhook",
      /http:\/\/localhost:5678\/webhook names the local host, a loopback address .*LINKPACE_WEBHOOK_ALLOW=localhost/,
    ],
    ["http://LOCALHOST./", /names the local host/],
    ["http://n8n.localhost/", /names the local host/],
  ];
  it.each(refusals)("refuses %s without the setting", (url, message) => {
    expect(() => parseWebhookUrl(url, NOTHING_ALLOWED)).toThrow(LinkpaceError);
    expect(() => parseWebhookUrl(url, NOTHING_ALLOWED)).toThrow(message);
  });

  it("accepts public addresses and host names (names are checked again at each delivery, after DNS)", () => {
    for (const url of ["https://example.com/h", "http://8.8.8.8/", "https://[2606:4700:4700::1111]/", "http://n8n.internal:5678/"]) {
      expect(parseWebhookUrl(url, NOTHING_ALLOWED)).toBe(new URL(url).href);
    }
  });

  it("accepts what the setting allows: addresses and CIDRs in any spelling, host names exactly", () => {
    const allow = parseWebhookAllow("127.0.0.1, 10.0.0.0/8,[::1],n8n.internal, Localhost");
    expect(parseWebhookUrl("http://127.0.0.1:5432/", allow)).toBe("http://127.0.0.1:5432/");
    expect(parseWebhookUrl("http://2130706433/", allow)).toBe("http://127.0.0.1/");
    expect(parseWebhookUrl("http://[::ffff:127.0.0.1]/", allow)).toBe("http://[::ffff:7f00:1]/");
    expect(parseWebhookUrl("http://10.200.0.1/", allow)).toBe("http://10.200.0.1/");
    expect(parseWebhookUrl("http://[::1]/", allow)).toBe("http://[::1]/");
    expect(parseWebhookUrl("http://localhost:5678/", allow)).toBe("http://localhost:5678/");
    expect(() => parseWebhookUrl("http://127.0.0.2/", allow)).toThrow(/loopback/);
    expect(() => parseWebhookUrl("http://192.168.1.1/", allow)).toThrow(/private/);
    expect(() => parseWebhookUrl("http://n8n.localhost/", allow)).not.toThrow(); // 127.0.0.1 and ::1 are allowed: the local host may be reached
    expect(() => parseWebhookUrl("http://n8n.localhost/", parseWebhookAllow("127.0.0.1"))).toThrow(/names the local host/); // it may resolve to ::1 too
    expect(() => parseWebhookUrl("http://n8n.localhost/", parseWebhookAllow("localhost"))).toThrow(/names the local host/); // names match exactly
  });
});

describe("LINKPACE_WEBHOOK_ALLOW", () => {
  it("reads addresses, CIDRs and host names, comma-separated", () => {
    const allow = parseWebhookAllow(" n8n.internal ,127.0.0.1,10.0.0.0/8,,fd00::/8,2130706433, HOOKS.Example ");
    expect([...allow.hosts]).toEqual(["n8n.internal", "hooks.example"]);
    expect(allow.cidrs).toEqual(["127.0.0.1", "10.0.0.0/8", "fd00::/8", "127.0.0.1"].map(parseCidr));
    expect(webhookAllowFrom({})).toBe(NOTHING_ALLOWED);
    expect(webhookAllowFrom({ LINKPACE_WEBHOOK_ALLOW: "  " })).toBe(NOTHING_ALLOWED);
    expect([...webhookAllowFrom({ LINKPACE_WEBHOOK_ALLOW: "localhost" }).hosts]).toEqual(["localhost"]);
  });

  it("names the variable and the entry it cannot read", () => {
    for (const bad of ["10.0.0.0/33", "n8n.internal:5678", "http://n8n.internal", "a b", "fe80::/x"]) {
      expect(() => parseWebhookAllow(`127.0.0.1,${bad}`), bad).toThrow(
        `LINKPACE_WEBHOOK_ALLOW: "${bad}" is not an address, a CIDR or a host name (expected e.g. LINKPACE_WEBHOOK_ALLOW=`,
      );
    }
  });
});
