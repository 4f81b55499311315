/**
 * The keys an owner presses to report what happened on LinkedIn, per kind of task. One key, one outcome; the
 * outcome feeds the governor exactly as a simulator result would.
 */
import type { ActionKind, ActionResult } from "../core/model.js";

export interface OutcomeKey {
  key: string;
  label: string;
  result: ActionResult;
}

const DONE: OutcomeKey = { key: "d", label: "done", result: "ok" };
const UNAVAILABLE: OutcomeKey = { key: "u", label: "cannot (no button / profile unavailable)", result: "profile_unavailable" };

export function outcomeKeys(kind: ActionKind): OutcomeKey[] {
  switch (kind) {
    case "connect":
      return [
        DONE,
        { key: "a", label: "already connected", result: "already_connected" },
        UNAVAILABLE,
        { key: "w", label: "LinkedIn said the weekly limit is reached", result: "weekly_limit_reached" },
        { key: "n", label: "LinkedIn refused the note", result: "note_quota_reached" },
      ];
    case "visit":
      return [DONE, UNAVAILABLE];
    case "message":
      return [DONE, UNAVAILABLE, { key: "x", label: "not a connection (no Message button)", result: "not_connected" }];
    case "withdraw":
      return [
        DONE,
        { key: "a", label: "they accepted meanwhile", result: "already_connected" },
        { key: "x", label: "nothing pending any more", result: "not_connected" },
      ];
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** Keys every task screen also takes. */
export const COMMAND_KEYS = [
  { key: "r", label: "they replied (paste their reply, optional): the sequence stops if the campaign says stopOnReply" },
  { key: "s", label: "skip (not today)" },
  { key: "o", label: "open the profile in the browser" },
  { key: "c", label: "copy the text again" },
  { key: "q", label: "quit" },
] as const;
