/** ApiMetricsStore of the memory store (../api-metrics.ts is the SQL one): not written yet, each method throws. */
import type { ApiMetricsStore } from "../api-metrics.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function apiMetricsMethods(_ctx: MemoryContext): ApiMetricsStore {
  return placeholders<ApiMetricsStore>({ actionCounts: true, queueDepth: true });
}
