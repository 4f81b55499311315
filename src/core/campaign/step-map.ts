/**
 * Which step of a campaign's new document each step of its previous one became (campaign update). Steps have no
 * names in a document, so they are matched by kind and order: the two lists are aligned (a longest common
 * subsequence) so that matched steps have the same kind and keep their order, preferring a step that is the same
 * in both (same delay and text) to one of the same kind that changed. So a changed text or delay keeps its step,
 * a step removed from the middle leaves the others matched, and a new step matches nothing.
 *
 * `map[i]` is the new index of old step i, or null when that step was removed. `after(i)` is where someone at
 * the removed step i goes on: the first new step after the last kept step before it (the next one that still
 * exists, or one added in its place).
 */
import type { CampaignStep } from "../model.js";

export interface StepMap {
  /** Old index -> new index, or null: removed. */
  map: Array<number | null>;
  /** The new steps that match no old one (added). */
  added: number[];
}

export function mapSteps(previous: readonly CampaignStep[], next: readonly CampaignStep[]): StepMap {
  const n = previous.length;
  const m = next.length;
  // score[i][j]: the best alignment of previous[i..] with next[j..]; a same step counts 3, a changed one 2.
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const pair = (i: number, j: number): number => {
    const a = previous[i] as CampaignStep;
    const b = next[j] as CampaignStep;
    if (a.kind !== b.kind) return -1;
    return JSON.stringify(a) === JSON.stringify(b) ? 3 : 2;
  };
  const at = (i: number, j: number): number => (score[i] as number[])[j] as number;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const p = pair(i, j);
      (score[i] as number[])[j] = Math.max(at(i + 1, j), at(i, j + 1), p < 0 ? -1 : p + at(i + 1, j + 1));
    }
  }
  const map: Array<number | null> = new Array<number | null>(n).fill(null);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const p = pair(i, j);
    if (p >= 0 && at(i, j) === p + at(i + 1, j + 1)) {
      map[i] = j;
      i++;
      j++;
    } else if (at(i, j) === at(i + 1, j)) i++;
    else j++;
  }
  const used = new Set(map.filter((x): x is number => x !== null));
  return { map, added: next.map((_, k) => k).filter((k) => !used.has(k)) };
}

/** Where someone at old step `i` goes on in the new document: its own step, or, removed, the next one that exists. */
export function stepAfter(map: StepMap, i: number): { step: number; kept: boolean } {
  const own = map.map[i];
  if (own !== undefined && own !== null) return { step: own, kept: true };
  for (let k = Math.min(i, map.map.length) - 1; k >= 0; k--) {
    const before = map.map[k];
    if (before !== undefined && before !== null) return { step: before + 1, kept: false };
  }
  return { step: 0, kept: false };
}
