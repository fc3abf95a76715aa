// Virtual time for the stand-in Windows machine. It moves only while the script waits on a task
// (Task.Wait, or .Result on a task not done): what the test scheduled (a track change, a line on
// stdin) happens as time passes it. Many calls without time moving mean the script spins.

const SPIN_LIMIT = 5_000;

export class ScriptStuck extends Error {}

export class WindowsClock {
  private current = 0;
  private seq = 0;
  private events: { at: number; seq: number; run: () => void }[] = [];
  private callsSinceMove = 0;

  /** Milliseconds since the script started. */
  get now(): number {
    return this.current;
  }

  at(ms: number, run: () => void): void {
    this.events.push({ at: ms, seq: this.seq++, run });
  }

  /** Moves to `ms`, running what falls due on the way. */
  advanceTo(ms: number): void {
    for (;;) {
      const next = this.events.filter((e) => e.at <= ms).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.events = this.events.filter((e) => e !== next);
      this.moveTo(next.at);
      next.run();
    }
    this.moveTo(ms);
  }

  /** One call into .NET; throws once the script has made too many without time moving. */
  call(): void {
    if (++this.callsSinceMove > SPIN_LIMIT) throw new ScriptStuck(`the script spun: ${SPIN_LIMIT} calls into .NET at ${this.current} ms without waiting`);
  }

  private moveTo(ms: number): void {
    if (ms > this.current) this.callsSinceMove = 0;
    this.current = Math.max(this.current, ms);
  }
}
