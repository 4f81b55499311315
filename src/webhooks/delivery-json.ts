/** A webhook delivery as the CLI's `webhook deliveries --json` and the API's deliveries route show it: instants in UTC. */
import { formatInstant, type Instant } from "../core/time.js";
import type { DeliveryRow } from "../store/webhooks.js";

const at = (t: Instant | null): string | null => (t === null ? null : formatInstant(t));

export function deliveryJson(d: DeliveryRow) {
  return {
    id: d.id,
    deliveryId: d.deliveryId,
    webhook: d.webhookId,
    notification: d.notificationId,
    event: d.kind,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastAttemptAt: at(d.lastAttemptAt),
    nextAttemptAt: d.status === "pending" ? at(d.nextAttemptAt) : null,
    deliveredAt: at(d.deliveredAt),
    createdAt: formatInstant(d.createdAt),
  };
}
