// The Spotify desktop app on this computer, seen through the operating system's media controls
// (MPRIS on Linux, AppleScript on macOS, SMTC on Windows): what it plays and how to control it.
// None of this touches the Web API, so it costs no quota and works without Premium. Each OS has
// its own bridge behind this one interface; the rest of Backbeat never knows which one it has.
import type { Disposable } from '../disposable';
import type { Clock } from '../clock';
import type { Event } from '../emitter';
import type { Log } from '../log';

export interface LocalTrack {
  title: string;
  artists: string[];
  album?: string;
  /** An https cover image; absent where the OS gives only pixels (Windows). */
  artUrl?: string;
  /** `spotify:track:<id>` (or episode, ad); absent where the OS does not tell (Windows). */
  uri?: string;
  durationMs: number;
}

export type LocalStatus = 'playing' | 'paused' | 'stopped';

/** What the app accepts from the OS path; anything false goes to the Web API instead. */
export interface LocalCapabilities {
  playPause: boolean;
  next: boolean;
  previous: boolean;
  seek: boolean;
  openUri: boolean;
  /** The app reports its position (old Linux builds always answer 0): else it is ticked from the track's start. */
  position: boolean;
}

export interface LocalPlayerState {
  /** The app runs (and publishes its state); false once it quits. */
  running: boolean;
  status: LocalStatus;
  track?: LocalTrack;
  /** Position at `observedAt`. */
  positionMs: number;
  /** When `positionMs` was true, on the monotonic clock (src/clock.ts); progress ticks on from there while playing. */
  observedAt: number;
  capabilities: LocalCapabilities;
}

export type LocalCommand =
  | { type: 'playPause' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'seek'; positionMs: number }
  | { type: 'openUri'; uri: string };

export interface LocalPlayer extends Disposable {
  /** For the log: "MPRIS", "AppleScript", "SMTC". */
  readonly via: string;
  /** It reads every few seconds instead of being told of changes: run it only while a window has focus. */
  readonly polls?: boolean;
  /** The last state seen; undefined before the first look or while stopped. */
  readonly state: LocalPlayerState | undefined;
  readonly onDidChange: Event<void>;
  /** Starts watching; the OS part loads or starts on the first call. Idempotent. */
  start(): void;
  /** Stops watching and ends any helper process; `start` resumes. */
  stop(): void;
  /** Resolves once the app accepted the command; rejects with the reason otherwise. */
  send(command: LocalCommand): Promise<void>;
  /**
   * A helper process proves it is alive: fired for every line it writes, a heartbeat at least every
   * 5 s. A player that has this and falls silent is restarted, and is not the truth meanwhile
   * (src/localPlayer/provenAlive.ts).
   */
  readonly onDidBeat?: Event<void>;
  /** Re-reads what the app does not announce (its position: Spotify sends no MPRIS Seeked). Local and free. */
  refresh?(): void;
}

/** A refusal or failure of the OS path; the command then goes to the Web API. */
export class LocalPlayerError extends Error {}

export const NOT_RUNNING: LocalPlayerState = Object.freeze({
  running: false,
  status: 'stopped',
  positionMs: 0,
  observedAt: 0,
  capabilities: Object.freeze({ playPause: false, next: false, previous: false, seek: false, openUri: false, position: false }),
}) as LocalPlayerState;

/** Whether the app's capabilities cover `command`. */
export function canDo(state: LocalPlayerState | undefined, command: LocalCommand): boolean {
  if (!state?.running) return false;
  const can = state.capabilities;
  switch (command.type) {
    case 'playPause':
    case 'play':
    case 'pause':
      return can.playPause;
    case 'next':
      return can.next;
    case 'previous':
      return can.previous;
    case 'seek':
      return can.seek && !!state.track;
    case 'openUri':
      return can.openUri;
  }
}

/** What every bridge is built with. */
export interface LocalPlayerDeps {
  clock: Clock;
  log: Pick<Log, 'info' | 'warn'>;
}
