import type { Clock, Disposable } from '../clock';
import type { Event } from '../emitter';
import type { Log } from '../log';
import { SpotifyError } from '../spotify/errors';
import type { PlaybackSnapshot } from '../spotify/types';
import type { PlaybackState } from './playbackState';

/**
 * Decides when reading the playback state is worth a request. Spotify's quota is shared by every
 * user of an app, so reads happen only where someone can see them:
 * - no session: nothing; an unfocused window: nothing (progress ticks locally);
 * - focused and in use: every `pollIntervalMs`; focused but idle: every `idleIntervalMs`;
 * - a read at the predicted end of the current item, so track changes show on time;
 * - nothing playing: back off step by step to `slowCheckMs`;
 * - a Retry-After wait: nothing until it ends;
 * - after a command: one confirming read shortly after.
 */
export interface WindowActivity {
  readonly focused: boolean;
  readonly active: boolean;
  readonly onDidChange: Event<void>;
}

export interface SchedulerTiming {
  pollIntervalMs: number;
  idleIntervalMs: number;
  slowCheckMs: number;
  /** Spotify's state lags commands and track changes: read this long after the event. */
  settleMs: number;
}

export const DEFAULT_TIMING: SchedulerTiming = {
  pollIntervalMs: 5_000,
  idleIntervalMs: 30_000,
  slowCheckMs: 120_000,
  settleMs: 800,
};

export interface PlaybackReader {
  playback(): Promise<PlaybackSnapshot | undefined>;
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
}

export class PlaybackScheduler {
  private enabled = false;
  private timer: Disposable | undefined;
  private reading: Promise<void> | undefined;
  private lastReadAt = -Infinity;
  /** How many reads in a row found nothing playing; drives the idle back-off. */
  private quietReads = 0;
  private failedReads = 0;
  /** The item whose predicted end was already read, so a lagging answer does not cause a burst. */
  private endReadFor: string | undefined;
  private readonly subscriptions: Disposable[];

  constructor(private readonly options: SchedulerOptions) {
    this.subscriptions = [
      options.window.onDidChange(() => this.onWindowChange()),
      options.onDidChangeWait(() => this.reschedule()),
    ];
  }

  /** Starts reading (signed in) or stops all requests (signed out). */
  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.quietReads = 0;
    this.failedReads = 0;
    if (enabled) this.readSoon(0);
    else this.cancel();
  }

  /** After a command: one confirming read once Spotify has caught up, no burst. */
  confirmAfterCommand(): void {
    this.quietReads = 0;
    this.readSoon(this.options.timing().settleMs);
  }

  /** Reads now (e.g. the user asked), sharing a read already under way. */
  refreshNow(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    return this.read();
  }

  private onWindowChange(): void {
    if (!this.enabled) return;
    const { focused, active } = this.options.window;
    // Coming back to a window the user can see: show the truth at once, unless it is fresh.
    if (focused && active && this.options.clock.now() - this.lastReadAt > this.options.timing().settleMs) {
      this.quietReads = 0;
      this.readSoon(0);
    } else {
      this.reschedule();
    }
  }

  private readSoon(delayMs: number): void {
    // An unfocused window shows what it has; focusing it triggers the read.
    if (this.options.window.focused) this.arm(delayMs);
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
    this.lastReadAt = this.options.clock.now();
    if (this.options.state.msUntilItemEnds() === 0) this.endReadFor = this.itemKey();
    try {
      const snapshot = await this.options.reader.playback();
      if (!this.enabled) return;
      this.failedReads = 0;
      this.quietReads = snapshot?.isPlaying ? 0 : this.quietReads + 1;
      this.options.state.observe(snapshot);
    } catch (error) {
      if (!this.enabled) return;
      this.failedReads++;
      if (error instanceof SpotifyError && error.kind === 'rate_limited') {
        this.options.state.setAvailability({ kind: 'waiting', until: this.options.waitUntil() });
      } else if (error instanceof SpotifyError && (error.kind === 'network' || error.kind === 'server' || error.kind === 'malformed')) {
        this.options.state.setAvailability({ kind: 'unreachable', message: error.message });
      } else {
        this.options.log.warn(`Reading the playback state failed: ${(error as Error).message}`);
      }
    }
  }

  /** The next moment a read is worth it, or undefined for "not until something changes". */
  private nextReadDelay(): number | undefined {
    const { focused, active } = this.options.window;
    if (!this.enabled || !focused) return undefined;
    const timing = this.options.timing();
    const now = this.options.clock.now();
    const wait = this.options.waitUntil() - now;
    if (wait > 0) return wait;
    const sinceLast = now - this.lastReadAt;
    let interval = active ? timing.pollIntervalMs : Math.max(timing.idleIntervalMs, timing.pollIntervalMs);
    if (this.quietReads > 1 || this.failedReads > 0) {
      const steps = Math.max(this.quietReads - 1, this.failedReads);
      interval = Math.min(timing.slowCheckMs, interval * 2 ** steps);
    }
    let delay = Math.max(0, interval - sinceLast);
    const untilEnd = this.options.state.msUntilItemEnds();
    // One read per predicted end: if Spotify still shows the old item, the normal cadence takes over.
    const endKey = this.itemKey();
    if (untilEnd !== undefined && !(untilEnd === 0 && endKey === this.endReadFor)) {
      delay = Math.min(delay, untilEnd + timing.settleMs);
    }
    return delay;
  }

  private reschedule(): void {
    const delay = this.nextReadDelay();
    if (delay === undefined) this.cancel();
    else this.arm(delay);
  }

  private arm(delayMs: number): void {
    this.cancel();
    if (!this.enabled) return;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = undefined;
      void this.read();
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
