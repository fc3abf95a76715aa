import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import type { Event } from '../emitter';
import type { Log } from '../log';
import { BudgetSpent, QuotaExceeded } from '../quota/quotaErrors';
import type { RequestKind } from '../spotify/requestKinds';
import { SpotifyError } from '../spotify/errors';
import type { PlaybackSnapshot } from '../spotify/types';
import type { PlaybackState } from './playbackState';
import type { WindowActivity } from '../windowActivity';

// Decides when reading the playback state is worth a request, so a working day fits the daily
// budget. Reads happen only where someone can see them:
// - no session, or an unfocused window: nothing (progress ticks locally);
// - first, the reads worth most: when the window is focused again after a while, shortly after a
//   command (to confirm it), and at the predicted end of the current item;
// - then a steady rhythm whose interval the budget sets (src/quota/pacing.ts); every read, of
//   whatever kind, restarts it, so no read is wasted next to another;
// - nothing playing: back off step by step to `slowCheckMs`; paused: the same once paused for
//   `pausedIsIdleAfterMs` (a short pause is usually followed by a resume the user wants to see);
// - a Retry-After wait or Spotify's quota penalty: nothing until it ends, and it is shown;
// - the budget's share for these reads spent: nothing until requests leave the rolling window.
// Every time here is the monotonic clock's (src/clock.ts): a wall clock set back does not hold reads back.

export interface SchedulerTiming {
  /** The user's `backbeat.pollIntervalSeconds`: the fastest steady rhythm in use. */
  pollIntervalMs: number;
  /** The slowest pace of a focused but idle window without a budget. */
  idleIntervalMs: number;
  slowCheckMs: number;
  /** Spotify's state lags commands and track changes: read this long after the event. */
  settleMs: number;
  pausedIsIdleAfterMs: number;
}

export const DEFAULT_TIMING: SchedulerTiming = {
  pollIntervalMs: 5_000,
  idleIntervalMs: 60_000,
  slowCheckMs: 120_000,
  settleMs: 800,
  pausedIsIdleAfterMs: 60_000,
};

/** The timing for a user's `backbeat.pollIntervalSeconds`: slower rhythms slow every other read too. */
export function timingForPollInterval(seconds: number): SchedulerTiming {
  const pollIntervalMs = seconds * 1000;
  return {
    ...DEFAULT_TIMING,
    pollIntervalMs,
    idleIntervalMs: Math.max(DEFAULT_TIMING.idleIntervalMs, pollIntervalMs),
    slowCheckMs: Math.max(DEFAULT_TIMING.slowCheckMs, pollIntervalMs),
  };
}

export interface PlaybackReader {
  /** `kind`: why this read is made (the budget counts it so). */
  playback(kind?: RequestKind): Promise<PlaybackSnapshot | undefined>;
}

/** What the rest of the extension asks of whoever decides when to read (the benchmark swaps in other clients' rules). */
export interface ReadScheduling {
  setEnabled(enabled: boolean): void;
  confirmAfterCommand(): void;
  /** One read now; `kind` says why (a command needs it, by default). */
  refreshNow(kind?: RequestKind): Promise<void>;
  timingChanged(): void;
  /** A view of the playback became visible: the user looks, as when the window gains focus. */
  lookedAt?(): void;
  dispose(): void;
}

/**
 * Something that, while `held`, makes now-playing reads unnecessary (the Spotify app on this
 * computer reports what plays): the scheduler reads nothing then, and resumes when it lets go.
 */
export interface ReadHold {
  readonly held: boolean;
  readonly onDidChange: Event<void>;
}

/** The daily budget as the scheduler needs it (src/quota/requestBudget.ts). */
interface ReadPace {
  /** Milliseconds between steady reads now, or undefined while their share of the budget is spent. */
  rhythmIntervalMs(inUse: boolean, timing: SchedulerTiming): number | undefined;
  /** When steady reads may resume once their share was spent (wall clock: the shared ledger's time). */
  readsResumeAt(): number;
  readonly onDidChange: Event<void>;
}

/** What holds every request back: Spotify's Retry-After, or its daily quota (`quota`). `msLeft` 0: nothing. */
export interface RequestWait {
  /** How long it still lasts, on the monotonic clock (a wall clock set back does not lengthen it). */
  msLeft: number;
  quota: boolean;
}

export interface SchedulerOptions {
  reader: PlaybackReader;
  state: PlaybackState;
  window: WindowActivity;
  clock: Clock;
  log: Pick<Log, 'trace' | 'warn'>;
  timing: () => SchedulerTiming;
  pace: ReadPace;
  wait(): RequestWait;
  onDidChangeWait: Event<unknown>;
  /** Catches up with what other windows did (spent requests, the quota penalty, the session) before a read. */
  beforeRead(): Promise<void>;
  hold?: ReadHold;
}

