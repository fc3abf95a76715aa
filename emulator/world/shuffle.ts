/** Deterministic shuffling, so a test run on the same seed hears the same order. */
export class SeededShuffle {
  private seed: number;

  constructor(seed = 0x5eed) {
    this.seed = seed;
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

  /** mulberry32: tiny, good enough, reproducible. */
  private next(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
