import type { Clock } from '../clock';
import { Emitter } from '../emitter';
import type { PlaybackSnapshot } from '../spotify/types';

/**
 * The single playback model every view renders, merged from two sources: the Web API (what the
 * scheduler reads) and the Spotify app on this computer (what the local player reports). Which one
 * is the truth is decided by SourceChoice; while the local app is, Web API answers and statuses
 * are kept aside (for the rules to look at) and not shown. It remembers when the shown position
 * was true, so progress can tick locally without asking again.
 */
export type Availability =
  | { kind: 'signedOut' }
  | { kind: 'unknown' } // signed in, nothing read yet
  | { kind: 'nothingActive' } // Spotify's 204
  | { kind: 'active' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'waiting'; until: number }; // Retry-After

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
    const elapsed = s.isPlaying ? this.clock.now() - this.shown.observedAt : 0;
    const progress = s.progressMs + elapsed;
    return s.item?.durationMs ? Math.min(progress, s.item.durationMs) : progress;
  }

  /** Milliseconds until the current item ends if it keeps playing, or undefined. */
  msUntilItemEnds(): number | undefined {
    const s = this.shown.snapshot;
    if (!s?.isPlaying || !s.item?.durationMs) return undefined;
    return Math.max(0, s.item.durationMs - this.progressMs());
  }

  /** What the Web API answered: a snapshot, or undefined for "nothing active". */
  observe(snapshot: PlaybackSnapshot | undefined): void {
    const now = this.clock.now();
    this.lastWeb = { snapshot, observedAt: now };
    this.webStatus = snapshot ? { kind: 'active' } : { kind: 'nothingActive' };
    if (!this.localFirst) this.show({ snapshot, observedAt: now, source: 'webApi' }, this.webStatus);
    this.webObserved.fire();
  }

  /** What the local app reports (undefined: it has nothing, or quit); `observedAt` is when its position was true. */
  observeLocal(snapshot: PlaybackSnapshot | undefined, observedAt = this.clock.now()): void {
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
      this.localSince = this.clock.now();
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
    const optimistic: Reading = { ...before, snapshot: change({ ...before.snapshot, progressMs: this.progressMs() }), observedAt: this.clock.now() };
    this.shown = optimistic;
    this.changed.fire();
    return () => {
      // A real reading since then is the truth; only undo our own guess.
      if (this.shown !== optimistic) return;
      this.shown = before;
      this.changed.fire();
    };
  }

  /** The Web API side's status (signed out, waiting, unreachable...); shown unless the local app is the truth. */
  setAvailability(status: Availability): void {
    if (status.kind === 'signedOut') this.lastWeb = undefined;
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
