import { createHash } from 'crypto';
import { oauthError } from '../errors';
import { json, parseForm, Reply, RequestContext } from '../http';
import { Settings } from '../options';
import { Grant, GrantStore } from './grantStore';

interface ClientCredentials {
  clientId?: string;
  secret?: string;
}

/** POST /api/token: code exchange (PKCE or client secret) and refresh. */
export function handleToken(ctx: RequestContext, settings: Settings, store: GrantStore): Reply {
  const form = parseForm(ctx.body);
  const client = clientCredentials(ctx, form);
  if (form.grant_type === undefined) return oauthError('unsupported_grant_type', 'grant_type parameter is missing');
  if (client.clientId !== settings.clientId) return oauthError('invalid_client', 'Invalid client');
  if (client.secret !== undefined && client.secret !== settings.clientSecret) {
    return oauthError('invalid_client', 'Invalid client secret');
  }
  switch (form.grant_type) {
    case 'authorization_code':
      return exchangeCode(form, client, settings, store);
    case 'refresh_token':
      return refresh(form, client, settings, store);
    default:
      return oauthError('unsupported_grant_type', 'grant_type must be client_credentials, authorization_code or refresh_token');
  }
}

function exchangeCode(form: Record<string, string>, client: ClientCredentials, settings: Settings, store: GrantStore): Reply {
  const code = store.redeemCode(form.code ?? '');
  if (typeof code === 'string') return oauthError('invalid_grant', code);
  if (code.clientId !== client.clientId) return oauthError('invalid_grant', 'Invalid authorization code');
  if (form.redirect_uri !== code.redirectUri) return oauthError('invalid_grant', 'Invalid redirect URI');
  if (code.codeChallenge !== undefined) {
    if (form.code_verifier === undefined) return oauthError('invalid_request', 'code_verifier required');
    if (s256(form.code_verifier) !== code.codeChallenge) return oauthError('invalid_grant', 'code_verifier was incorrect');
  } else if (client.secret === undefined) {
    // Classic flow: the code was issued without a challenge, so only the secret proves the client.
    return oauthError('invalid_client', 'Invalid client');
  }
  const grant = store.createGrant(code.clientId, code.scopes, client.secret !== undefined);
  return tokenResponse(store, grant, settings, true);
}

function refresh(form: Record<string, string>, client: ClientCredentials, settings: Settings, store: GrantStore): Reply {
  if (!form.refresh_token) return oauthError('invalid_request', 'refresh_token must be supplied');
  const found = store.findByRefreshToken(form.refresh_token);
  if (!found.ok) return oauthError('invalid_grant', found.description);
  if (found.grant.clientId !== client.clientId) return oauthError('invalid_grant', 'Invalid refresh token');
  if (found.grant.confidential && client.secret === undefined) return oauthError('invalid_client', 'Invalid client');
  // An answer without refresh_token means the old one stays valid, so only rotate when a new one is sent.
  if (settings.rotateRefreshTokens && !settings.omitRefreshTokenOnRefresh) store.rotateRefreshToken(found.grant);
  return tokenResponse(store, found.grant, settings, !settings.omitRefreshTokenOnRefresh);
}

function tokenResponse(store: GrantStore, grant: Grant, settings: Settings, includeRefreshToken: boolean): Reply {
  const body: Record<string, string | number> = {
    access_token: store.issueAccessToken(grant, settings.tokenLifetimeSeconds),
    token_type: 'Bearer',
    scope: grant.scopes.join(' '),
    expires_in: settings.tokenLifetimeSeconds,
  };
  if (includeRefreshToken) body.refresh_token = grant.refreshToken;
  return json(200, body, { 'cache-control': 'no-store' });
}

/** Client id and secret from HTTP Basic auth, else from the form (client_secret_post). */
function clientCredentials(ctx: RequestContext, form: Record<string, string>): ClientCredentials {
  const header = ctx.headers.authorization ?? '';
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) return { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  return { clientId: form.client_id, secret: form.client_secret };
}

/** PKCE S256: base64url(SHA-256(verifier)) without padding. */
function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
