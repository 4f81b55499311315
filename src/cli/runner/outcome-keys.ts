/** The outcome keys live in src/runner/ (the terminal runner and the API share them). */
export { COMMAND_KEYS, outcomeKeys, type OutcomeKey } from "../../runner/outcome-keys.js";
