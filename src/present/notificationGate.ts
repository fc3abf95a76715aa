import type { Clock } from '../clock';

// Decides whether a failure's notification may be shown: one per cause. While a cause's
// notification is open, or shortly after it closed, repeats are not shown (they go to the log).
// Kept free of `vscode` so the rule is tested on Node as the Notifier applies it.

const QUIET_AFTER_MS = 30_000;

export class NotificationGate {
  private readonly open = new Set<string>();
  private readonly lastShown = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** True when a notification for `cause` should be shown now; it then counts as open. */
  tryOpen(cause: string): boolean {
    const last = this.lastShown.get(cause) ?? -Infinity;
    if (this.open.has(cause) || this.clock.monotonic() - last < QUIET_AFTER_MS) return false;
    this.open.add(cause);
    this.lastShown.set(cause, this.clock.monotonic());
    return true;
  }

  /** The user closed it (or chose an action): the quiet period starts now. */
  closed(cause: string): void {
    this.open.delete(cause);
    this.lastShown.set(cause, this.clock.monotonic());
  }
}
