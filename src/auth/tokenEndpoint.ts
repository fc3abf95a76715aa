import { fetchWithTimeout, NetworkError, readJson } from '../net';
import { l10n } from '../l10n';

/** Talks to Spotify's accounts service `POST /api/token`: code exchange and refresh. */
interface TokenGrant {
  accessToken: string;
  /** Absent when Spotify keeps the current refresh token. */
  refreshToken?: string;
  expiresInSeconds: number;
  scopes: string[];
}

/**
 * `dead_grant`: the refresh token or code will never work again (sign in anew).
 * `expired_grant`: a dead grant that reached Spotify's six-month limit (since mid-2026 a sign-in
 *   ends six months after consent, however often it was refreshed): sign in anew, told why.
 * `rejected_client`: the Client ID or secret is wrong (fix the setup).
 * `unavailable`: network, timeout, 5xx or a garbled answer (try again later; keep the session).
 */
type TokenErrorKind = 'dead_grant' | 'expired_grant' | 'rejected_client' | 'bad_request' | 'unavailable';

/** The grant will never work again: the user must sign in anew. */
export function isDeadGrant(error: unknown): error is TokenError {
  return error instanceof TokenError && (error.kind === 'dead_grant' || error.kind === 'expired_grant');
}

export class TokenError extends Error {
  constructor(
    readonly kind: TokenErrorKind,
    message: string,
    /** Spotify's `error_description`, safe to log (it never contains the token). */
    readonly description?: string,
  ) {
    super(message);
  }
}

export interface TokenClient {
  accountsUrl: string;
  clientId: string;
  /** Classic Authorization Code flow: the secret authenticates the app with HTTP Basic. */
  clientSecret?: string;
  timeoutMs?: number;
}

export function exchangeCode(client: TokenClient, code: string, redirectUri: string, codeVerifier?: string): Promise<TokenGrant> {
  const form: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
  if (codeVerifier) form.code_verifier = codeVerifier;
  return requestToken(client, form);
}

export function refreshGrant(client: TokenClient, refreshToken: string): Promise<TokenGrant> {
  return requestToken(client, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

async function requestToken(client: TokenClient, form: Record<string, string>): Promise<TokenGrant> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const body = new URLSearchParams(form);
  if (client.clientSecret) {
    headers.Authorization = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
  } else {
    body.set('client_id', client.clientId);
  }
  let response;
  try {
    response = await fetchWithTimeout(`${client.accountsUrl}/api/token`, { method: 'POST', headers, body: body.toString() }, client.timeoutMs);
  } catch (error) {
    if (error instanceof NetworkError) throw new TokenError('unavailable', l10n.t("Spotify's sign-in service is unreachable: {0}.", error.message));
    throw error;
  }
  const json = readJson(response);
  if (response.ok) return parseGrant(json);
  throw toTokenError(response.status, json);
}

function parseGrant(json: unknown): TokenGrant {
  const v = (json ?? {}) as Record<string, unknown>;
  if (typeof v.access_token !== 'string' || !v.access_token || typeof v.expires_in !== 'number') {
    throw new TokenError('unavailable', l10n.t("Spotify's sign-in service gave an answer Backbeat could not read."));
  }
  return {
    accessToken: v.access_token,
    refreshToken: typeof v.refresh_token === 'string' && v.refresh_token ? v.refresh_token : undefined,
    expiresInSeconds: v.expires_in,
    scopes: typeof v.scope === 'string' ? v.scope.split(/\s+/).filter(Boolean) : [],
  };
}

function toTokenError(status: number, json: unknown): TokenError {
  const v = (json ?? {}) as Record<string, unknown>;
  const code = typeof v.error === 'string' ? v.error : undefined;
  const description = typeof v.error_description === 'string' ? v.error_description : undefined;
  if (status >= 500 || status === 429 || !code) {
    return new TokenError('unavailable', l10n.t("Spotify's sign-in service is having trouble (HTTP {0}).", status), description);
  }
  switch (code) {
    case 'invalid_grant':
      if (description !== undefined && /refresh token expired/i.test(description)) {
        return new TokenError('expired_grant', l10n.t('Spotify ends a sign-in six months after it began, and this one has ended.'), description);
      }
      return new TokenError('dead_grant', description ? l10n.t('Spotify no longer accepts this sign-in ({0}).', description) : l10n.t('Spotify no longer accepts this sign-in.'), description);
    case 'invalid_client':
      return new TokenError('rejected_client', rejectedClientText(description), description);
    default:
      return new TokenError('bad_request', description ? l10n.t('Spotify refused the sign-in request ({0}: {1}).', code, description) : l10n.t('Spotify refused the sign-in request ({0}).', code), description);
  }
}

/** `invalid_client`: the secret is named only when Spotify's description speaks of it. */
function rejectedClientText(description: string | undefined): string {
  if (!description) return l10n.t('Spotify rejected the app credentials. Check your Client ID.');
  return description.includes('secret')
    ? l10n.t('Spotify rejected the app credentials ({0}). Check your Client ID and client secret.', description)
    : l10n.t('Spotify rejected the app credentials ({0}). Check your Client ID.', description);
}
