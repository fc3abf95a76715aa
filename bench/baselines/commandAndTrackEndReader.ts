import type { Disposable } from '../../src/clock';
import type { SimulatedWindow } from '../benchWindow';
import type { Contender, SchedulerUnderTest } from '../contender';

/**
 * The terminal client's approach (spotify-player): no periodic reads. It reads once at start,
 * a few times after each command until Spotify has caught up, and when the current track should
 * end. It has no notion of focus: every window runs it.
 */
const READS_AFTER_COMMAND = 5;
const READ_SPACING_MS = 500;

class CommandAndTrackEndReader implements SchedulerUnderTest {
  private trackEnd: Disposable | undefined;
  private afterCommand: Disposable[] = [];
  private readonly subscription: Disposable;

  constructor(private readonly window: SimulatedWindow) {
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

  dispose(): void {
    this.cancel();
    this.subscription.dispose();
  }
}

export const commandAndTrackEndReader: Contender = {
  name: 'C: after commands + track end',
  honoursRetryAfter: false,
  create: (window) => new CommandAndTrackEndReader(window),
};
