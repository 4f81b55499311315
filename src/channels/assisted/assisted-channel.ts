/**
 * The assisted channel: linkpace never touches linkedin.com; each released
 * action becomes a task that the account's owner performs in a few seconds and reports with one key. The
 * action stays in flight until then (Engine.recordResult), or is released unperformed (Engine.releaseTask).
 */
import type { ActionOutcome, Channel } from "../channel.js";

export class AssistedChannel implements Channel {
  readonly name = "assisted";
  readonly inline = false;

  async perform(): Promise<ActionOutcome> {
    return { status: "deferred" };
  }
}
