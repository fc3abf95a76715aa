import type { Clock } from '../src/clock';
import type { Disposable } from '../src/disposable';
import type { PlaybackState } from '../src/playback/playbackState';
import type { Emulator, EmulatorSnapshot } from '../emulator';
import { Catalogue } from '../emulator/world/catalogue';

// How long the focused window's status bar lags the truth. Each change on the emulator (a phone
// action, a track ending on its own) is noted with what the state must show once it has caught
// up; the change counts as shown the first time the focused window's PlaybackState shows it or
// anything newer. Only changes made while `counts` says someone is looking are measured, and
// only time with a window focused counts: nobody sees a stale status bar in a meeting.

/** `recovery`: a change the local helper missed because it hangs; shown once the Web API takes over. */
type ChangeKind = 'phone' | 'trackEnd' | 'recovery';

interface Change {
  kind: ChangeKind;
  at: number;
  shows(state: PlaybackState, now: number): boolean;
  /** Time with a window focused since the change, up to the last tick. */
  lookedMs: number;
  /** `lookedMs` when it showed. */
  shownAfterMs?: number;
}

/** A position counts as shown when the displayed progress is this close to the real one. */
const POSITION_TOLERANCE_MS = 1_000;

export class StalenessMeter {
  private readonly changes: Change[] = [];
  private lastTick: number;
  private wasLooking = false;

  constructor(
    private readonly clock: Clock,
    private readonly focusedState: () => PlaybackState | undefined,
    private readonly counts: (kind: ChangeKind) => boolean,
  ) {
    this.lastTick = clock.now();
  }

  /** Adds the time since the last tick to every change still pending, if someone was looking. */
  private tick(): void {
    const now = this.clock.now();
    if (this.wasLooking) for (const c of this.changes) if (c.shownAfterMs === undefined) c.lookedMs += now - this.lastTick;
    this.lastTick = now;
    this.wasLooking = this.focusedState() !== undefined;
  }

  /** Notes what `truth` (the emulator right after a change) means for the status bar. */
  changed(kind: ChangeKind, what: 'item' | 'playing' | 'position', truth: EmulatorSnapshot): void {
    if (!this.focusedState() || !this.counts(kind)) return;
    this.tick();
    const at = this.clock.now();
    const shows = {
      item: (s: PlaybackState) => s.snapshot?.item?.uri === truth.itemUri,
      playing: (s: PlaybackState) => s.snapshot?.isPlaying === truth.isPlaying,
      position: (s: PlaybackState, now: number) =>
        s.snapshot?.item?.uri === truth.itemUri &&
        Math.abs(s.progressMs() - (truth.progressMs + (truth.isPlaying ? now - at : 0))) <= POSITION_TOLERANCE_MS,
    }[what];
    this.changes.push({ kind, at, shows, lookedMs: 0 });
    this.check();
  }

  /** Call whenever a window's state changes, and just before and after the focus changes. */
  check(): void {
    this.tick();
    const state = this.focusedState();
    if (!state) return;
    const now = this.clock.now();
    const pending = this.changes.filter((c) => c.shownAfterMs === undefined);
    let newestShown = -1;
    pending.forEach((c, i) => {
      if (c.shows(state, now)) newestShown = i;
    });
    // Showing a change means the state was read after it, so every earlier change is shown (or replaced) too.
    for (let i = 0; i <= newestShown; i++) pending[i].shownAfterMs = pending[i].lookedMs;
  }

  /** Seconds of looking from each change to its showing; a change never shown counts until now (the end). */
  seconds(kind: ChangeKind): { values: number[]; neverShown: number } {
    this.tick();
    const ofKind = this.changes.filter((c) => c.kind === kind);
    return {
      values: ofKind.map((c) => (c.shownAfterMs ?? c.lookedMs) / 1000),
      neverShown: ofKind.filter((c) => c.shownAfterMs === undefined).length,
    };
  }
}

/** Notices every track that ends on its own on the emulator, at the exact moment it ends. */
export class TrackEndWatch {
  private readonly catalogue = new Catalogue();
  private timer: Disposable | undefined;
  private itemUri: string | null = null;

  constructor(
    private readonly emulator: Emulator,
    private readonly clock: Clock,
    private readonly onTrackEnd: (truth: EmulatorSnapshot) => void,
  ) {}

  /** Call after anything that changes playback: the predicted end moves. */
  rearm(): void {
    this.timer?.dispose();
    const truth = this.emulator.snapshot();
    this.itemUri = truth.itemUri;
    const duration = truth.itemUri ? this.catalogue.playable(truth.itemUri)?.durationMs : undefined;
    if (!truth.isPlaying || duration === undefined) return;
    this.timer = this.clock.setTimeout(() => {
      const now = this.emulator.snapshot();
      if (now.itemUri !== this.itemUri) this.onTrackEnd(now);
      this.rearm();
    }, duration - truth.progressMs);
  }

  dispose(): void {
    this.timer?.dispose();
  }
}
