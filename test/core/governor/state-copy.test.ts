/** copyGovernorState: what structuredClone gave for a state (the governor's functions change only their copy). */
import { describe, expect, it } from "vitest";
import { copyGovernorState, initialGovernorState, type GovernorState } from "../../../src/core/governor/state.js";

/** Every field set, every nested one non-empty: a copy that shares any object with it is caught below. */
const FULL: GovernorState = {
  ...initialGovernorState(),
  firstActiveDay: "2027-03-01",
  today: { connect: 1, message: 2, visit: 3, withdraw: 4 },
  inviteTimes: [1, 2],
  pendingSince: [1],
  nextByKind: { visit: 5 },
  limitSignals: [6],
  decided: [1, 0],
  sitting: { from: 1, until: 2 },
  share: { connect: { clock: 1, uses: { "7": 2 } } },
};

/** The objects reachable from `v`, by path. */
function objects(v: unknown, path = "state"): Array<[string, object]> {
  if (typeof v !== "object" || v === null) return [];
  return [[path, v], ...Object.entries(v).flatMap(([k, c]) => objects(c, `${path}.${k}`))];
}

describe("copyGovernorState", () => {
  it("equals structuredClone's copy and shares no object with the state", () => {
    for (const state of [FULL, initialGovernorState(), { ...FULL, extra: { legacy: [1, undefined] }, pauseReason: undefined }]) {
      const copy = copyGovernorState(state as GovernorState);
      expect(copy).toStrictEqual(structuredClone(state));
      const before = new Map(objects(state));
      for (const [path, o] of objects(copy)) expect(o, path).not.toBe(before.get(path));
    }
  });

  it("keeps a __proto__ key (JSON.parse's own property) without setting the prototype", () => {
    const state = { ...FULL, share: JSON.parse('{"__proto__": {"x": 1}}') as GovernorState["share"] };
    const copy = copyGovernorState(state);
    expect(Object.getPrototypeOf(copy.share)).toBe(Object.prototype);
    expect(Object.keys(copy.share)).toEqual(["__proto__"]);
  });
});
