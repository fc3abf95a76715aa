import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import type { Event } from '../emitter';
import type { Log } from '../log';
import { SpotifyError } from '../spotify/errors';
import type { PlaybackSnapshot } from '../spotify/types';
import type { PlaybackState } from './playbackState';
import type { WindowActivity } from './windowActivity';

/**
 * Decides when reading the playback state is worth a request. Spotify's quota is shared by every
 * user of an app, so reads happen only where someone can see them:
 * - no session: nothing; an unfocused window: nothing (progress ticks locally);
 * - focused and in use: a steady rhythm of one read every `pollIntervalMs`; focused but idle:
 *   every `idleIntervalMs`. The extra reads below never shift the rhythm, so they can only make
 *   the status bar fresher than the rhythm alone would;
 * - a read at the predicted end of the current item, so track changes show on time;
 * - nothing active: back off step by step to `slowCheckMs`; paused: the same once paused for
 *   `pausedIsIdleAfterMs` (a short pause is usually followed by a resume the user wants to see);
 * - a Retry-After wait: nothing until it ends, and the wait is shown;
 * - after a command: one confirming read shortly after.
 */
export interface SchedulerTiming {
  pollIntervalMs: number;
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
  playback(): Promise<PlaybackSnapshot | undefined>;
}

/** What the rest of the extension asks of whoever decides when to read (the benchmark swaps in other clients' rules). */
export interface ReadScheduling {
  setEnabled(enabled: boolean): void;
  confirmAfterCommand(): void;
  refreshNow(): Promise<void>;
  timingChanged(): void;
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

export interface SchedulerOptions {
  reader: PlaybackReader;
  state: PlaybackState;
  window: WindowActivity;
  clock: Clock;
  log: Pick<Log, 'trace' | 'warn'>;
  timing: () => SchedulerTiming;
  /** Epoch ms until which Spotify asked us to wait (0 when free). */
  waitUntil(): number;
  onDidChangeWait: Event<number>;
  hold?: ReadHold;
}

export class PlaybackScheduler implements ReadScheduling {
  private enabled = false;
  private timer: Disposable | undefined;
  private reading: Promise<void> | undefined;
  private lastReadAt = -Infinity;
  /** When the rhythm's last read was due; the next one is due an interval later. */
  private rhythmAt = -Infinity;
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
      options.onDidChangeWait((until) => this.onWaitChange(until)),
      ...(options.hold ? [options.hold.onDidChange(() => this.onHoldChange())] : []),
    ];
  }

  /** Starts reading (signed in) or stops all requests (signed out). */
  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.quiet = undefined;
    this.failedReads = 0;
    this.confirmAt = undefined;
    if (enabled) this.restartRhythm();
    else this.cancel();
  }

  /** After a command: one confirming read once Spotify has caught up, no burst. */
  confirmAfterCommand(): void {
    if (!this.enabled) return;
    this.confirmAt = this.options.clock.now() + this.options.timing().settleMs;
    this.reschedule();
  }

  /** Reads now (e.g. the user asked), sharing a read already under way. */
  refreshNow(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    return this.read();
  }

  /** The timing changed (a setting): the next read follows it. */
  timingChanged(): void {
    if (this.enabled) this.reschedule();
  }

  private onWindowChange(): void {
    if (!this.enabled) return;
    const { focused, active } = this.options.window;
    // Coming back to a window the user can see: show the truth at once, unless it is fresh.
    if (focused && active && this.options.clock.now() - this.lastReadAt > this.options.timing().settleMs) {
      this.restartRhythm();
    } else {
      this.reschedule();
    }
  }

  private onHoldChange(): void {
    if (!this.enabled) return;
    if (this.options.hold?.held) return this.reschedule();
    // Released: read at once (the music may have moved elsewhere), unless the read that released it is fresh.
    if (this.options.clock.now() - this.lastReadAt > this.options.timing().settleMs) return this.restartRhythm();
    this.rhythmAt = this.lastReadAt;
    this.reschedule();
  }

  private onWaitChange(until: number): void {
    const state = this.options.state;
    if (until > this.options.clock.now()) {
      state.setAvailability({ kind: 'waiting', until });
    } else if (state.availability.kind === 'waiting') {
      // Show the last known state again; the next read brings it up to date.
      state.setAvailability(state.snapshot ? { kind: 'active' } : { kind: 'unknown' });
    }
    if (this.enabled) this.reschedule();
  }

  /** A read now that the rhythm counts from. */
  private restartRhythm(): void {
    this.rhythmAt = this.options.clock.now();
    if (this.options.window.focused && !this.options.hold?.held) this.arm(0);
    else this.cancel();
  }

  private read(): Promise<void> {
    this.reading ??= this.readOnce().finally(() => {
      this.reading = undefined;
      this.reschedule();
    });
    return this.reading;
  }

  private itemKey(): string | undefined {
    const s = this.options.state.snapshot;
    return s?.item ? `${s.item.uri ?? s.item.name}@${s.item.durationMs}` : undefined;
  }

  private async readOnce(): Promise<void> {
    this.cancel();
    const now = this.options.clock.now();
    this.lastReadAt = now;
    if (this.confirmAt !== undefined && this.confirmAt <= now) this.confirmAt = undefined;
    if (this.options.state.msUntilItemEnds() === 0) this.endReadFor = this.itemKey();
    try {
      const snapshot = await this.options.reader.playback();
      if (!this.enabled) return;
      this.failedReads = 0;
      this.noteQuiet(snapshot, this.options.timing());
      // Spotify still showed the state from before a command just sent: read once more when it has caught up.
      const recheckAt = this.options.state.observe(snapshot);
      if (recheckAt !== undefined) this.confirmAt = recheckAt;
    } catch (error) {
      if (!this.enabled) return;
      this.failedReads++;
      if (error instanceof SpotifyError && error.kind === 'rate_limited') {
        // The gate's change event has already shown the wait.
      } else {
        // Whatever failed (the Web API, the network, the token refresh), the status bar is no longer current.
        const message = error instanceof Error ? error.message : String(error);
        this.options.state.setAvailability({ kind: 'unreachable', message });
        this.options.log.warn(`Reading the playback state failed: ${message}`);
      }
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
      this.quiet = { since: this.options.clock.now(), idleAfterMs };
    }
  }

  /** How long the rhythm waits after its last read; steady between two of its reads. */
  private rhythmInterval(timing: SchedulerTiming): number {
    const step = timing.pollIntervalMs;
    // Every interval is a whole number of steps, so the rhythm keeps its phase at any pace.
    const inSteps = (ms: number) => Math.max(1, Math.floor(ms / step)) * step;
    const base = this.options.window.active ? step : inSteps(timing.idleIntervalMs);
    let interval = base;
    if (this.quiet) {
      const idleFor = this.rhythmAt - this.quiet.since - this.quiet.idleAfterMs;
      // Each gap about as long as the silence so far: the gaps double, step by step.
      if (idleFor >= step) interval = Math.max(interval, step * 2 ** Math.floor(Math.log2(idleFor / step)));
    }
    if (this.failedReads > 0) interval = Math.max(interval, base * 2 ** this.failedReads);
    return Math.min(Math.max(inSteps(timing.slowCheckMs), base), interval);
  }

  /** The next moment a read is worth it, or undefined for "not until something changes". */
  private nextReadAt(): number | undefined {
    if (!this.enabled || !this.options.window.focused || this.options.hold?.held) return undefined;
    const timing = this.options.timing();
    const now = this.options.clock.now();
    const waitUntil = this.options.waitUntil();
    if (waitUntil > now) return waitUntil;
    let at = this.rhythmAt + this.rhythmInterval(timing);
    if (this.confirmAt !== undefined) at = Math.min(at, this.confirmAt);
    const untilEnd = this.options.state.msUntilItemEnds();
    // One read per predicted end: if Spotify still shows the old item, the rhythm takes over.
    if (untilEnd !== undefined && !(untilEnd === 0 && this.itemKey() === this.endReadFor)) {
      at = Math.min(at, now + untilEnd + timing.settleMs);
    }
    return Math.max(at, now);
  }

  private reschedule(): void {
    const at = this.nextReadAt();
    if (at === undefined) this.cancel();
    else this.arm(at - this.options.clock.now());
  }

  private arm(delayMs: number): void {
    this.cancel();
    if (!this.enabled) return;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = undefined;
      this.advanceRhythm();
      void this.read();
    }, delayMs);
  }

  /** A read the rhythm is due for moves it on; extra reads leave it alone. */
  private advanceRhythm(): void {
    const interval = this.rhythmInterval(this.options.timing());
    const due = this.rhythmAt + interval;
    const now = this.options.clock.now();
    // Overdue (a wait ended, the laptop slept): skip the missed beats but keep the phase.
    if (due <= now) this.rhythmAt = due + Math.floor((now - due) / interval) * interval;
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
