/** ApiTokenStore of the memory store (../api-tokens.ts is the SQL one): not written yet, each method throws. */
import type { ApiTokenStore } from "../api-tokens.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function apiTokenMethods(_ctx: MemoryContext): ApiTokenStore {
  return placeholders<ApiTokenStore>({
    insertWorkspace: true,
    getWorkspace: true,
    listWorkspaces: true,
    insertApiToken: true,
    findApiToken: true,
    listApiTokens: true,
    revokeApiToken: true,
  });
}
