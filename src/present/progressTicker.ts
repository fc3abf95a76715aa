import type { Clock } from '../clock';
import type { PlaybackState } from '../playback/playbackState';
import type { WindowActivity } from '../windowActivity';
import { SECOND_MS, SecondTicker } from './secondTicker';

// Moves the shown position on once a second from the last known one: no request, and only
// while someone can see it (focused window) and it moves (playing).

export class ProgressTicker extends SecondTicker {
  constructor(
    private readonly state: PlaybackState,
    private readonly window: Pick<WindowActivity, 'focused' | 'onDidChange'>,
    clock: Clock,
    /** The progress display is switched on. */
    private readonly wanted: () => boolean,
    onTick: () => void,
  ) {
    super(clock, onTick, [state.onDidChange, window.onDidChange]);
    this.update();
  }

  protected shouldTick(): boolean {
    const s = this.state.snapshot;
    const moving = this.state.availability.kind === 'active' && !!s?.isPlaying && !!s.item;
    return moving && this.window.focused && this.wanted();
  }

  protected msToNextSecond(): number {
    return SECOND_MS - (this.state.progressMs() % SECOND_MS);
  }
}
