// Spotify on Linux through MPRIS on the D-Bus session bus: follows `PropertiesChanged` and
// `Seeked` instead of polling, ticks the position locally (MPRIS never signals it), and sends
// PlayPause, Next, Previous, SetPosition and OpenUri. The D-Bus part loads on the first start.
// Spotify sends no Seeked, so `refresh` re-reads Position (local, free) when asked. A call the app
// does not answer in time counts as the app gone: the Web API is the truth until it answers again.
import type { Clock } from '../../clock';
import type { Disposable } from '../../disposable';
import { Emitter } from '../../emitter';
import type { Log } from '../../log';
import { AbsentBridge } from '../absentBridge';
import { canDo, LocalCommand, LocalPlayer, LocalPlayerError, LocalPlayerState, NOT_RUNNING } from '../localPlayer';
import { RestartDelay } from '../restartDelay';
import type { MprisEvents, MprisLink } from './mprisBus';
import { capabilitiesFrom, statusFrom, trackFromMetadata, trackIdPath } from './mprisProperties';
import { l10n } from '../../l10n';

const SPOTIFY_BUS_NAME = 'org.mpris.MediaPlayer2.spotify';

/** Old Spotify builds answer Position 0 whatever plays: a 0 this long into a track means "not reported". */
const POSITION_PROOF_MS = 3_000;
/** A local D-Bus answer takes milliseconds: one this late means the app hangs. */
export const DBUS_CALL_TIMEOUT_MS = 5_000;
/** A re-read Position this far from the local tick was a seek nobody announced: show it. */
const POSITION_DRIFT_MS = 1_000;

export type WatchMpris = (busName: string, events: MprisEvents) => Promise<MprisLink>;

interface MprisPlayerOptions {
  clock: Clock;
  log: Pick<Log, 'info' | 'warn'>;
  /** Loads the D-Bus part (lazily, from its own bundle) and connects. */
  watch(): WatchMpris;
  busName?: string;
}

export class MprisPlayer implements LocalPlayer {
  readonly via = 'MPRIS';
  private current: LocalPlayerState | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private link: MprisLink | undefined;
  /** The run under way (connecting or connected); undefined when stopped. */
  private run: object | undefined;
  private retry: Disposable | undefined;
  private readonly delay: RestartDelay;
  private readonly absent: AbsentBridge;
  private props: Record<string, unknown> = {};
  /** undefined until a Position read proves it either way. */
  private positionWorks: boolean | undefined;
  /** Counts positions learnt otherwise (a Seeked signal, a new track): a Position read begun before one is stale. */
  private positionsLearnt = 0;

  constructor(private readonly options: MprisPlayerOptions) {
    this.delay = new RestartDelay(options.clock);
    this.absent = new AbsentBridge(options.clock, options.log);
  }

  get state(): LocalPlayerState | undefined {
    return this.current;
  }

  start(): void {
    if (this.run || this.absent.recent) return;
    const run = {};
    this.run = run;
    this.delay.started();
    const events: MprisEvents = {
      onPresence: (present) => this.run === run && void this.follow(present ? 'appeared' : 'quit'),
      onChanged: (changed) => this.run === run && void this.onChanged(changed),
      onSeeked: (us) => this.run === run && this.setPosition(us / 1000),
      onError: (error) => this.run === run && this.lost(error),
    };
    let watch: WatchMpris;
    try {
      watch = this.options.watch();
    } catch (error) {
      // The D-Bus part could not load (a damaged install): nothing to retry.
      this.options.log.warn(`Spotify on this computer: the D-Bus module did not load (${(error as Error).message}).`);
      return;
    }
    watch(this.options.busName ?? SPOTIFY_BUS_NAME, events).then(
      (link) => {
        if (this.run !== run) return link.close();
        this.link = this.answeringInTime(link);
        void this.follow(link.present ? 'appeared' : 'quit');
      },
      (error: Error) => this.run === run && this.lost(error),
    );
  }

  stop(): void {
    this.run = undefined;
    this.retry?.dispose();
    this.retry = undefined;
    this.link?.close();
    this.link = undefined;
    this.props = {};
    this.publish(undefined);
  }

  async send(command: LocalCommand): Promise<void> {
    const link = this.link;
    const state = this.current;
    if (!link || !state?.running) throw new LocalPlayerError(l10n.t('Spotify is not running on this computer.'));
    if (!canDo(state, command)) throw new LocalPlayerError(l10n.t('Spotify on this computer does not offer {0} through {1}.', command.type, 'MPRIS'));
    try {
      switch (command.type) {
        case 'playPause':
          return await link.call('PlayPause');
        case 'play':
          return await link.call('Play');
        case 'pause':
          return await link.call('Pause');
        case 'next':
          return await link.call('Next');
        case 'previous':
          return await link.call('Previous');
        case 'openUri':
          return await link.call('OpenUri', command.uri);
        case 'seek':
          return await this.seek(link, command.positionMs);
      }
    } catch (error) {
      if (error instanceof LocalPlayerError) throw error;
      throw new LocalPlayerError(l10n.t('MPRIS {0}: {1}', command.type, (error as Error).message));
    }
  }

  /** Position, re-read: a seek made in Spotify's own window is announced by nothing else. */
  refresh(): void {
    const link = this.link;
    if (link && this.current?.running && this.current.track) void this.readPosition(link);
  }

