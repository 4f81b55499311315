/** NotificationQueries of the memory store (../notifications.ts is the SQL one). */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

type NotificationQueries = Pick<Store, "appendNotification" | "readNotifications">;

export function notificationMethods(_ctx: MemoryContext): NotificationQueries {
  return placeholders<NotificationQueries>({ appendNotification: true, readNotifications: true });
}
