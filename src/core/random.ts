/**
 * Seeded randomness. Anything random in linkpace takes an Rng so that a seed reproduces a run exactly.
 * The generator is sfc32; seeds are strings or numbers hashed with cyrb53-style mixing.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
}

/** A 32-bit hash of any number of parts; the same parts always give the same value. */
export function hash32(...parts: ReadonlyArray<string | number>): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const text = parts.join("\u0001");
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** A float in [0, 1) determined only by its parts: for decisions that must not depend on call order. */
export function unitHash(...parts: ReadonlyArray<string | number>): number {
  return hash32(...parts) / 4294967296;
}

export function createRng(...seed: ReadonlyArray<string | number>): Rng {
  let a = hash32(...seed, "a");
  let b = hash32(...seed, "b");
  let c = hash32(...seed, "c");
  let d = 1;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
  };
}
