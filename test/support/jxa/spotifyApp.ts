import { jxaError, NOT_AUTHORIZED } from './jxaError';
import type { ScriptClock } from '../scriptClock';

// Spotify.app as a script sees it on a Mac: its scripting dictionary (player state, player position
// in seconds, current track with duration in milliseconds), its PlaybackStateChanged distributed
// notification with the userInfo Spotify puts in it, and the two things that make it hard to
// follow: any Apple event sent while it is not running (or while it is quitting) launches it, and
// macOS may refuse Apple events altogether (Automation, -1743). The test plays the user: it
// presses Spotify's own buttons, seeks in its window, quits it and starts it.

export interface SpotifyTrack {
  id: string;
  name: string;
  artist: string;
  album: string;
  durationMs: number;
  artworkUrl: string;
}

export type PlayerState = 'playing' | 'paused' | 'stopped';

export interface SpotifyOptions {
  installed?: boolean;
  running?: boolean;
  automation?: 'allowed' | 'denied';
  /** The queue; the first one is current (unless stopped). */
  tracks?: SpotifyTrack[];
  state?: PlayerState;
  positionSeconds?: number;
}

/** How long after its last notification a quitting Spotify still counts as running. */
const QUIT_LINGER_MS = 1_500;
/** Between the two notifications a change of track posts (the first still has the old track). */
const SECOND_NOTIFICATION_MS = 150;

export class SpotifyApp {
  readonly installed: boolean;
  automation: 'allowed' | 'denied';
  /** Virtual times at which an Apple event launched Spotify (a script must never cause one). */
  readonly launches: number[] = [];
  readonly appleEvents: { at: number; event: string }[] = [];
  private isRunning: boolean;
  private quitting = false;
  private state: PlayerState;
  private readonly tracks: SpotifyTrack[];
  private index = 0;
  private position = { seconds: 0, at: 0 };

  constructor(
    private readonly clock: ScriptClock,
    private readonly post: (userInfo: Record<string, unknown>) => void,
    options: SpotifyOptions = {},
  ) {
    this.installed = options.installed ?? true;
    this.isRunning = this.installed && (options.running ?? true);
    this.automation = options.automation ?? 'allowed';
    this.tracks = options.tracks ?? [];
    this.state = this.isRunning && this.tracks.length ? (options.state ?? 'playing') : 'stopped';
    this.position = { seconds: options.positionSeconds ?? 0, at: 0 };
  }

  /** What `running()` answers: macOS's list of processes, not an Apple event. */
  get running(): boolean {
    return this.isRunning;
  }

  get current(): SpotifyTrack | undefined {
    return this.state === 'stopped' ? undefined : this.tracks[this.index];
  }

  get playerState(): PlayerState {
    return this.state;
  }

  positionSeconds(): number {
    const elapsed = this.state === 'playing' ? (this.clock.now - this.position.at) / 1000 : 0;
    return Math.min(this.position.seconds + elapsed, (this.current?.durationMs ?? 0) / 1000);
  }

  // The user, in Spotify's own window. Each change posts PlaybackStateChanged, as Spotify does.

  play(): void {
    this.setState('playing');
    this.notify();
  }

  pause(): void {
    this.setState('paused');
    this.notify();
  }

  /** Next track: the first notification still carries the old track (reported by menu-bar apps). */
  next(): void {
    this.notify();
    this.clock.at(this.clock.now + SECOND_NOTIFICATION_MS, () => {
      this.index = (this.index + 1) % this.tracks.length;
      this.seekTo(0);
      this.state = 'playing';
      this.notify();
    });
  }

  seek(seconds: number): void {
    this.seekTo(seconds);
    this.notify();
  }

  /** Quits: a last notification says Stopped while macOS still lists Spotify for a moment. */
  quit(): void {
    this.state = 'stopped';
    this.quitting = true;
    this.post({ 'Player State': 'Stopped' });
    this.clock.at(this.clock.now + QUIT_LINGER_MS, () => {
      if (!this.quitting) return;
      this.quitting = false;
      this.isRunning = false;
    });
  }

  /** Started from the Dock: running, nothing playing yet. */
  launch(): void {
    this.isRunning = true;
    this.quitting = false;
    this.state = 'stopped';
  }

  // Apple events, as the Application object of a script sends them.

  /** Delivers one Apple event: launching Spotify first if it is not running (or is quitting). */
  appleEvent<T>(event: string, work: () => T): T {
    this.appleEvents.push({ at: this.clock.now, event });
    if (!this.isRunning || this.quitting) {
      this.launches.push(this.clock.now);
      this.launch();
    }
    if (this.automation === 'denied') throw jxaError(NOT_AUTHORIZED, 'Not authorized to send Apple events to Spotify.');
    return work();
  }

  /** A command from the dictionary; true when Spotify knows it. */
  command(name: string, args: unknown[]): boolean {
    switch (name) {
      case 'playpause':
        if (this.state === 'playing') this.pause();
        else this.play();
        return true;
      case 'play':
        this.play();
        return true;
      case 'pause':
        this.pause();
        return true;
      case 'nextTrack':
        this.next();
        return true;
      case 'previousTrack':
        this.index = (this.index + this.tracks.length - 1) % this.tracks.length;
        this.seek(0);
        return true;
      case 'playTrack': {
        const found = this.tracks.findIndex((t) => t.id === args[0]);
        if (found >= 0) this.index = found;
        this.seekTo(0);
        this.play();
        return true;
      }
      default:
        return false;
    }
  }

  private setState(state: PlayerState): void {
    this.seekTo(this.positionSeconds());
    this.state = this.tracks.length ? state : 'stopped';
  }

  private seekTo(seconds: number): void {
    this.position = { seconds, at: this.clock.now };
  }

  /** PlaybackStateChanged with the userInfo Spotify posts (durations in ms, position in seconds). */
  private notify(): void {
    const track = this.current;
    if (!track) return this.post({ 'Player State': 'Stopped' });
    this.post({
      Album: track.album,
      'Album Artist': track.artist,
      Artist: track.artist,
      'Disc Number': 1,
      Duration: track.durationMs,
      'Has Artwork': true,
      Name: track.name,
      'Play Count': 0,
      'Playback Position': this.positionSeconds(),
      'Player State': this.state === 'playing' ? 'Playing' : 'Paused',
      Popularity: 61,
      Starred: false,
      'Track ID': track.id,
      'Track Number': 1,
    });
  }
}
