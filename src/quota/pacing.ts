// The pacing rule: how long the focused window waits between its steady reads of what is playing,
// so the day's reads fit the budget. Reads that matter more (focus, a command, a track's end) come
// on top and restart this rhythm, so they replace a steady read rather than add one.

const HOUR_MS = 3600_000;
/** The working day a budget is spread over: this much use of VS Code in any 24 h. */
const USE_PER_DAY_MS = 8 * HOUR_MS;
/** What is left (plus what returns meanwhile) is spread over at least this long. */
const PACING_HORIZON_MS = HOUR_MS;
/** A window focused but not in use reads this many times more slowly than one in use. */
const IDLE_SLOWDOWN = 5;

export interface PaceInputs {
  /** `backbeat.dailyRequestBudget`; 0: no budget. */
  limit: number;
  /** What the reads Backbeat makes on its own may spend: the budget less the reserve. */
  share: number;
  /** Requests in the rolling 24 h, every kind and every window. */
  used: number;
  /** Requests that leave the rolling window within the pacing horizon. */
  returningSoon: number;
  /** The user's `backbeat.pollIntervalSeconds`: never faster. */
  pollIntervalMs: number;
  /** The slowest pace without a budget while focused but idle. */
  idleIntervalMs: number;
  inUse: boolean;
}

/**
 * Milliseconds between steady reads, or undefined while the share is spent (no steady reads until
 * requests leave the rolling window). In use: max(poll interval, 8 h ÷ share, 1 h ÷ what is left
 * for the next hour); the last term only matters when little is left, and grows as that runs out.
 */
export function rhythmIntervalMs(p: PaceInputs): number | undefined {
  let inUse = p.pollIntervalMs;
  if (p.limit > 0) {
    const left = p.share - p.used;
    if (left <= 0) return undefined;
    inUse = Math.max(inUse, USE_PER_DAY_MS / p.share, PACING_HORIZON_MS / (left + p.returningSoon));
  }
  return p.inUse ? inUse : Math.max(p.idleIntervalMs, IDLE_SLOWDOWN * inUse);
}
