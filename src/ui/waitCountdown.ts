import type { Clock, Disposable } from '../clock';
import type { PlaybackState } from '../playback/playbackState';

/**
 * Keeps "Spotify asked to wait 2m" true while the wait lasts: a tick each second re-renders it.
 * Only while waiting; no request is made, and no timer exists otherwise.
 */
const SECOND_MS = 1000;

export class WaitCountdown implements Disposable {
  private timer: Disposable | undefined;
  private readonly subscription: Disposable;

  constructor(
    private readonly state: PlaybackState,
    private readonly clock: Clock,
    private readonly onTick: () => void,
  ) {
    this.subscription = state.onDidChange(() => this.update());
    this.update();
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  private update(): void {
    const availability = this.state.availability;
    if (availability.kind !== 'waiting' || availability.until <= this.clock.now()) {
      this.stop();
    } else if (!this.timer) {
      // Tick when the shown second changes.
      const delay = (availability.until - this.clock.now()) % SECOND_MS || SECOND_MS;
      this.timer = this.clock.setTimeout(() => {
        this.timer = undefined;
        this.onTick();
        this.update();
      }, delay);
    }
  }

  private stop(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
    this.subscription.dispose();
  }
}
