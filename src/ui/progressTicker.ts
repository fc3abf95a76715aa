import type { Clock, Disposable } from '../clock';
import type { PlaybackState } from '../playback/playbackState';
import type { WindowActivity } from '../playback/scheduler';

/**
 * Moves the shown position on once a second from the last known one: no request, and only
 * while someone can see it (focused window) and it moves (playing). Otherwise no timer exists.
 */
const SECOND_MS = 1000;

export class ProgressTicker implements Disposable {
  private timer: Disposable | undefined;
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly state: PlaybackState,
    private readonly window: Pick<WindowActivity, 'focused' | 'onDidChange'>,
    private readonly clock: Clock,
    /** The progress display is switched on. */
    private readonly wanted: () => boolean,
    private readonly onTick: () => void,
  ) {
    this.subscriptions = [state.onDidChange(() => this.update()), window.onDidChange(() => this.update())];
    this.update();
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Starts or stops the timer to match the state, window and setting. */
  update(): void {
    const s = this.state.snapshot;
    const moving = this.state.availability.kind === 'active' && !!s?.isPlaying && !!s.item;
    if (moving && this.window.focused && this.wanted()) {
      if (!this.timer) this.arm();
    } else {
      this.stop();
    }
  }

  private arm(): void {
    // Fire when the shown second changes, not a fixed second after an arbitrary start.
    const delay = SECOND_MS - (this.state.progressMs() % SECOND_MS);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.onTick();
      this.update();
    }, delay);
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
