import type { Clock } from './clock';
import type { DesktopView } from './desktop/desktopView';
import type { QuotaReport } from './dailyQuota';
import type { Fault } from './faults';
import type { EmulatorOptions } from './options';
import type { PhoneAction } from './world/player';

// What the emulator offers its users (tests, the control API, the phone page, the CLI), apart
// from the class that serves it (emulator.ts).

/** One request the emulator served (never its tokens or body). */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** HTTP status sent; 0 when a fault hung the request or destroyed the socket. */
  status: number;
  /** When it arrived, by the emulator's clock. */
  time: number;
  /** It carried a valid Bearer access token. */
  authenticated: boolean;
  /** A fault answered (or delayed, hung, destroyed) it. */
  fault: boolean;
  /** The User-Agent header, for requests to the LRCLIB stand-in only. */
  userAgent?: string;
}

export interface EmulatorSnapshot {
  isPlaying: boolean;
  activeDeviceId: string | null;
  deviceName: string | null;
  itemUri: string | null;
  itemName: string | null;
  /** The artists of a track, or the show of an episode: what the phone shows under the title. */
  itemByline: string | null;
  itemDurationMs: number | null;
  /** An advertisement plays (the item waits until it ends). */
  playingAd: boolean;
  progressMs: number;
  volumePercent: number | null;
  shuffle: boolean;
  repeat: 'off' | 'track' | 'context';
  queueUris: string[];
  likedUris: string[];
  /** Grants (consents) that can still be refreshed. */
  grants: number;
  /** The devices online now, by the key phone transfers take. */
  devices: { key: string; name: string; type: string; isActive: boolean }[];
}

export interface Emulator {
  readonly accountsUrl: string;
  readonly apiUrl: string;
  readonly controlUrl: string;
  /** The origin of the LRCLIB stand-in (`/api/get`), for `backbeat.lyricsUrl`. */
  readonly lyricsUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clock: Clock;
  /** Requests to Spotify (accounts and Web API); never the control API's or the LRCLIB stand-in's. */
  readonly requests: RecordedRequest[];
  /** Requests to the LRCLIB stand-in (`/api/get`, `/api/get-cached`). */
  readonly lyricsRequests: RecordedRequest[];
  configure(patch: Partial<EmulatorOptions>): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  revokeGrants(): void;
  expireAccessTokens(): void;
  /** Six months pass for every sign-in: the next refresh gets invalid_grant "Refresh token expired". */
  expireGrants(): void;
  phone(action: PhoneAction): void;
  /** Something done in the desktop app itself: it wakes this computer, not the phone. */
  desktop(action: PhoneAction): void;
  /** What the desktop app on this computer shows, or undefined while it is not running. */
  desktopView(): DesktopView | undefined;
  /** Told after each change made through the Web API, the phone or the desktop app; returns how to stop. */
  onPlayerChange(listener: () => void): () => void;
  snapshot(): EmulatorSnapshot;
  /** The daily quota per Client ID: requests counted in the last 24 h, refusals, waits. */
  quota(): QuotaReport;
  /** Every authorization code, refresh and access token issued, plus the client secret (for leak scans). */
  issuedSecrets(): string[];
  reset(options?: { grants?: boolean }): void;
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  close(): Promise<void>;
}
