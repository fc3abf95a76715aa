// Virtual time for a stand-in machine running one of the desktop-app helper scripts (the Mac's
// JXA, Windows PowerShell). It moves only while the script waits (`delay`, the run loop,
// Task.Wait): what the test scheduled (a click in Spotify, a line on stdin) happens as time passes
// it. A script that keeps calling into the system while time stands still is spinning; the clock
// notices.

export class ScriptClock {
  private current = 0;
  private seq = 0;
  private events: { at: number; seq: number; run: () => void }[] = [];
  private callsSinceMove = 0;
  spun = false;

  /** `spinLimit`: calls into the system without time moving, beyond which a script counts as spinning. */
  constructor(private readonly spinLimit: number) {}

  /** Milliseconds since the script started. */
  get now(): number {
    return this.current;
  }

  at(ms: number, run: () => void): void {
    this.events.push({ at: ms, seq: this.seq++, run });
  }

  /** Runs the next thing due no later than `ms`; false when there is none. */
  runNextBy(ms: number): boolean {
    const next = this.events.filter((e) => e.at <= ms).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
    if (!next) return false;
    this.events = this.events.filter((e) => e !== next);
    this.moveTo(next.at);
    next.run();
    return true;
  }

  /** Moves to `ms`, running what falls due on the way. */
  advanceTo(ms: number): void {
    while (this.runNextBy(ms));
    this.moveTo(ms);
  }

  /** One call into the system; true once the script has made too many without time moving. */
  call(): boolean {
    this.callsSinceMove++;
    if (this.callsSinceMove > this.spinLimit) this.spun = true;
    return this.spun;
  }

  private moveTo(ms: number): void {
    if (ms > this.current) this.callsSinceMove = 0;
    this.current = Math.max(this.current, ms);
  }
}
