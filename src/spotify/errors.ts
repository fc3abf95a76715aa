/**
 * Spotify's refusals as typed values, decided once from status, `error.reason` and message, so the
 * UI chooses words and actions from a kind instead of parsing strings.
 */
export type SpotifyErrorKind =
  | 'no_active_device'
  | 'premium_required'
  | 'volume_not_controllable'
  | 'restricted'
  | 'device_not_found'
  | 'device_not_controllable'
  | 'nothing_to_skip'
  | 'rate_limited'
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
  ) {
    super(message);
  }
}

interface ErrorBody {
  status?: number;
  message?: string;
  reason?: string;
}

function errorBody(json: unknown): ErrorBody {
  const error = (json as { error?: unknown } | undefined)?.error;
  if (typeof error !== 'object' || error === null) return {};
  const e = error as Record<string, unknown>;
  return {
    message: typeof e.message === 'string' ? e.message.slice(0, 200) : undefined,
    reason: typeof e.reason === 'string' ? e.reason : undefined,
  };
}

export function classifyError(status: number, json: unknown, retryAfterSeconds?: number): SpotifyError {
  const { message = '', reason } = errorBody(json);
  const said = message ? `Spotify said: ${message}` : `HTTP ${status}`;
  const make = (kind: SpotifyErrorKind) => new SpotifyError(kind, said, status, reason, retryAfterSeconds);
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
  if (/not registered/i.test(message)) return make('user_not_registered');
  if (/device not found/i.test(message)) return make('device_not_found');
  if (/cannot control device volume/i.test(message)) return make('volume_not_controllable');
  if (/premium required/i.test(message)) return make('premium_required');
  if (status === 403) return make('restricted');
  if (status === 404) return make('not_found');
  return make('bad_request');
}