interface PlannedRead {
  at: number;
  kind: RequestKind;
}

export class PlaybackScheduler implements ReadScheduling {
  private enabled = false;
  private timer: Disposable | undefined;
  private reading: Promise<void> | undefined;
  /** When this window last read; the steady rhythm counts from every read. */
  private lastReadAt = -Infinity;
  /** The window was focused again since its last read: the next read is a focus read. */
  private refocused = true;
  private confirmAt: number | undefined;
  /** Since when Spotify has reported nothing playing, and how long that may last before it counts as idle. */
  private quiet: { since: number; idleAfterMs: number } | undefined;
  private failedReads = 0;
  /** The item whose predicted end was already read, so a lagging answer does not cause a burst. */
  private endReadFor: string | undefined;
  private readonly subscriptions: Disposable[];

  constructor(private readonly options: SchedulerOptions) {
    this.subscriptions = [
      options.window.onDidChange(() => this.onWindowChange()),
      options.onDidChangeWait(() => this.showWait()),
      options.pace.onDidChange(() => this.reschedule()),
      // Released (the local app paused a while, quit, or plays elsewhere): the next read is due at
      // once unless the read that released it is fresh.
      ...(options.hold ? [options.hold.onDidChange(() => this.reschedule())] : []),
    ];
  }

