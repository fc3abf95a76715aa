import { Clock, realClock } from './clock';
import { defaultDevices } from './world/devices';

export const DEFAULT_CLIENT_ID = 'b4c6b1e2d3f405162738495a6b7c8d9e';
export const DEFAULT_CLIENT_SECRET = '5f1e0d2c3b4a59687766554433221100';

/** The range the default ('random') state lag draws from: real reads lag 0.2-3 s. */
export const MIN_RANDOM_LAG_MS = 200;
export const MAX_RANDOM_LAG_MS = 3000;

/** The wordings seen when Spotify refuses a user missing from the app's User Management. */
export const NOT_REGISTERED_MESSAGES: readonly string[] = Object.freeze([
  'User not registered in the Developer Dashboard',
  'Check settings on developer.spotify.com/dashboard, the user may not be registered.',
  'The user is not registered for this application',
]);

/**
 * The redirect URIs a Backbeat developer registers in the Spotify dashboard. Loopback IPs are
 * registered without a port: Spotify then accepts any port for them.
 */
export const DEFAULT_REDIRECT_URIS: readonly string[] = Object.freeze([
  'http://127.0.0.1/callback',
  'http://[::1]/callback',
  'vscode://backbeat.spotify/callback',
  'vscode-insiders://backbeat.spotify/callback',
  'code-oss://backbeat.spotify/callback',
]);

export interface EmulatorOptions {
  /** Default '127.0.0.2', not 127.0.0.1: code-server rewrites 127.0.0.1 URLs. */
  host?: string;
  port?: number;
  clock?: Clock;
  clientId?: string;
  clientSecret?: string;
  /** Added to DEFAULT_REDIRECT_URIS. */
  redirectUris?: string[];
  /** /authorize redirects with a code at once instead of showing the consent page. */
  autoApprove?: boolean;
  rotateRefreshTokens?: boolean;
  omitRefreshTokenOnRefresh?: boolean;
  tokenLifetimeSeconds?: number;
  /**
   * After a player command, reads show the previous state for this long. Default 'random': each
   * command draws its own lag between MIN_RANDOM_LAG_MS and MAX_RANDOM_LAG_MS from a seeded sequence, so a run
   * repeats exactly. Tests that need exact reads set 0.
   */
  stateLagMs?: number | 'random';
  /** The signed-in user has Premium (player commands need it). Default true. */
  premium?: boolean;
  /** The user is on the app's allow list in the Developer Dashboard. Default true. */
  userRegistered?: boolean;
  /** How Spotify refuses a user missing from the allow list: its wording varies (NOT_REGISTERED_MESSAGES). */
  notRegisteredMessage?: string;
  /** That refusal's body: often plain text (the default), sometimes the usual JSON error. */
  notRegisteredBody?: 'text' | 'json';
  /** The next this many player commands answer 202 and are not carried out: the device is waking up. */
  deviceWakingCommands?: number;
  /** Every 429 carries `Retry-After: 0`, as Spotify sometimes sends (spotify/web-api #542). */
  zeroRetryAfter?: boolean;
  /**
   * A user who already approved these scopes is sent back at once without the consent page,
   * unless the app asks for `show_dialog=true` (as Spotify does). Default false: the page always shows.
   */
  rememberConsent?: boolean;
  /**
   * Keys of the user's devices that are online (see world/devices.ts): 'computer', 'phone',
   * 'speaker', 'cast-group'. Default all. Offline devices are neither listed nor targetable.
   */
  devices?: string[];
  /**
   * A D-Bus session bus address: the emulator publishes the Spotify desktop app of its `computer`
   * device there as an MPRIS player (emulator/desktop). Empty: no desktop app.
   */
  desktopBus?: string;
  /** The desktop app runs (default true); false quits it, true starts it again. */
  desktopRunning?: boolean;
  /** The desktop app reports its position over MPRIS (default true); false acts like older builds, which always answer 0. */
  desktopReportsPosition?: boolean;
  /**
   * The desktop app signals MPRIS `Seeked` after a jump (default false): Spotify's real app never
   * does (playerctl #102), so a seek made in its own window is announced by nothing.
   */
  desktopSendsSeeked?: boolean;
  /**
   * Spotify's daily quota of a development-mode app: served Web API requests per Client ID in any
   * rolling 24 h. 0 (the default) turns it off; requests are counted either way (see dailyQuota.ts).
   */
  dailyQuota?: number;
  /** The Retry-After sent once the daily quota is spent (reports saw 48,925 and 52,531 s). */
  quotaRetryAfterSeconds?: number;
  /** The LRCLIB stand-in answers every track it knows with a 5 MB record: more than any client should read. */
  lyricsHugeAnswers?: boolean;
}

/** About 14 h, between the two waits reported in 2026. */
const DEFAULT_QUOTA_RETRY_AFTER_SECONDS = 50_000;

/** Options with every default filled in; what the emulator actually reads. */
export type Settings = Required<Omit<EmulatorOptions, 'clock'>>;

export function resolveSettings(options: EmulatorOptions): Settings {
  return {
    host: options.host ?? '127.0.0.2',
    port: options.port ?? 0,
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
    redirectUris: options.redirectUris ?? [],
    autoApprove: options.autoApprove ?? false,
    rotateRefreshTokens: options.rotateRefreshTokens ?? true,
    omitRefreshTokenOnRefresh: options.omitRefreshTokenOnRefresh ?? false,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    stateLagMs: options.stateLagMs ?? 'random',
    premium: options.premium ?? true,
    userRegistered: options.userRegistered ?? true,
    notRegisteredMessage: options.notRegisteredMessage ?? NOT_REGISTERED_MESSAGES[0],
    notRegisteredBody: options.notRegisteredBody ?? 'text',
    deviceWakingCommands: options.deviceWakingCommands ?? 0,
    zeroRetryAfter: options.zeroRetryAfter ?? false,
    rememberConsent: options.rememberConsent ?? false,
    devices: options.devices ?? defaultDevices().map((d) => d.key),
    desktopBus: options.desktopBus ?? '',
    desktopRunning: options.desktopRunning ?? true,
    desktopReportsPosition: options.desktopReportsPosition ?? true,
    desktopSendsSeeked: options.desktopSendsSeeked ?? false,
    dailyQuota: options.dailyQuota ?? 0,
    quotaRetryAfterSeconds: options.quotaRetryAfterSeconds ?? DEFAULT_QUOTA_RETRY_AFTER_SECONDS,
    lyricsHugeAnswers: options.lyricsHugeAnswers ?? false,
  };
}

export function pickClock(options: EmulatorOptions): Clock {
  return options.clock ?? realClock;
}

/** Keys that only make sense at start-up; configure() refuses them. */
const START_ONLY: ReadonlyArray<keyof EmulatorOptions> = ['host', 'port', 'clock', 'desktopBus'];

export function applyPatch(settings: Settings, patch: Partial<EmulatorOptions>): void {
  for (const key of START_ONLY) {
    if (patch[key] !== undefined) {
      throw new Error(`'${key}' can only be set when the emulator starts`);
    }
  }
  const known = new Set<string>(Object.keys(settings));
  for (const [key, value] of Object.entries(patch)) {
    if (!known.has(key)) {
      throw new Error(`unknown emulator option '${key}'`);
    }
    if (value !== undefined) {
      (settings as unknown as Record<string, unknown>)[key] = value;
    }
  }
}
