/**
 * web/src/api-types.ts is generated from the OpenAPI document (scripts/api-types.mjs): a route whose schema
 * changed without `npm run gen:api-types` would leave the dashboard compiling against the old JSON.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script, without type declarations
import { API_TYPES_PATH, apiTypesSource, openApiDocument } from "../../scripts/api-types.mjs";
import { createApi } from "../../src/api/create-api.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";

describe("the dashboard's API types", () => {
  it("are what the current OpenAPI document generates (else: npm run gen:api-types)", async () => {
    const fresh = (await apiTypesSource(await openApiDocument(createApi, openSqliteStore))) as string;
    expect(readFileSync(API_TYPES_PATH, "utf8") === fresh, "web/src/api-types.ts is out of date: run npm run gen:api-types").toBe(true);
  });
});
