import type { Clock } from '../clock';
import type { PlaybackState } from '../playback/playbackState';
import { SECOND_MS, SecondTicker } from './secondTicker';

/** Keeps "Spotify asked to wait 2m" true while the wait lasts: a tick each second re-renders it. */
export class WaitCountdown extends SecondTicker {
  constructor(
    private readonly state: PlaybackState,
    private readonly waitClock: Clock,
    onTick: () => void,
  ) {
    super(waitClock, onTick, [state.onDidChange]);
    this.update();
  }

  protected shouldTick(): boolean {
    const availability = this.state.availability;
    return availability.kind === 'waiting' && availability.until > this.waitClock.now();
  }

  protected msToNextSecond(): number {
    const availability = this.state.availability;
    const until = availability.kind === 'waiting' ? availability.until : 0;
    return (until - this.waitClock.now()) % SECOND_MS || SECOND_MS;
  }
}
