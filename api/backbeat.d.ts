// The API Backbeat (`backbeat.spotify`) offers other extensions: what plays on Spotify, as the
// status bar shows it. Copy this file into your extension, declare
// `"extensionDependencies": ["backbeat.spotify"]` and read it with
//
//   const api = vscode.extensions.getExtension<BackbeatApi>('backbeat.spotify')?.exports;
//   if (api?.apiVersion === 1) { ... }
//
// Reading it never sends a request to Spotify and spends nothing of the user's daily quota: it
// reports what Backbeat already knows. There are no tokens and no client here. Signing in stays
// with VS Code's authentication provider `spotify` (`vscode.authentication.getSession('spotify', ...)`
// asks the user), and Backbeat alone decides when to read Spotify.

/** What plays now. Plain data, a new object on each call. */
export interface NowPlaying {
  /** A track, a podcast episode, or an advertisement (then title and uri are empty). */
  kind: 'track' | 'episode' | 'ad';
  title: string;
  /** The artists as Spotify credits them, comma-separated; the show for an episode. */
  artists: string;
  /** The album; the show for an episode. */
  album: string | undefined;
  /** `spotify:track:...`, `spotify:episode:...` or `spotify:local:...` (a file from the user's computer). */
  uri: string | undefined;
  /** A file from the user's computer: no cover, not in Spotify's catalogue. */
  isLocalFile: boolean;
  /** An https image of the cover, when Spotify has one. */
  coverUrl: string | undefined;
  durationMs: number;
  /** The position at the moment of the call, counting on while playing (no request is made for it). */
  positionMs: number;
  isPlaying: boolean;
  /** The device playing, e.g. "Kitchen speaker", when known. */
  deviceName: string | undefined;
  /** The device's volume, 0 to 100, when it reports one. */
  volumePercent: number | undefined;
  shuffle: boolean;
  /** Repeat nothing, the playlist or album (`context`), or the track. */
  repeat: 'off' | 'context' | 'track';
  /** Where Backbeat learnt it: the Spotify desktop app on this computer, or the Web API. */
  source: 'local' | 'webApi';
}

/** The user's daily request budget (`backbeat.dailyRequestBudget`) over the last 24 h, every window counted. */
export interface RequestBudget {
  used: number;
  limit: number;
  /** What may still be spent: 0 while Spotify's own daily quota is spent. */
  left: number;
}

/** Shaped like `vscode.Event`: pass `context.subscriptions` as `disposables` to stop listening on deactivate. */
export type Event<T> = (listener: (e: T) => unknown, thisArgs?: unknown, disposables?: { dispose(): unknown }[]) => { dispose(): unknown };

export interface BackbeatApi {
  /** Raised only for a change that breaks consumers; check it before reading anything else. */
  readonly apiVersion: 1;
  /** What plays now, or undefined: nothing plays, or signed out with no Spotify desktop app running. */
  nowPlaying(): NowPlaying | undefined;
  /**
   * Fires with `nowPlaying()` when it may have changed: another track, play or pause, a seek, the
   * device, the source, signing in or out. Not as the position counts on: call `nowPlaying()` for that.
   */
  readonly onDidChangeNowPlaying: Event<NowPlaying | undefined>;
  /** Whether a Spotify account is signed in (what plays on the desktop app shows without one). */
  readonly signedIn: boolean;
  /** The daily request budget, or undefined when the user set none. */
  requestBudget(): RequestBudget | undefined;
  /**
   * While Spotify makes Backbeat wait (it answered 429, or its daily quota is spent), when requests
   * may leave again, in ms since the epoch; undefined otherwise. The status bar shows the same wait.
   */
  waitingUntil(): number | undefined;
}
