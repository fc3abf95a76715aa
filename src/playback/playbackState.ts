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

/**
 * Spotify's reads lag commands by up to a few seconds. A read this soon after a command that
 * contradicts it shows Spotify not yet caught up, not the truth: the command's effect stays shown.
 */
export const COMMAND_LAG_MS = 3_000;
/** A position this far from the one a seek asked for means the seek has not shown yet. */
const SEEK_TOLERANCE_MS = 2_000;

/** A command's expected effect, until a read confirms it or the lag window has passed. */
interface Expectation {
  at: number;
  /** The state when the command was sent (progress as of then). */
  before: PlaybackSnapshot;
  guess: PlaybackSnapshot;
}

export class PlaybackState {
  private current: PlaybackSnapshot | undefined;
  private observedAt = 0;
  private expectation: Expectation | undefined;
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

  /**
   * What Spotify answered: a snapshot, or undefined for "nothing active". An answer that
   * contradicts a command sent less than COMMAND_LAG_MS ago is held back; then this returns when
   * a read is worth making again (once Spotify must have caught up), otherwise undefined.
   */
  observe(snapshot: PlaybackSnapshot | undefined): number | undefined {
    const expected = this.expectation;
    const now = this.clock.now();
    if (expected && now - expected.at < COMMAND_LAG_MS && contradicts(expected, snapshot, now)) {
      if (this.status.kind !== 'active') {
        this.status = { kind: 'active' };
        this.changed.fire();
      }
      return expected.at + COMMAND_LAG_MS;
    }
    this.expectation = undefined;
    this.current = snapshot;
    this.observedAt = this.clock.now();
    this.status = snapshot ? { kind: 'active' } : { kind: 'nothingActive' };
    this.changed.fire();
    return undefined;
  }

  /** Shows the expected effect of a command at once; returns how to undo it if the command fails. */
  applyOptimistic(change: (s: PlaybackSnapshot) => PlaybackSnapshot): () => void {
    const before = this.current;
    const beforeObservedAt = this.observedAt;
    if (!before) return () => undefined;
    const base = { ...before, progressMs: this.progressMs() };
    const optimistic = withPlayPauseDisallows(change(base), base);
    const expectation = { at: this.clock.now(), before: base, guess: optimistic };
    this.current = optimistic;
    this.observedAt = expectation.at;
    this.expectation = expectation;
    this.changed.fire();
    return () => {
      // A real read since then is the truth; only undo our own guess.
      if (this.current !== optimistic) return;
      if (this.expectation === expectation) this.expectation = undefined;
      this.current = before;
      this.observedAt = beforeObservedAt;
      this.changed.fire();
    };
  }

  setAvailability(status: Availability): void {
    if (status.kind === 'signedOut') {
      this.current = undefined;
      this.expectation = undefined;
    }
    this.status = status;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Whether a read shows the state from before the command instead of its effect. */
function contradicts({ at, before, guess }: Expectation, seen: PlaybackSnapshot | undefined, now: number): boolean {
  if (!seen) return guess.isPlaying;
  const undone = <T>(pick: (s: PlaybackSnapshot) => T) => pick(guess) !== pick(before) && pick(seen) !== pick(guess);
  const sought = Math.abs(guess.progressMs - before.progressMs) > SEEK_TOLERANCE_MS;
  const expectedProgress = guess.progressMs + (guess.isPlaying ? now - at : 0);
  return (
    undone((s) => s.isPlaying) ||
    undone((s) => s.shuffle) ||
    undone((s) => s.repeat) ||
    undone((s) => s.device?.id) ||
    undone((s) => s.device?.volumePercent) ||
    undone((s) => s.item?.uri) ||
    (sought && Math.abs(seen.progressMs - expectedProgress) > SEEK_TOLERANCE_MS)
  );
}

/** A guessed play or pause also moves what Spotify refuses next (resuming while playing, pausing while paused). */
function withPlayPauseDisallows(guess: PlaybackSnapshot, before: PlaybackSnapshot): PlaybackSnapshot {
  const was = before.isPlaying ? 'resuming' : 'pausing';
  if (guess.isPlaying === before.isPlaying || !guess.disallows[was]) return guess;
  const disallows = { ...guess.disallows };
  delete disallows[was];
  disallows[guess.isPlaying ? 'resuming' : 'pausing'] = true;
  return { ...guess, disallows };
}
