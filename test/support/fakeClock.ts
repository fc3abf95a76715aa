import type { Clock } from '../../src/clock';
import type { Disposable } from '../../src/disposable';

/** A clock the test moves by hand; timers fire in order as it advances. */
export class FakeClock implements Clock {
  private timers: { at: number; seq: number; callback: () => void }[] = [];
  private seq = 0;

  constructor(private current = Date.UTC(2026, 10, 28, 12)) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): Disposable {
    const timer = { at: this.current + Math.max(0, ms), seq: this.seq++, callback };
    this.timers.push(timer);
    return { dispose: () => (this.timers = this.timers.filter((t) => t !== timer)) };
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** When the next timer is due, or undefined. */
  nextTimerAt(): number | undefined {
    return this.timers.length ? Math.min(...this.timers.map((t) => t.at)) : undefined;
  }

  /** Moves time forward, firing due timers one by one and letting promises settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
    }
    this.current = end;
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

  /** Jumps the wall clock without firing timers, as a laptop waking from sleep does. */
  jump(ms: number): void {
    this.current += ms;
  }
}

/** Lets pending promise chains (and real I/O already completed) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}
