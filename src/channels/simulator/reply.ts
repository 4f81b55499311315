/**
 * Whether and when a connection replies to the first message. Whether is a property of the (account, person)
 * pair, drawn from the seed alone; when counts from the first message.
 */
import { createRng, unitHash } from "../../core/random.js";
import { DAY, HOUR, type Instant } from "../../core/time.js";
import { ceilToSecond, logUniform } from "./acceptance.js";

const REPLY_MIN = 2 * HOUR;
const REPLY_MAX = 4 * DAY;

export interface ReplyFate {
  seed: number | string;
  account: string;
  prospect: string;
  replyRate: number;
  firstMessageAt: Instant;
}

/** When the reply to the first message arrives, or null when the person never replies. */
export function planReply(f: ReplyFate): Instant | null {
  if (unitHash(f.seed, "reply", f.account, f.prospect) >= f.replyRate) return null;
  const rng = createRng(f.seed, "reply-delay", f.account, f.prospect);
  return ceilToSecond(f.firstMessageAt + logUniform(rng, REPLY_MIN, REPLY_MAX));
}
