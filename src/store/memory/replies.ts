/** ReplyStore of the memory store (../replies.ts is the SQL one): not written yet, each method throws. */
import type { ReplyStore } from "../replies.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function replyMethods(_ctx: MemoryContext): ReplyStore {
  return placeholders<ReplyStore>({
    recordReply: true,
    findReply: true,
    latestReply: true,
    fillReplyText: true,
    getReply: true,
    setReplyHandled: true,
    listReplies: true,
  });
}
