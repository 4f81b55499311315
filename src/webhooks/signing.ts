/**
 * Webhook signatures: `X-Linkpace-Signature: sha256=<hex>`, the HMAC-SHA256 with the webhook's secret of
 * `<timestamp>.<body>`, where the timestamp is the `X-Linkpace-Timestamp` header (unix seconds). Signing the
 * timestamp with the body lets a receiver refuse replays of an old delivery.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export interface SignedRequest {
  secret: string;
  /** The X-Linkpace-Timestamp header as received. */
  timestamp: string;
  /** The raw request body, exactly as received. */
  body: string;
  /** The X-Linkpace-Signature header as received. */
  signature: string;
  /** Unix seconds now, and how far the timestamp may be from it (default 5 minutes). */
  nowSeconds: number;
  toleranceSeconds?: number;
}

/** What a receiver does (docs/webhooks.md): recompute, compare in constant time, check freshness. */
export function verifySignature(req: SignedRequest): boolean {
  const ts = Number(req.timestamp);
  if (!Number.isInteger(ts) || Math.abs(req.nowSeconds - ts) > (req.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(req.secret, ts, req.body));
  const given = Buffer.from(req.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A new secret: 32 random bytes, base64url (43 characters). */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
