/** The runner's logic lives in src/runner/ (the terminal runner and the API share it). */
export { Runner, SKIP_DELAY, TASK_LEASE, type RunnerView } from "../../runner/runner.js";
