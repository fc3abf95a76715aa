import { Clock, sleepAwareMonotonic } from '../src/clock';
import type { Disposable } from '../src/disposable';
import type { InFlightRequests } from './inFlightRequests';

// The one simulated clock of the tests and the benchmark: timers fire in order as it is moved on,
// by hand (`advance`, `runUntil`) or alongside real time (`run`). Told about the HTTP requests in
// flight, it moves only when they are answered, so the emulator never answers for a moment that
// already passed, and a simulated day takes seconds with real HTTP in between.

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

/** Rounds of the event loop that must pass with no request in flight before time may move. */
const QUIET_ROUNDS = 3;
const IMMEDIATES_PER_ROUND = 10;

/**
 * Like a real computer it has three times: the world's (Spotify's: `world` is the emulator's
 * clock), the wall clock (which may be set wrong or changed) and the OS's monotonic clock (which
 * timers run on and which stops while the machine sleeps). `monotonic()` reads them as the real
 * clock does (src/clock.ts).
 */
export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private seq = 0;
  /** The OS's monotonic clock: what timers run on. Of the wall clock's magnitude, so converting between them loses no precision. */
  private running: number;
  private slept = 0;
  /** How far the wall clock was set away from the world's time. */
  private wallError = 0;
  readonly monotonic: () => number;
  /** The world's time, for the emulator: a wrong wall clock here does not change Spotify's. */
  readonly world = { now: () => this.worldNow() };

  constructor(
    start = Date.UTC(2026, 10, 28, 12),
    /** This process's HTTP requests on the wire: time moves only when they are answered. */
    private readonly requests?: Pick<InFlightRequests, 'active' | 'idle'>,
  ) {
    this.running = start;
    this.monotonic = sleepAwareMonotonic(
      () => this.now(),
      () => this.running,
    );
  }

  /** The time everyone else (Spotify, the emulator) goes by. */
  private worldNow(): number {
    return this.running + this.slept;
  }

  now(): number {
    return this.worldNow() + this.wallError;
  }

  setTimeout(callback: () => void, ms: number): Disposable {
    const timer = { at: this.running + Math.max(0, ms), seq: this.seq++, callback };
    this.timers.push(timer);
    return { dispose: () => (this.timers = this.timers.filter((t) => t !== timer)) };
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** When the next timer is due, by the wall clock, or undefined. */
  nextTimerAt(): number | undefined {
    const next = this.nextTimer(Infinity);
    return next && next.at + this.slept + this.wallError;
  }

  /** Moves time forward, firing due timers one by one and letting promises (and requests) settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.running + ms;
    for (;;) {
      await this.calm();
      const due = this.nextTimer(end);
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.running = Math.max(this.running, due.at);
      due.callback();
    }
    this.running = Math.max(this.running, end);
    await this.calm();
  }

  /** Moves time on until the wall clock reads `endMs`. */
  runUntil(endMs: number): Promise<void> {
    return this.advance(Math.max(0, endMs - this.now()));
  }

  /** The earliest timer due by `end`, the first set among equals; one pass, as a day's run sets thousands. */
  private nextTimer(end: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) {
      if (t.at <= end && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t;
    }
    return best;
  }

  /** Lets fake time flow alongside real time (for code that waits on real I/O and timers together). */
  run(stepMs = 250, everyRealMs = 2): () => void {
    let busy = false;
    const handle = setInterval(() => {
      if (busy) return;
      busy = true;
      void this.advance(stepMs).finally(() => (busy = false));
    }, everyRealMs);
    return () => clearInterval(handle);
  }

  /** A laptop sleeping for `ms`: the world and the wall clock move on; the OS's monotonic clock and its timers do not. */
  jump(ms: number): void {
    this.slept += ms;
  }

  /** The wall clock is set by `ms` (negative: back), by hand or by time sync; time itself goes on as before. */
  setWallClockBy(ms: number): void {
    this.wallError += ms;
  }

  /** Lets promise chains run; told about requests, also waits until none is in flight for a few rounds. */
  private async calm(): Promise<void> {
    if (!this.requests) return settle();
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

/** Lets pending promise chains (and real I/O already completed) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}
