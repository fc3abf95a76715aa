import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import { Emitter } from '../emitter';

// One gate for every request to the Web API: after a 429 nothing is sent until Spotify's
// `Retry-After` has passed, because retrying early lengthens the penalty for every user of the app.

export const DEFAULT_RETRY_AFTER_SECONDS = 30;
/** Spotify sometimes says `Retry-After: 0` while limiting (spotify/web-api #542): a short wait, not none. */
export const ZERO_RETRY_AFTER_SECONDS = 5;
/** A guard against absurd headers; Spotify has asked for a day, which is still honoured up to this. */
export const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;

/** A Retry-After header in seconds (capped at a day), or undefined when it is missing or unreadable. */
export function retryAfterSeconds(retryAfterHeader: string | null): number | undefined {
  // Number('') is 0: an empty header must not mean "retry at once".
  const text = retryAfterHeader?.trim();
  const parsed = text ? Number(text) : NaN;
  return Number.isFinite(parsed) && parsed >= 0 ? Math.min(Math.ceil(parsed), MAX_RETRY_AFTER_SECONDS) : undefined;
}

export class RetryAfterGate {
  /** When the wait ends, on the monotonic clock: setting the wall clock back does not lengthen it. */
  private until = 0;
  private reopen: Disposable | undefined;
  private readonly changed = new Emitter<void>();
  /** The gate closed or opened. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly clock: Clock) {}

  /** Milliseconds left to wait, or 0 when requests may go out. */
  msLeft(): number {
    return Math.max(0, this.until - this.clock.monotonic());
  }

  /** Seconds left to wait, or 0 when requests may go out. */
  remainingSeconds(): number {
    return Math.ceil(this.msLeft() / 1000);
  }

  /** Parses a Retry-After header (seconds) and closes the gate; returns the seconds applied. */
  block(retryAfterHeader: string | null): number {
    const asked = retryAfterSeconds(retryAfterHeader) ?? DEFAULT_RETRY_AFTER_SECONDS;
    const seconds = asked === 0 ? ZERO_RETRY_AFTER_SECONDS : asked;
    const until = this.clock.monotonic() + seconds * 1000;
    if (until > this.until) {
      this.until = until;
      this.changed.fire();
      this.reopen?.dispose();
      this.reopen = this.clock.setTimeout(() => {
        this.reopen = undefined;
        this.changed.fire();
      }, seconds * 1000 + 1);
    }
    return seconds;
  }

  dispose(): void {
    this.reopen?.dispose();
    this.changed.dispose();
  }
}
