import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import type { WindowActivity } from '../windowActivity';

// A request Backbeat makes on its own to learn one thing about the item playing: where it plays
// (when the desktop app becomes the truth) or whether it is liked. Whatever keeps asking (a desktop
// app that comes and goes every few seconds, another process taking its place on the bus, a crash
// loop, a run of short tracks), it goes out at most once per item and once a minute, and only while
// this window is focused; one that has to wait goes out when it may, if it is still wanted. These
// limits hold with or without a daily budget, so no such cause can spend the day.

export const CHECK_GAP_MS = 60_000;

interface BackgroundCheckOptions {
  clock: Clock;
  window: WindowActivity;
  /** Sends the check for `item`. */
  check(item: string): void;
}

export class BackgroundCheck implements Disposable {
  private lastAt = -Infinity;
  /** The item last checked: it is not checked again until another one has been. */
  private checked: string | undefined;
  private wanted: string | undefined;
  private timer: Disposable | undefined;
  private readonly subscription: Disposable;

  constructor(private readonly options: BackgroundCheckOptions) {
    this.subscription = options.window.onDidChange(() => this.attempt());
  }

  /** `item` needs its check (undefined: nothing does any more). */
  want(item: string | undefined): void {
    this.wanted = item;
    this.attempt();
  }

  /** Another session: what was checked for the last one says nothing now (the minute's limit stays). */
  forget(): void {
    this.checked = undefined;
  }

  private attempt(): void {
    this.timer?.dispose();
    this.timer = undefined;
    const item = this.wanted;
    if (item === undefined || item === this.checked || !this.options.window.focused) return;
    const { clock } = this.options;
    const wait = this.lastAt + CHECK_GAP_MS - clock.monotonic();
    if (wait > 0) {
      this.timer = clock.setTimeout(() => this.attempt(), wait);
      return;
    }
    this.lastAt = clock.monotonic();
    this.checked = item;
    this.wanted = undefined;
    this.options.check(item);
  }

  dispose(): void {
    this.timer?.dispose();
    this.subscription.dispose();
  }
}
