import type { Disposable } from '../../src/disposable';
import type { ReadScheduling } from '../../src/playback/scheduler';
import type { Contender, ContenderWindow } from '../contender';

// The terminal client's approach (spotify-player): no periodic reads. It reads once at start,
// a few times after each command until Spotify has caught up, and when the current track should
// end. It has no notion of focus: every window runs it.

const READS_AFTER_COMMAND = 5;
const READ_SPACING_MS = 500;

class CommandAndTrackEndReader implements ReadScheduling {
  private trackEnd: Disposable | undefined;
  private afterCommand: Disposable[] = [];
  private readonly subscription: Disposable;

  constructor(private readonly window: ContenderWindow) {
    this.subscription = window.state.onDidChange(() => this.planTrackEndRead());
  }

  setEnabled(enabled: boolean): void {
    if (enabled) void this.read();
    else this.cancel();
  }

  confirmAfterCommand(): void {
    this.afterCommand.forEach((t) => t.dispose());
    this.afterCommand = Array.from({ length: READS_AFTER_COMMAND }, (_, i) =>
      this.window.clock.setTimeout(() => void this.read(), (i + 1) * READ_SPACING_MS),
    );
  }

  private planTrackEndRead(): void {
    this.trackEnd?.dispose();
    const untilEnd = this.window.state.msUntilItemEnds();
    // 0: the state is already at the end, so the read that just happened was that track end's.
    this.trackEnd = untilEnd ? this.window.clock.setTimeout(() => void this.read(), untilEnd) : undefined;
  }

  private async read(): Promise<void> {
    try {
      this.window.state.observe(await this.window.client.playback());
    } catch {
      // The last state stays on screen.
    }
  }

  private cancel(): void {
    this.trackEnd?.dispose();
    this.afterCommand.forEach((t) => t.dispose());
    this.afterCommand = [];
  }

  /** These clients have no "refresh now" or timing setting. */
  async refreshNow(): Promise<void> {}

  timingChanged(): void {}

  dispose(): void {
    this.cancel();
    this.subscription.dispose();
  }
}

export const commandAndTrackEndReader: Contender = {
  id: 'C',
  name: 'C: after commands + track end',
  reading: (window) => new CommandAndTrackEndReader(window),
};
