import type { Clock } from '../clock';
import { Emitter } from '../emitter';
import type { PlaybackSnapshot } from '../spotify/types';

// The single playback model every view renders, merged from two sources: the Web API (what the
// scheduler reads) and the Spotify app on this computer (what the local player reports). Which one
// is the truth is decided by SourceChoice; while the local app is, Web API answers and statuses
// are kept aside (for the rules to look at) and not shown. It remembers when the shown position
// was true, so progress can tick locally without asking again.

export type Availability =
  | { kind: 'signedOut' }
  | { kind: 'unknown' } // signed in, nothing read yet
  | { kind: 'nothingActive' } // Spotify's 204
  | { kind: 'active' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'waiting'; until: number; quota?: boolean }; // Retry-After, or Spotify's daily quota

/**
 * Spotify's reads lag commands by 0.2-3 s on real accounts (3.5 s allowed for). A read this soon
 * after Spotify took a command that contradicts it shows Spotify not yet caught up, not the
 * truth: the command's effect stays shown.
 */
export const COMMAND_LAG_MS = 4_000;
/** A position this far from the one a seek asked for means the seek has not shown yet. */
const SEEK_TOLERANCE_MS = 2_000;

/** A command's expected effect, until a read confirms it or the lag window has passed. */
interface Expectation {
  /** When the guess was shown: the guessed position counts from here. */
  at: number;
  /** When Spotify took the command (until it answers, when it was sent): the lag counts from here. */
  takenAt: number;
  /** The state when the command was sent (progress as of then). */
  before: PlaybackSnapshot;
  guess: PlaybackSnapshot;
  /** Next or Previous: some other item (or the same one from its start), which one unknown until Spotify says. */
  movesOn?: boolean;
}

/** Where what the status bar shows came from: the tooltip names it. */
export type NowPlayingSource = 'webApi' | 'local';

/** One reading of the playback state: what, since when, from where. */
interface Reading {
  snapshot: PlaybackSnapshot | undefined;
  observedAt: number;
  source: NowPlayingSource;
}

interface WebAnswer {
  snapshot: PlaybackSnapshot | undefined;
  observedAt: number;
}

export class PlaybackState {
  private shown: Reading = { snapshot: undefined, observedAt: 0, source: 'webApi' };
  private expectation: Expectation | undefined;
  private status: Availability = { kind: 'signedOut' };
  /** What the Web API side says (shown unless the local app is the truth). */
  private webStatus: Availability = { kind: 'signedOut' };
  private lastWeb: WebAnswer | undefined;
  private local: Reading | undefined;
  private localFirst = false;
  /** When the local app last became the truth. */
  private localSince = 0;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly webObserved = new Emitter<void>();
  /** Every Web API answer, shown or not. */
  readonly onDidObserveWeb = this.webObserved.event;

  constructor(private readonly clock: Clock) {}

  get snapshot(): PlaybackSnapshot | undefined {
    return this.shown.snapshot;
  }

  get availability(): Availability {
    return this.status;
  }

  get source(): NowPlayingSource {
    return this.shown.source;
  }

  /** The Web API side's status, also while the local app is shown (e.g. signed out). */
  get webAvailability(): Availability {
    return this.webStatus;
  }

  /** The last Web API answer since signing in, shown or not. */
  get webAnswer(): WebAnswer | undefined {
    return this.lastWeb;
  }

  /** The local app is the truth: its readings are shown, the Web API's kept aside. */
  get localIsTruth(): boolean {
    return this.localFirst;
  }

  /** Position now, extrapolated from the last reading while playing. */
  progressMs(): number {
    const s = this.shown.snapshot;
    if (!s) return 0;
    const elapsed = s.isPlaying ? this.clock.monotonic() - this.shown.observedAt : 0;
    const progress = s.progressMs + elapsed;
    return s.item?.durationMs ? Math.min(progress, s.item.durationMs) : progress;
  }

  /** Milliseconds until the current item ends if it keeps playing, or undefined. */
  msUntilItemEnds(): number | undefined {
    const s = this.shown.snapshot;
    if (!s?.isPlaying || !s.item?.durationMs) return undefined;
    return Math.max(0, s.item.durationMs - this.progressMs());
  }

  /**
   * What the Web API answered: a snapshot, or undefined for "nothing active". An answer that
   * contradicts a command Spotify took less than COMMAND_LAG_MS ago is held back; then this returns when
   * a read is worth making again (once Spotify must have caught up), otherwise undefined.
   */
  observe(snapshot: PlaybackSnapshot | undefined): number | undefined {
    const expected = this.expectation;
    const now = this.clock.monotonic();
    if (!this.localFirst && expected && now - expected.takenAt < COMMAND_LAG_MS && contradicts(expected, snapshot, now)) {
      if (this.status.kind !== 'active') {
        this.status = { kind: 'active' };
        this.changed.fire();
      }
      return expected.takenAt + COMMAND_LAG_MS;
    }
    this.expectation = undefined;
    this.lastWeb = { snapshot, observedAt: now };
    this.webStatus = snapshot ? { kind: 'active' } : { kind: 'nothingActive' };
    if (!this.localFirst) this.show({ snapshot, observedAt: now, source: 'webApi' }, this.webStatus);
    this.webObserved.fire();
    return undefined;
  }

