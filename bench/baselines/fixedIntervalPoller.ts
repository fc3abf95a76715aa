import type { Disposable } from '../../src/disposable';
import type { ReadScheduling } from '../../src/playback/scheduler';
import type { Contender, ContenderWindow } from '../contender';

// Today's pollers: on a fixed interval, read the playback state (plus, for some, more endpoints);
// nothing else decides when. Failures are ignored and the last state stays on screen.

interface FixedIntervalOptions {
  intervalMs: number;
  /** false: only the focused window reads. */
  everyWindow: boolean;
  /** GET paths read on every tick besides /me/player. */
  extraEndpoints: string[];
}

class FixedIntervalPoller implements ReadScheduling {
  private timer: Disposable | undefined;

  constructor(
    private readonly window: ContenderWindow,
    private readonly options: FixedIntervalOptions,
  ) {}

  setEnabled(enabled: boolean): void {
    this.timer?.dispose();
    this.timer = undefined;
    if (enabled) this.tick();
  }

  /** The next tick shows the command's effect. */
  confirmAfterCommand(): void {}

  private tick(): void {
    this.timer = this.window.clock.setTimeout(() => this.tick(), this.options.intervalMs);
    if (this.options.everyWindow || this.window.activity.focused) void this.read();
  }

  private async read(): Promise<void> {
    const { client, state } = this.window;
    const [playback] = await Promise.allSettled([
      client.playback(),
      ...this.options.extraEndpoints.map((path) => client.http.request('GET', path)),
    ]);
    if (playback.status === 'fulfilled') state.observe(playback.value);
  }

  /** These clients have no "refresh now" or timing setting. */
  async refreshNow(): Promise<void> {}

  timingChanged(): void {}

  dispose(): void {
    this.setEnabled(false);
  }
}

export function fixedIntervalPoller(id: string, name: string, options: FixedIntervalOptions): Contender {
  return { id, name, reading: (window) => new FixedIntervalPoller(window, options) };
}
