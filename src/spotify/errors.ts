// Spotify's refusals as typed values, decided once from status, `error.reason` and message, so the
// UI chooses words and actions from a kind instead of parsing strings.
import { l10n } from '../l10n';

type SpotifyErrorKind =
  | 'no_active_device'
  | 'premium_required'
  | 'volume_not_controllable'
  | 'restricted'
  | 'device_not_found'
  | 'device_not_controllable'
  | 'nothing_to_skip'
  | 'device_waking'
  | 'rate_limited'
  /** Refused with 429 on every try though other endpoints answer: closed to development-mode apps (src/spotify/closedEndpoints.ts). */
  | 'closed_to_app'
  | 'missing_scope'
  | 'user_not_registered'
  | 'unauthorized'
  | 'not_found'
  | 'bad_request'
  | 'server'
  | 'network'
  | 'malformed';

export class SpotifyError extends Error {
  constructor(
    readonly kind: SpotifyErrorKind,
    message: string,
    readonly status?: number,
    readonly reason?: string,
    /** For `rate_limited`: how long Spotify asked us to wait. */
    readonly retryAfterSeconds?: number,
    /** Spotify's own words, quoted untranslated in a message. */
    readonly spotifySaid?: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  message?: string;
  reason?: string;
}

/** "Insufficient client scope" where Backbeat knows which scope the refused request needed. */
export class ScopeMissing extends Error {
  constructor(
    readonly scope: string,
    /** What was refused, for the message ("Like"). */
    readonly doing: string,
    /** The sign-in already includes the scope: signing in again would ask for the same and change nothing. */
    readonly alreadyGranted: boolean,
  ) {
    super(l10n.t('Spotify refused {0}: the {1} permission is missing.', doing, scope));
  }
}

/** Names the scope a refused request needed; other failures pass through unchanged. */
export function namingMissingScope(error: unknown, scope: string, doing: string, granted: readonly string[]): unknown {
  return error instanceof SpotifyError && error.kind === 'missing_scope' ? new ScopeMissing(scope, doing, granted.includes(scope)) : error;
}

/** How much of an error body is read: enough for any message Spotify sends, never a whole page. */
const BODY_READ_LIMIT = 500;
const MESSAGE_LIMIT = 200;

/**
 * Spotify's JSON envelope `{"error": {message, reason}}`, or a plain-text body (some refusals, such
 * as a user missing from the app's allow-list, come as text). HTML pages carry no message.
 */
/** Spotify's reasons are upper-case words (QUOTA_EXCEEDED); anything else is not kept. */
const PLAIN_REASON = /^[A-Z_]{1,40}$/;

export function plainReason(reason: unknown): string | undefined {
  return typeof reason === 'string' && PLAIN_REASON.test(reason) ? reason : undefined;
}

/** An answer's text on one line: what it says is logged and shown, and must not forge a line. */
const oneLine = (text: string) => text.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim().slice(0, MESSAGE_LIMIT);

function errorBody(text: string): ErrorBody {
  const head = text.slice(0, BODY_READ_LIMIT).trim();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return head && !head.startsWith('<') ? { message: oneLine(head) } : {};
  }
  const error = (json as { error?: unknown } | undefined)?.error;
  if (typeof error !== 'object' || error === null) return {};
  const e = error as Record<string, unknown>;
  return {
    message: typeof e.message === 'string' ? oneLine(e.message) : undefined,
    reason: plainReason(e.reason),
  };
}

/**
 * The wordings Spotify uses for a user missing from the app's User Management: "User not registered
 * in the Developer Dashboard", "Check settings on developer.spotify.com/dashboard, the user may not
 * be registered.", "The user is not registered for this application", "User not approved for app".
 */
const NOT_REGISTERED = /\bnot (?:be )?registered\b|\bnot approved for (?:this )?app/i;

/** Turns an error answer (its status and body text) into a typed refusal. */
export function classifyError(status: number, bodyText: string, retryAfterSeconds?: number): SpotifyError {
  const { message = '', reason } = errorBody(bodyText);
  const said = message ? l10n.t('Spotify said: {0}', message) : `HTTP ${status}`;
  const make = (kind: SpotifyErrorKind) => new SpotifyError(kind, said, status, reason, retryAfterSeconds, message || undefined);
  if (status === 429) return make('rate_limited');
  if (status === 401) return make('unauthorized');
  if (status >= 500) return make('server');
  switch (reason) {
    case 'NO_ACTIVE_DEVICE':
      return make('no_active_device');
    case 'PREMIUM_REQUIRED':
      return make('premium_required');
    case 'VOLUME_CONTROL_DISALLOW':
      return make('volume_not_controllable');
    case 'DEVICE_NOT_CONTROLLABLE':
    case 'REMOTE_CONTROL_DISALLOW':
      return make('device_not_controllable');
    case 'NO_PREV_TRACK':
    case 'NO_NEXT_TRACK':
      return make('nothing_to_skip');
  }
  if (/insufficient client scope/i.test(message)) return make('missing_scope');
  if (status === 403 && NOT_REGISTERED.test(message)) return make('user_not_registered');
  if (/device not found/i.test(message)) return make('device_not_found');
  if (/cannot control device volume/i.test(message)) return make('volume_not_controllable');
  if (/premium required/i.test(message)) return make('premium_required');
  if (status === 403) return make('restricted');
  if (status === 404) return make('not_found');
  return make('bad_request');
}