  /** `link` whose calls fail after DBUS_CALL_TIMEOUT_MS, and then drop the link (see `lost`). */
  private answeringInTime(link: MprisLink): MprisLink {
    const { clock } = this.options;
    const inTime = <T>(call: () => Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const timer = clock.setTimeout(() => {
          const error = new Error(l10n.t('Spotify did not answer on D-Bus within {0} s', DBUS_CALL_TIMEOUT_MS / 1000));
          if (this.link === timed) this.lost(error);
          reject(error);
        }, DBUS_CALL_TIMEOUT_MS);
        call().then(resolve, reject).finally(() => timer.dispose());
      });
    const timed: MprisLink = {
      present: link.present,
      readAll: () => inTime(() => link.readAll()),
      readPosition: () => inTime(() => link.readPosition()),
      call: (method, ...args) => inTime(() => link.call(method, ...args)),
      close: () => link.close(),
    };
    return timed;
  }

  private async seek(link: MprisLink, positionMs: number): Promise<void> {
    const trackId = trackIdPath(this.props.Metadata);
    if (trackId) await link.call('SetPosition', trackId, positionMs * 1000);
    else await link.call('Seek', (positionMs - this.positionNow()) * 1000);
    // Builds that do not signal Seeked still moved: show it now; a Seeked signal corrects it.
    this.setPosition(positionMs);
  }

  private lost(error: Error): void {
    this.link?.close();
    this.link = undefined;
    this.props = {};
    this.publish(undefined);
    if ((error as { absent?: boolean }).absent) {
      this.run = undefined;
      this.absent.note(error.message);
      return;
    }
    const wait = this.delay.failed();
    this.options.log.warn(`Spotify on this computer: D-Bus unavailable (${error.message}); trying again in ${Math.round(wait / 1000)} s.`);
    const run = this.run;
    this.retry = this.options.clock.setTimeout(() => {
      if (this.run !== run) return;
      this.run = undefined;
      this.start();
    }, wait);
  }

  private async follow(change: 'appeared' | 'quit'): Promise<void> {
    if (change === 'quit') {
      this.props = {};
      this.publish(NOT_RUNNING);
      return;
    }
    const link = this.link;
    if (!link) return;
    try {
      this.props = await link.readAll();
    } catch {
      // It quit again at once, or is still starting: its first PropertiesChanged will tell.
      return;
    }
    this.publish(this.build(0));
    await this.readPosition(link);
  }

  private async onChanged(changed: Record<string, unknown>): Promise<void> {
    const newTrack = 'Metadata' in changed && trackIdOrTitle(changed.Metadata) !== trackIdOrTitle(this.props.Metadata);
    const before = this.positionNow();
    if (newTrack) this.positionsLearnt++;
    this.props = { ...this.props, ...changed };
    // A new track starts at 0; otherwise the position goes on from where it was.
    this.publish(this.build(newTrack ? 0 : before));
    if (this.link && (newTrack || 'PlaybackStatus' in changed)) await this.readPosition(this.link);
  }

  /** Reads Position once (the app's own answer is better than our tick), unless it is known not to work. */
  private async readPosition(link: MprisLink): Promise<void> {
    if (this.positionWorks === false) return;
    const learnt = this.positionsLearnt;
    let us: number;
    try {
      us = await link.readPosition();
    } catch {
      return;
    }
    if (learnt !== this.positionsLearnt) return;
    const ticked = this.positionNow();
    // A real 0 comes only at a track's start or after a seek to it, and both reset our count.
    if (us === 0 && ticked > POSITION_PROOF_MS) {
      this.positionWorks = false;
      this.options.log.info('Spotify on this computer does not report its position; Backbeat counts it from the track start.');
      this.publish(this.build(ticked));
      return;
    }
    if (us > 0) this.positionWorks = true;
    if (Math.abs(us / 1000 - ticked) > POSITION_DRIFT_MS) this.setPosition(us / 1000);
  }

  private setPosition(positionMs: number): void {
    if (!this.current?.running) return;
    this.positionsLearnt++;
    this.publish({ ...this.current, positionMs: Math.max(0, positionMs), observedAt: this.options.clock.monotonic() });
  }

  private positionNow(): number {
    const s = this.current;
    if (!s?.running) return 0;
    return s.positionMs + (s.status === 'playing' ? this.options.clock.monotonic() - s.observedAt : 0);
  }

  private build(positionMs: number): LocalPlayerState {
    const track = trackFromMetadata(this.props.Metadata);
    return {
      running: true,
      status: track ? statusFrom(this.props.PlaybackStatus) : 'stopped',
      track,
      positionMs,
      observedAt: this.options.clock.monotonic(),
      capabilities: { ...capabilitiesFrom(this.props), position: this.positionWorks !== false },
    };
  }

  private publish(state: LocalPlayerState | undefined): void {
    this.current = state;
    this.changed.fire();
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
  }
}

function trackIdOrTitle(metadata: unknown): string | undefined {
  const m = metadata as Record<string, unknown> | undefined;
  const id = m?.['mpris:trackid'] ?? m?.['xesam:title'];
  return typeof id === 'string' ? id : undefined;
}