  /** What the local app reports (undefined: it has nothing, or quit); `observedAt` is when its position was true. */
  observeLocal(snapshot: PlaybackSnapshot | undefined, observedAt = this.clock.monotonic()): void {
    this.local = snapshot && { snapshot, observedAt, source: 'local' };
    if (this.localFirst && this.local) this.show(this.local, { kind: 'active' });
  }

  /**
   * Makes the local app the truth, or hands back to the Web API. Handing back shows the Web API's
   * answer if one came since, else keeps the local reading until it answers, unless the Web API
   * side has news of its own to show (signed out, a wait).
   */
  preferLocal(on: boolean): void {
    if (on === this.localFirst) return;
    this.localFirst = on;
    if (on) {
      this.localSince = this.clock.monotonic();
      if (this.local) this.show(this.local, { kind: 'active' });
      return;
    }
    const web = this.lastWeb;
    const kind = this.webStatus.kind;
    if (web && web.observedAt >= this.localSince) this.show({ ...web, source: 'webApi' }, this.webStatus);
    else if (kind === 'signedOut' || kind === 'waiting' || !this.shown.snapshot) this.show(this.shown, this.webStatus);
  }

  /** Shows the expected effect of a command at once; returns how to undo it if the command fails. */
  applyOptimistic(change: (s: PlaybackSnapshot) => PlaybackSnapshot): () => void {
    const before = this.shown;
    if (!before.snapshot) return () => undefined;
    const base = { ...before.snapshot, progressMs: this.progressMs() };
    const now = this.clock.monotonic();
    const expectation = { at: now, takenAt: now, before: base, guess: withPlayPauseDisallows(change(base), base) };
    const optimistic: Reading = { ...before, snapshot: expectation.guess, observedAt: now };
    this.shown = optimistic;
    this.expectation = expectation;
    this.changed.fire();
    return () => {
      // A real reading since then is the truth; only undo our own guess.
      if (this.shown !== optimistic) return;
      if (this.expectation === expectation) this.expectation = undefined;
      this.shown = before;
      this.changed.fire();
    };
  }

  /**
   * Next or Previous: nothing to guess, but a read still showing the item from before, its position
   * running on, is Spotify lagging, so it is read again once Spotify must have caught up. Returns the undo.
   */
  expectMoveOn(): () => void {
    const shown = this.shown.snapshot;
    if (!shown?.item) return () => undefined;
    const now = this.clock.monotonic();
    const base = { ...shown, progressMs: this.progressMs() };
    const expectation: Expectation = { at: now, takenAt: now, before: base, guess: base, movesOn: true };
    this.expectation = expectation;
    return () => {
      if (this.expectation === expectation) this.expectation = undefined;
    };
  }

  /**
   * Spotify answered the command just now. Its reads lag from when it took the command, which on a
   * slow connection is well after the guess was shown, so the lag window starts again here.
   */
  commandTaken(): void {
    if (this.expectation) this.expectation.takenAt = this.clock.monotonic();
  }

  /** The Web API side's status (signed out, waiting, unreachable...); shown unless the local app is the truth. */
  setAvailability(status: Availability): void {
    if (status.kind === 'signedOut') {
      this.lastWeb = undefined;
      this.expectation = undefined;
    }
    this.webStatus = status;
    if (!this.localFirst) this.show(this.shown, status);
  }

  private show(reading: Reading, status: Availability): void {
    this.shown = status.kind === 'signedOut' ? { snapshot: undefined, observedAt: reading.observedAt, source: 'webApi' } : reading;
    this.status = status;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
    this.webObserved.dispose();
  }
}

/** Whether a read shows the state from before the command instead of its effect. */
function contradicts({ at, before, guess, movesOn }: Expectation, seen: PlaybackSnapshot | undefined, now: number): boolean {
  if (movesOn) return stillBefore(before, seen, now - at);
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

/** The same item at the position it would have reached had nothing happened: the command has not shown yet. */
function stillBefore(before: PlaybackSnapshot, seen: PlaybackSnapshot | undefined, elapsedMs: number): boolean {
  if (!seen?.item || seen.item.uri !== before.item?.uri) return false;
  const untouched = before.progressMs + (before.isPlaying ? elapsedMs : 0);
  return Math.abs(seen.progressMs - untouched) <= SEEK_TOLERANCE_MS;
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