  /** Starts reading (signed in) or stops all requests (signed out). */
  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.quiet = undefined;
    this.failedReads = 0;
    this.confirmAt = undefined;
    this.refocused = true;
    // A new session: what this window showed before says nothing about it, so read at once.
    this.lastReadAt = -Infinity;
    if (enabled) this.showWait();
    else this.cancel();
  }

  /** After a command: one confirming read once Spotify has caught up, no burst. */
  confirmAfterCommand(): void {
    if (!this.enabled) return;
    this.confirmAt = this.options.clock.monotonic() + this.options.timing().settleMs;
    this.reschedule();
  }

  /** Reads now (because a command needs the state, unless `kind` says otherwise), sharing a read already under way. */
  refreshNow(kind: RequestKind = 'onDemand'): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    return this.read(kind);
  }

  /** The timing changed (a setting): the next read follows it. */
  timingChanged(): void {
    this.reschedule();
  }

  /**
   * A view of the playback became visible: the user looks, as when the window gains focus. One
   * focus read at once if the in-use rhythm's interval has passed since the last read (an idle
   * window's slower rhythm does not hold it back); otherwise what shows is recent enough.
   */
  lookedAt(): void {
    if (!this.enabled || !this.options.window.focused || this.options.hold?.held) return;
    const timing = this.options.timing();
    const base = this.options.pace.rhythmIntervalMs(true, timing);
    if (base !== undefined && this.options.clock.monotonic() - this.lastReadAt >= this.rhythmInterval(base, timing)) void this.read('focus');
  }

  private onWindowChange(): void {
    if (!this.options.window.focused) this.refocused = true;
    this.reschedule();
  }

  /** Shows a wait (Retry-After or the quota) while it lasts, and the last state once it is over. */
  private showWait(): void {
    const { state, clock } = this.options;
    const { msLeft, quota } = this.options.wait();
    const kind = state.availability.kind;
    if (msLeft > 0) {
      // The status bar says when it ends by the wall clock, as people read it.
      if (kind !== 'signedOut') state.setAvailability({ kind: 'waiting', until: clock.now() + msLeft, quota });
    } else if (kind === 'waiting') {
      // Show the last known state again; the next read brings it up to date.
      state.setAvailability(state.snapshot ? { kind: 'active' } : { kind: 'unknown' });
    }
    this.reschedule();
  }

  private read(kind: RequestKind): Promise<void> {
    this.reading ??= this.readOnce(kind).finally(() => {
      this.reading = undefined;
      this.reschedule();
    });
    return this.reading;
  }

  private itemKey(): string | undefined {
    const s = this.options.state.snapshot;
    return s?.item ? `${s.item.uri ?? s.item.name}@${s.item.durationMs}` : undefined;
  }

  private async readOnce(kind: RequestKind): Promise<void> {
    this.cancel();
    await this.options.beforeRead().catch(() => undefined);
    // Another window may have spent the share or been told the quota is spent meanwhile.
    if (!this.enabled || this.options.wait().msLeft > 0) return;
    if (kind !== 'onDemand' && this.steadyInterval() === undefined) return;
    const now = this.options.clock.monotonic();
    this.lastReadAt = now;
    this.refocused = false;
    if (this.confirmAt !== undefined && this.confirmAt <= now) this.confirmAt = undefined;
    if (this.options.state.msUntilItemEnds() === 0) this.endReadFor = this.itemKey();
    try {
      const snapshot = await this.options.reader.playback(kind);
      if (!this.enabled) return;
      this.failedReads = 0;
      this.noteQuiet(snapshot, this.options.timing());
      // Spotify still showed the state from before a command just sent: read once more when it has caught up.
      const recheckAt = this.options.state.observe(snapshot);
      if (recheckAt !== undefined) this.confirmAt = recheckAt;
    } catch (error) {
      if (!this.enabled) return;
      this.failedReads++;
      if (isHeldBack(error)) return; // the wait, the quota or the budget already shows it
      // Whatever failed (the Web API, the network, the token refresh), the status bar is no longer current.
      const message = error instanceof Error ? error.message : String(error);
      this.options.state.setAvailability({ kind: 'unreachable', message });
      this.options.log.warn(`Reading the playback state failed: ${message}`);
    }
  }

  private noteQuiet(snapshot: PlaybackSnapshot | undefined, timing: SchedulerTiming): void {
    if (snapshot?.isPlaying) {
      this.quiet = undefined;
    } else if (!this.quiet) {
      // A pause this window already shows came from its own command: a resume will come from here too,
      // with its own confirming read. A pause found by reading may be undone on the phone any moment.
      const pausedHere = this.options.state.snapshot?.isPlaying === false;
      const idleAfterMs = !snapshot?.item || pausedHere ? 0 : timing.pausedIsIdleAfterMs;
      this.quiet = { since: this.options.clock.monotonic(), idleAfterMs };
    }
  }

  /** The budget's pace for this window, or undefined while the share for steady reads is spent. */
  private steadyInterval(): number | undefined {
    return this.options.pace.rhythmIntervalMs(this.options.window.active, this.options.timing());
  }

  /** How long the steady rhythm waits after the last read, slowed down by silence and failures. */
  private rhythmInterval(base: number, timing: SchedulerTiming): number {
    let interval = base;
    if (this.quiet) {
      const idleFor = this.lastReadAt - this.quiet.since - this.quiet.idleAfterMs;
      // Each gap about as long as the silence so far: the gaps double, step by step.
      if (idleFor >= base) interval = Math.max(interval, base * 2 ** Math.floor(Math.log2(idleFor / base)));
    }
    if (this.failedReads > 0) interval = Math.max(interval, base * 2 ** this.failedReads);
    return Math.min(Math.max(timing.slowCheckMs, base), interval);
  }

  /** The next read worth making, or undefined for "not until something changes". */
  private nextRead(): PlannedRead | undefined {
    if (!this.enabled || !this.options.window.focused || this.options.hold?.held) return undefined;
    const timing = this.options.timing();
    const now = this.options.clock.monotonic();
    const { msLeft } = this.options.wait();
    if (msLeft > 0) return { at: now + msLeft, kind: 'periodic' };
    const base = this.steadyInterval();
    // The share is spent: every read Backbeat makes on its own waits for requests to leave the window.
    if (base === undefined) {
      const resumeIn = this.options.pace.readsResumeAt() - this.options.clock.now();
      return Number.isFinite(resumeIn) ? { at: now + Math.max(0, resumeIn), kind: 'periodic' } : undefined;
    }
    let next: PlannedRead = { at: this.lastReadAt + this.rhythmInterval(base, timing), kind: this.refocused ? 'focus' : 'periodic' };
    const earlier = (at: number, kind: RequestKind) => {
      if (at < next.at) next = { at, kind };
    };
    if (this.confirmAt !== undefined) earlier(this.confirmAt, 'confirm');
    const untilEnd = this.options.state.msUntilItemEnds();
    // One read per predicted end: if Spotify still shows the old item, the rhythm takes over.
    if (untilEnd !== undefined && !(untilEnd === 0 && this.itemKey() === this.endReadFor)) earlier(now + untilEnd + timing.settleMs, 'trackEnd');
    // Never two reads within the settle time: a read just made already shows what a second one would.
    return { ...next, at: Math.max(next.at, this.lastReadAt + timing.settleMs, now) };
  }

  private reschedule(): void {
    const next = this.enabled ? this.nextRead() : undefined;
    this.cancel();
    if (!next || this.reading) return; // a read under way reschedules when it is done
    this.arm(next);
  }

  private arm(next: PlannedRead, delayMs = next.at - this.options.clock.monotonic()): void {
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = undefined;
      const early = next.at - this.options.clock.monotonic();
      // Node timers may fire a millisecond before their time: wait the rest rather than read early.
      if (early > 0) this.arm(next, early + 1);
      else void this.read(next.kind);
    }, delayMs);
  }

  private cancel(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }

  dispose(): void {
    this.enabled = false;
    this.cancel();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/** Failures that mean "not now" rather than "Spotify is unreachable". */
function isHeldBack(error: unknown): boolean {
  return (error instanceof SpotifyError && error.kind === 'rate_limited') || error instanceof QuotaExceeded || error instanceof BudgetSpent;
}
