// Time as the extension sees it; tests and the benchmark swap in a virtual one.
import type { Disposable } from './disposable';

export interface Clock {
  /** The wall clock (epoch ms): for what people read and what other windows and restarts share. It may jump. */
  now(): number;
  /**
   * Milliseconds from any origin that never go back: for intervals and deadlines inside this
   * process, so setting the wall clock back does not stop reads for as long.
   */
  monotonic(): number;
  /** Runs `callback` after `ms` of elapsed time (Node's timers ignore the wall clock too). */
  setTimeout(callback: () => void, ms: number): Disposable;
}

/**
 * A monotonic reading that also counts a sleep: the OS's monotonic clock stops while a laptop
 * sleeps (Linux, macOS) while the wall clock goes on, so each step counts the larger of the two
 * (a wall clock set back counts nothing). A deadline such as Spotify's quota then ends on time
 * after a night's sleep, and never hours late after the clock is set back.
 */
export function sleepAwareMonotonic(wall: () => number, monotonic: () => number): () => number {
  let lastWall = wall();
  let lastMonotonic = monotonic();
  let reading = lastMonotonic;
  return () => {
    const w = wall();
    const m = monotonic();
    reading += Math.max(m - lastMonotonic, w - lastWall, 0);
    lastWall = w;
    lastMonotonic = m;
    return reading;
  };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: sleepAwareMonotonic(
    () => Date.now(),
    () => performance.now(),
  ),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(handle) };
  },
};

/** Resolves after `ms` on the given clock. */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}
