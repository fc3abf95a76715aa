/** Deterministic randomness, so a test run on the same seed hears the same order and sees the same lags. */

/** mulberry32: tiny, good enough, reproducible. Returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SeededShuffle {
  private readonly next: () => number;

  constructor(seed = 0x5eed) {
    this.next = seededRandom(seed);
  }

  /** A play order over `count` items that starts with `first`, the rest shuffled. */
  orderStartingWith(count: number, first: number): number[] {
    const rest = [...Array(count).keys()].filter((i) => i !== first);
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [rest[i], rest[j]] = [rest[j], rest[i]];
    }
    return [first, ...rest];
  }
}
