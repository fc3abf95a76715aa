import type { Clock } from '../clock';
import { Emitter } from '../emitter';
import type { PlaybackSnapshot } from '../spotify/types';

/**
 * The single playback model every view renders. It remembers when Spotify last told us the
 * position, so progress can tick locally without asking again.
 */
export type Availability =
  | { kind: 'signedOut' }
  | { kind: 'unknown' } // signed in, nothing read yet
  | { kind: 'nothingActive' } // Spotify's 204
  | { kind: 'active' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'waiting'; until: number; quota?: boolean }; // Retry-After, or Spotify's daily quota

export class PlaybackState {
  private current: PlaybackSnapshot | undefined;
  private observedAt = 0;
  private status: Availability = { kind: 'signedOut' };
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly clock: Clock) {}

  get snapshot(): PlaybackSnapshot | undefined {
    return this.current;
  }

  get availability(): Availability {
    return this.status;
  }

  /** Position now, extrapolated from the last read while playing. */
  progressMs(): number {
    const s = this.current;
    if (!s) return 0;
    const elapsed = s.isPlaying ? this.clock.now() - this.observedAt : 0;
    const progress = s.progressMs + elapsed;
    return s.item?.durationMs ? Math.min(progress, s.item.durationMs) : progress;
  }

  /** Milliseconds until the current item ends if it keeps playing, or undefined. */
  msUntilItemEnds(): number | undefined {
    const s = this.current;
    if (!s?.isPlaying || !s.item?.durationMs) return undefined;
    return Math.max(0, s.item.durationMs - this.progressMs());
  }

  /** What Spotify answered: a snapshot, or undefined for "nothing active". */
  observe(snapshot: PlaybackSnapshot | undefined): void {
    this.current = snapshot;
    this.observedAt = this.clock.now();
    this.status = snapshot ? { kind: 'active' } : { kind: 'nothingActive' };
    this.changed.fire();
  }

  /** Shows the expected effect of a command at once; returns how to undo it if the command fails. */
  applyOptimistic(change: (s: PlaybackSnapshot) => PlaybackSnapshot): () => void {
    const before = this.current;
    const beforeObservedAt = this.observedAt;
    if (!before) return () => undefined;
    const progressNow = this.progressMs();
    const optimistic = change({ ...before, progressMs: progressNow });
    this.current = optimistic;
    this.observedAt = this.clock.now();
    this.changed.fire();
    return () => {
      // A real read since then is the truth; only undo our own guess.
      if (this.current !== optimistic) return;
      this.current = before;
      this.observedAt = beforeObservedAt;
      this.changed.fire();
    };
  }

  setAvailability(status: Availability): void {
    if (status.kind === 'signedOut') {
      this.current = undefined;
    }
    this.status = status;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
