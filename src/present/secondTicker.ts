import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import type { Event } from '../emitter';

// Re-renders something once a second, on the second boundary, only while it needs to; no timer
// exists otherwise and no request is ever made. Subclasses say when to tick and where the next
// shown second starts; they call `update()` once their own fields are set.

export const SECOND_MS = 1000;

export abstract class SecondTicker implements Disposable {
  private timer: Disposable | undefined;
  private readonly subscriptions: Disposable[];

  protected constructor(
    private readonly clock: Clock,
    private readonly onTick: () => void,
    changes: Event<void>[],
  ) {
    this.subscriptions = changes.map((event) => event(() => this.update()));
  }

  protected abstract shouldTick(): boolean;
  /** Milliseconds until the displayed second changes. */
  protected abstract msToNextSecond(): number;

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Starts or stops the timer to match what the subclass says. */
  update(): void {
    if (!this.shouldTick()) {
      this.stop();
    } else if (!this.timer) {
      this.timer = this.clock.setTimeout(() => {
        this.timer = undefined;
        this.onTick();
        this.update();
      }, this.msToNextSecond());
    }
  }

  private stop(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
