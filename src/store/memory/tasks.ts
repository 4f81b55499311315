/** TaskQueries of the memory store (../tasks.ts is the SQL one). */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

type TaskQueries = Pick<Store, "openTasks" | "openTasksByAccount" | "takeTask" | "letGoTask" | "releaseOpenAction" | "getReleasedAction">;

export function taskMethods(_ctx: MemoryContext): TaskQueries {
  return placeholders<TaskQueries>({
    openTasks: true,
    openTasksByAccount: true,
    takeTask: true,
    letGoTask: true,
    releaseOpenAction: true,
    getReleasedAction: true,
  });
}
