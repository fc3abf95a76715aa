import type { Clock } from '../src/clock';
import type { Disposable } from '../src/disposable';
import { VirtualClock } from '../emulator';
import type { InFlightRequests } from './inFlightRequests';

// One virtual clock for the extension code (now + setTimeout) and the emulator (now). Time jumps
// from timer to timer, and only once everything is quiet: no HTTP request on the wire and no
// promise chain left to run. A simulated hour then takes seconds, with real HTTP in between.

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

/** Rounds of the event loop that must pass with nothing in flight before time may move. */
const QUIET_ROUNDS = 3;
const IMMEDIATES_PER_ROUND = 10;

export class VirtualTime extends VirtualClock implements Clock {
  private timers: Timer[] = [];
  private seq = 0;

  constructor(
    private readonly requests: InFlightRequests,
    startMs?: number,
  ) {
    super(startMs);
  }

  /** Virtual time never goes back, and no test sets a wall clock wrong on it. */
  monotonic(): number {
    return this.now();
  }

  setTimeout(callback: () => void, ms: number): Disposable {
    const timer: Timer = { at: this.now() + Math.max(0, ms), seq: this.seq++, callback };
    this.timers.push(timer);
    return { dispose: () => (this.timers = this.timers.filter((t) => t !== timer)) };
  }

  /** Runs every timer due up to `endMs` in order, letting real I/O finish between them. */
  async runUntil(endMs: number): Promise<void> {
    for (;;) {
      await this.quiet();
      const due = this.nextTimer(endMs);
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      if (due.at > this.now()) this.set(due.at);
      due.callback();
    }
    if (endMs > this.now()) this.set(endMs);
    await this.quiet();
  }

  private nextTimer(endMs: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) {
      if (t.at <= endMs && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t;
    }
    return best;
  }

  /** Waits until no request is in flight and promise chains have settled for a few rounds. */
  async quiet(): Promise<void> {
    for (let calm = 0; calm < QUIET_ROUNDS; ) {
      if (this.requests.active > 0) {
        await this.requests.idle();
        calm = 0;
        continue;
      }
      for (let i = 0; i < IMMEDIATES_PER_ROUND; i++) await new Promise((resolve) => setImmediate(resolve));
      calm = this.requests.active > 0 ? 0 : calm + 1;
    }
  }
}
