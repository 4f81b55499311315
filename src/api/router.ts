/**
 * The OpenAPIHono instance every route module registers on: request validation failures become problem+json
 * (422, with the field) through the default hook.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "./api-env.js";
import { problemFromZod, sendProblem } from "./problem.js";

export type Router = OpenAPIHono<ApiEnv>;

export function createRouter(): Router {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return sendProblem(c, problemFromZod(result.target, result.error));
      return undefined;
    },
  });
}
