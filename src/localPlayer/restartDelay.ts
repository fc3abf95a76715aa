import type { Clock } from '../clock';

// How long to wait before reconnecting to the OS path or restarting a helper that died: 1 s, then
// doubling up to 5 minutes, so a broken setup costs almost nothing; a run that lasted a while
// starts the count again.
const FIRST_MS = 1_000;
const MAX_MS = 5 * 60_000;
const STABLE_MS = 60_000;

export class RestartDelay {
  private failures = 0;
  private startedAt = 0;

  constructor(private readonly clock: Clock) {}

  /** A run starts now. */
  started(): void {
    this.startedAt = this.clock.monotonic();
  }

  /** The run ended badly: how long to wait before the next. */
  failed(): number {
    if (this.clock.monotonic() - this.startedAt >= STABLE_MS) this.failures = 0;
    this.failures++;
    return Math.min(MAX_MS, FIRST_MS * 2 ** (this.failures - 1));
  }
}
