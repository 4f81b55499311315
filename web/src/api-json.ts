/**
 * Names for the JSON of the API's answers, taken from the generated api-types.ts (npm run gen:api-types), so
 * that the dashboard compiles against what the server's schemas say instead of a copy kept by hand.
 */
import type { components, paths } from "./api-types.js";

type Method = "get" | "post" | "put" | "patch" | "delete";

/** The JSON body of the answer `status` (200 unless told) of `method path`, e.g. `ApiJson<"/v1/status", "get">`. */
export type ApiJson<P extends keyof paths, M extends Method, S extends number = 200> =
  NonNullable<paths[P][M]> extends { responses: infer R }
    ? S extends keyof R
      ? R[S] extends { content: { "application/json": infer J } }
        ? J
        : never
      : never
    : never;

/** A named schema of the OpenAPI document (components.schemas). */
export type ApiSchema<N extends keyof components["schemas"]> = components["schemas"][N];
