/** InvitationOutcomeStore of the memory store (../invitation-outcomes.ts is the SQL one): not written yet, each method throws. */
import type { InvitationOutcomeStore } from "../invitation-outcomes.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function invitationOutcomeMethods(_ctx: MemoryContext): InvitationOutcomeStore {
  return placeholders<InvitationOutcomeStore>({ invitationOutcomes: true });
}
