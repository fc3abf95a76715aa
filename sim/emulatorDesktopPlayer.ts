import { Clock, sleep } from '../src/clock';
import type { Disposable } from '../src/disposable';
import { Emitter } from '../src/emitter';
import { LocalCommand, LocalPlayer, LocalPlayerError, LocalPlayerState, NOT_RUNNING } from '../src/localPlayer/localPlayer';
import type { Emulator, PhoneAction } from '../emulator';

// The emulator's desktop app (emulator/desktop) as the OS path would report it, in this process
// and on the emulator's clock, without D-Bus: for the merge rules' tests and the benchmark, where
// time is simulated. It reports after every change made through the Web API, the phone or the app,
// and at each track's end, as the app's signals would; it records what it was told to do.
// With `heartbeat` it is a helper process as on macOS and Windows: it writes a heartbeat every
// HEARTBEAT_MS while started, and `silence()` makes it hang (no line at all, also once restarted).

/** The helpers' heartbeat period (src/localPlayer/macos, src/localPlayer/windows). */
const HEARTBEAT_MS = 5_000;
/** How long a helper bridge waits for a command's acknowledgement (src/localPlayer/helperPlayer.ts). */
const HELPER_ACK_WAIT_MS = 3_000;

const ALL: LocalPlayerState['capabilities'] = { playPause: true, next: true, previous: true, seek: true, openUri: true, position: true };

export class EmulatorDesktopPlayer implements LocalPlayer {
  readonly via = 'emulator';
  private current: LocalPlayerState | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private unsubscribe: (() => void) | undefined;
  private endTimer: Disposable | undefined;
  /** Commands the app accepted, in order. */
  readonly sent: LocalCommand[] = [];
  /** Set to make the next commands fail. */
  failWith: Error | undefined;
  starts = 0;
  private readonly beat: Emitter<void> | undefined;
  private beatTimer: Disposable | undefined;
  private silent = false;

  constructor(
    private readonly emulator: Emulator,
    private readonly clock: Clock,
    options: { heartbeat?: boolean } = {},
  ) {
    this.beat = options.heartbeat ? new Emitter<void>() : undefined;
  }

  get onDidBeat(): LocalPlayer['onDidBeat'] {
    return this.beat?.event;
  }

  /** The helper hangs (true) or speaks again (false). */
  silence(silent: boolean): void {
    this.silent = silent;
    if (silent) this.beatTimer?.dispose();
    else this.report();
  }

  get state(): LocalPlayerState | undefined {
    return this.current;
  }

  get watched(): boolean {
    return !!this.unsubscribe;
  }

  start(): void {
    if (this.unsubscribe) return;
    this.starts++;
    this.unsubscribe = this.emulator.onPlayerChange(() => this.report());
    this.report();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.endTimer?.dispose();
    this.beatTimer?.dispose();
    this.current = undefined;
    this.changed.fire();
  }

  private heartbeat(): void {
    this.beatTimer?.dispose();
    if (!this.beat || this.silent || !this.unsubscribe) return;
    this.beat.fire();
    this.beatTimer = this.clock.setTimeout(() => this.heartbeat(), HEARTBEAT_MS);
  }

  private report(): void {
    if (!this.unsubscribe || this.silent) return;
    this.heartbeat();
    this.endTimer?.dispose();
    const view = this.emulator.desktopView();
    const now = this.clock.monotonic();
    const item = view?.item;
    this.current = view
      ? {
          running: true,
          status: !item ? 'stopped' : view.playing ? 'playing' : 'paused',
          track: item && { title: item.title, artists: item.artists, album: item.album, artUrl: item.artUrl, uri: item.uri, durationMs: item.durationMs },
          positionMs: view.positionMs,
          observedAt: now,
          capabilities: ALL,
        }
      : { ...NOT_RUNNING, observedAt: now };
    if (view?.playing && item) this.endTimer = this.clock.setTimeout(() => this.report(), Math.max(0, item.durationMs - view.positionMs) + 1);
    this.changed.fire();
  }

  async send(command: LocalCommand): Promise<void> {
    if (this.failWith) throw this.failWith;
    if (this.silent) {
      // A hung helper never acknowledges: the bridge gives up after its wait.
      await sleep(this.clock, HELPER_ACK_WAIT_MS);
      throw new LocalPlayerError('the helper did not answer');
    }
    const s = this.current;
    if (!s?.running) throw new LocalPlayerError('Spotify is not running on this computer.');
    this.sent.push(command);
    this.emulator.desktop(this.action(command, s));
  }

  private action(command: LocalCommand, s: LocalPlayerState): PhoneAction {
    switch (command.type) {
      case 'playPause':
        return { type: s.status === 'playing' ? 'pause' : 'play' };
      case 'seek':
        return { type: 'seek', positionMs: command.positionMs };
      case 'openUri':
        return { type: 'play', uri: command.uri };
      default:
        return { type: command.type };
    }
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
    this.beat?.dispose();
  }
}
