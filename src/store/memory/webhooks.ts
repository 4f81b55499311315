/** WebhookStore of the memory store (../webhooks.ts is the SQL one): not written yet, each method throws. */
import type { WebhookStore } from "../webhooks.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function webhookMethods(_ctx: MemoryContext): WebhookStore {
  return placeholders<WebhookStore>({
    insertWebhook: true,
    listWebhooks: true,
    getWebhook: true,
    deleteWebhook: true,
    lockWebhook: true,
    outboxAfter: true,
    insertDeliveries: true,
    setWebhookCursor: true,
    claimDueDeliveries: true,
    recordDeliveryAttempt: true,
    listDeliveries: true,
  });
}
