import { Clock, sleepAwareMonotonic } from '../../src/clock';
import type { Disposable } from '../../src/disposable';

/**
 * A clock the test moves by hand; timers fire in order as it advances. Like a real computer it
 * has three times: the world's (Spotify's, for the emulator), the wall clock (which may be set
 * wrong or changed) and the OS's monotonic clock (which timers run on and which stops while the
 * machine sleeps). `monotonic()` reads them as the real clock does (src/clock.ts).
 */
export class FakeClock implements Clock {
  private timers: { at: number; seq: number; callback: () => void }[] = [];
  private seq = 0;
  /** The OS's monotonic clock: what timers run on. Of the wall clock's magnitude, so converting between them loses no precision. */
  private running: number;
  private slept = 0;
  /** How far the wall clock was set away from the world's time. */
  private wallError = 0;
  readonly monotonic: () => number;

  constructor(start = Date.UTC(2026, 10, 28, 12)) {
    this.running = start;
    this.monotonic = sleepAwareMonotonic(
      () => this.now(),
      () => this.running,
    );
  }

  /** The time everyone else (Spotify, the emulator) goes by. */
  worldNow(): number {
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
    return this.timers.length ? Math.min(...this.timers.map((t) => t.at)) + this.slept + this.wallError : undefined;
  }

  /** Moves time forward, firing due timers one by one and letting promises settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.running + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.running = Math.max(this.running, due.at);
      due.callback();
    }
    this.running = end;
    await settle();
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
}

/** Lets pending promise chains (and real I/O already completed) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}
