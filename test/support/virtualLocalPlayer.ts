import type { Clock } from '../../src/clock';
import { Emitter } from '../../src/emitter';
import { LocalCommand, LocalPlayer, LocalPlayerError, LocalPlayerState, LocalTrack, NOT_RUNNING } from '../../src/localPlayer/localPlayer';

// The Spotify desktop app as the OS path would report it, on the test's (or the benchmark's)
// clock: the test plays, pauses, changes tracks or quits it, and sees the commands it was sent.

const TEARDROP: LocalTrack = {
  title: 'Teardrop',
  artists: ['Massive Attack'],
  album: 'Mezzanine',
  artUrl: 'https://i.scdn.co/image/teardrop',
  uri: 'spotify:track:1',
  durationMs: 330_000,
};

const ANGEL: LocalTrack = { ...TEARDROP, title: 'Angel', uri: 'spotify:track:2', durationMs: 378_000 };

const ALL: LocalPlayerState['capabilities'] = { playPause: true, next: true, previous: true, seek: true, openUri: true, position: true };

export class VirtualLocalPlayer implements LocalPlayer {
  readonly via = 'virtual';
  private current: LocalPlayerState | undefined;
  private app: LocalPlayerState = NOT_RUNNING;
  private watching = false;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  readonly sent: LocalCommand[] = [];
  /** Set to make the next commands fail. */
  failWith: Error | undefined;
  starts = 0;
  stops = 0;

  constructor(private readonly clock: Clock) {}

  get state(): LocalPlayerState | undefined {
    return this.current;
  }

  get watched(): boolean {
    return this.watching;
  }

  start(): void {
    if (this.watching) return;
    this.watching = true;
    this.starts++;
    this.publish();
  }

  stop(): void {
    if (!this.watching) return;
    this.watching = false;
    this.stops++;
    this.publish();
  }

  /** The app (re)starts with `track`, playing or paused, at `positionMs`. */
  play(track: LocalTrack, positionMs = 0): void {
    this.set({ running: true, status: 'playing', track, positionMs, observedAt: this.clock.now(), capabilities: ALL });
  }

  pause(): void {
    this.set({ ...this.app, status: 'paused', positionMs: this.positionNow(), observedAt: this.clock.now() });
  }

  resume(): void {
    this.set({ ...this.app, status: 'playing', positionMs: this.positionNow(), observedAt: this.clock.now() });
  }

  quit(): void {
    this.set(NOT_RUNNING);
  }

  async send(command: LocalCommand): Promise<void> {
    if (this.failWith) throw this.failWith;
    if (!this.current?.running) throw new LocalPlayerError('not running');
    this.sent.push(command);
    const track = this.app.track;
    switch (command.type) {
      case 'pause':
        return this.pause();
      case 'play':
        return this.resume();
      case 'playPause':
        return this.app.status === 'playing' ? this.pause() : this.resume();
      case 'next':
        return track && this.play(track === ANGEL ? TEARDROP : ANGEL);
      case 'seek':
        return this.set({ ...this.app, positionMs: command.positionMs, observedAt: this.clock.now() });
      default:
        return;
    }
  }

  private positionNow(): number {
    const s = this.app;
    return s.positionMs + (s.status === 'playing' ? this.clock.now() - s.observedAt : 0);
  }

  private set(state: LocalPlayerState): void {
    this.app = state;
    this.publish();
  }

  private publish(): void {
    this.current = this.watching ? this.app : undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
