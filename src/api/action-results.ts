import { FAILURE_CODES, type ActionResult } from "../core/model.js";

/** Every result an action can have: `ok` or LinkedIn's refusal. */
export const ACTION_RESULTS = ["ok", ...FAILURE_CODES] as const satisfies readonly ActionResult[];
