import * as assert from 'assert';
import fetch from 'node-fetch';
import { Emulator, VirtualClock } from '..';
import {
  api, apiErrorOf, authorize, LOOPBACK_REDIRECT, pkcePair, signIn, startOnVirtualClock, tokenRequest,
} from './support';

const DAY_MS = 24 * 3600_000;

describe('emulator accounts service', () => {
  let emulator: Emulator;
  let clock: VirtualClock;

  beforeEach(async () => {
    ({ emulator, clock } = await startOnVirtualClock());
  });
  afterEach(() => emulator.close());

  async function pkceCode(redirectUri = LOOPBACK_REDIRECT): Promise<{ code: string; verifier: string }> {
    const { verifier, challenge } = pkcePair();
    const { location } = await authorize(emulator, { challenge, redirectUri });
    return { code: location?.searchParams.get('code') ?? '', verifier };
  }

  function exchange(code: string, verifier: string | undefined, redirectUri = LOOPBACK_REDIRECT) {
    const form: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: emulator.clientId };
    if (verifier !== undefined) form.code_verifier = verifier;
    return tokenRequest(emulator, form);
  }

  function refresh(refreshToken: string) {
    return tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: emulator.clientId });
  }

  describe('PKCE exchange', () => {
    it('answers exactly {access_token, token_type, scope, expires_in, refresh_token} as JSON', async () => {
      const { code, verifier } = await pkceCode();
      const answer = await exchange(code, verifier);
      assert.strictEqual(answer.status, 200);
      assert.match(answer.contentType ?? '', /^application\/json/);
      assert.deepStrictEqual(Object.keys(answer.body).sort(), ['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
      assert.strictEqual(answer.body.token_type, 'Bearer');
      assert.strictEqual(answer.body.expires_in, 3600);
      assert.match(answer.body.scope as string, /user-read-playback-state/);
      const me = await api(emulator, answer.body.access_token as string, 'GET', '/me');
      assert.strictEqual(me.status, 200);
    });

    it('uses a code only once', async () => {
      const { code, verifier } = await pkceCode();
      assert.strictEqual((await exchange(code, verifier)).status, 200);
      const again = await exchange(code, verifier);
      assert.deepStrictEqual([again.status, again.body], [400, { error: 'invalid_grant', error_description: 'Invalid authorization code' }]);
    });

    it('refuses a wrong verifier, and a missing one', async () => {
      const first = await pkceCode();
      assert.deepStrictEqual((await exchange(first.code, pkcePair().verifier)).body,
        { error: 'invalid_grant', error_description: 'code_verifier was incorrect' });
      const second = await pkceCode();
      assert.deepStrictEqual((await exchange(second.code, undefined)).body,
        { error: 'invalid_request', error_description: 'code_verifier required' });
    });

    it('needs the same redirect_uri as /authorize', async () => {
      const { code, verifier } = await pkceCode('http://127.0.0.1:40000/callback');
      const answer = await exchange(code, verifier, 'http://127.0.0.1:40001/callback');
      assert.deepStrictEqual([answer.status, answer.body], [400, { error: 'invalid_grant', error_description: 'Invalid redirect URI' }]);
    });

    it('lets a code expire after 10 minutes', async () => {
      const { code, verifier } = await pkceCode();
      clock.advance(10 * 60_000 + 1);
      assert.deepStrictEqual((await exchange(code, verifier)).body,
        { error: 'invalid_grant', error_description: 'Authorization code expired' });
    });

    it('refuses an unknown client id', async () => {
      const answer = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: 'x', client_id: 'nope' });
      assert.deepStrictEqual([answer.status, answer.body], [400, { error: 'invalid_client', error_description: 'Invalid client' }]);
    });
  });

  describe('classic exchange with the client secret', () => {
    async function classicCode(): Promise<string> {
      const { location } = await authorize(emulator, {});
      return location?.searchParams.get('code') ?? '';
    }

    it('exchanges with Basic auth and refreshes with it', async () => {
      const basic = { id: emulator.clientId, secret: emulator.clientSecret };
      const answer = await tokenRequest(emulator, { grant_type: 'authorization_code', code: await classicCode(), redirect_uri: LOOPBACK_REDIRECT }, basic);
      assert.strictEqual(answer.status, 200, JSON.stringify(answer.body));
      const refreshed = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: answer.body.refresh_token as string }, basic);
      assert.strictEqual(refreshed.status, 200);
      // Without the secret, a grant made with it cannot be refreshed.
      const withoutSecret = await refresh(refreshed.body.refresh_token as string);
      assert.deepStrictEqual(withoutSecret.body, { error: 'invalid_client', error_description: 'Invalid client' });
    });

    it('refuses a wrong secret', async () => {
      const answer = await tokenRequest(emulator, { grant_type: 'authorization_code', code: await classicCode(), redirect_uri: LOOPBACK_REDIRECT },
        { id: emulator.clientId, secret: '0'.repeat(32) });
      assert.deepStrictEqual([answer.status, answer.body], [400, { error: 'invalid_client', error_description: 'Invalid client secret' }]);
    });

    it('refuses a code without challenge exchanged without the secret', async () => {
      const answer = await exchange(await classicCode(), undefined);
      assert.strictEqual(answer.body.error, 'invalid_client');
    });
  });

  describe('refresh', () => {
    it('rotates: a new refresh token, and the old one is then revoked', async () => {
      const tokens = await signIn(emulator);
      const answer = await refresh(tokens.refreshToken);
      assert.strictEqual(answer.status, 200);
      assert.notStrictEqual(answer.body.refresh_token, tokens.refreshToken);
      assert.deepStrictEqual((await refresh(tokens.refreshToken)).body, { error: 'invalid_grant', error_description: 'Refresh token revoked' });
      assert.strictEqual((await refresh(answer.body.refresh_token as string)).status, 200);
    });

    it('without rotation keeps the same refresh token working', async () => {
      emulator.configure({ rotateRefreshTokens: false });
      const tokens = await signIn(emulator);
      const first = await refresh(tokens.refreshToken);
      assert.strictEqual(first.body.refresh_token, tokens.refreshToken);
      assert.strictEqual((await refresh(tokens.refreshToken)).status, 200);
    });

    it('can omit refresh_token from the response', async () => {
      emulator.configure({ omitRefreshTokenOnRefresh: true, rotateRefreshTokens: false });
      const tokens = await signIn(emulator);
      const answer = await refresh(tokens.refreshToken);
      assert.strictEqual(answer.status, 200);
      assert.ok(!('refresh_token' in answer.body));
      assert.strictEqual((await refresh(tokens.refreshToken)).status, 200, 'the old one keeps working');
    });

    it('answers "Invalid refresh token" for a token it never issued', async () => {
      assert.deepStrictEqual((await refresh('AQ-made-up')).body, { error: 'invalid_grant', error_description: 'Invalid refresh token' });
    });

    it('kills a grant 6 months after consent, however often it was refreshed', async () => {
      let refreshToken = (await signIn(emulator)).refreshToken;
      for (let month = 0; month < 5; month++) {
        clock.advance(30 * DAY_MS);
        const answer = await refresh(refreshToken);
        assert.strictEqual(answer.status, 200, `month ${month}`);
        refreshToken = answer.body.refresh_token as string;
      }
      assert.strictEqual(emulator.snapshot().grants, 1);
      clock.advance(35 * DAY_MS);
      assert.deepStrictEqual((await refresh(refreshToken)).body, { error: 'invalid_grant', error_description: 'Refresh token expired' });
      assert.strictEqual(emulator.snapshot().grants, 0);
    });
  });

  describe('revocation and expiry', () => {
    it('revokeGrants kills refresh and access tokens', async () => {
      const tokens = await signIn(emulator);
      emulator.revokeGrants();
      assert.deepStrictEqual((await refresh(tokens.refreshToken)).body, { error: 'invalid_grant', error_description: 'Refresh token revoked' });
      const me = await api(emulator, tokens.accessToken, 'GET', '/me');
      assert.deepStrictEqual([me.status, me.body], [401, { error: { status: 401, message: 'Invalid access token' } }]);
    });

    it('expireGrants: six months pass, so the refresh answers "Refresh token expired" and the access token has expired; a new sign-in works', async () => {
      const tokens = await signIn(emulator);
      emulator.expireGrants();
      assert.deepStrictEqual((await refresh(tokens.refreshToken)).body, { error: 'invalid_grant', error_description: 'Refresh token expired' });
      assert.strictEqual(apiErrorOf(await api(emulator, tokens.accessToken, 'GET', '/me')).message, 'The access token expired');
      assert.strictEqual(emulator.snapshot().grants, 0);
      const again = await signIn(emulator);
      assert.strictEqual((await refresh(again.refreshToken)).status, 200, 'a new consent starts a new six months');
    });

    it('access tokens expire after their lifetime, and on expireAccessTokens', async () => {
      emulator.configure({ tokenLifetimeSeconds: 60 });
      const tokens = await signIn(emulator);
      clock.advance(59_000);
      assert.strictEqual((await api(emulator, tokens.accessToken, 'GET', '/me')).status, 200);
      clock.advance(1_000);
      const expired = await api(emulator, tokens.accessToken, 'GET', '/me');
      assert.deepStrictEqual(apiErrorOf(expired), { status: 401, message: 'The access token expired' });
      const fresh = await refresh(tokens.refreshToken);
      assert.strictEqual(fresh.body.expires_in, 60);
      emulator.expireAccessTokens();
      assert.strictEqual(apiErrorOf(await api(emulator, fresh.body.access_token as string, 'GET', '/me')).message, 'The access token expired');
    });

    it('reset({grants:true}) forgets every grant; plain reset keeps them', async () => {
      const tokens = await signIn(emulator);
      emulator.reset();
      assert.strictEqual((await api(emulator, tokens.accessToken, 'GET', '/me')).status, 200);
      emulator.reset({ grants: true });
      assert.strictEqual((await api(emulator, tokens.accessToken, 'GET', '/me')).status, 401);
    });
  });

  describe('/authorize', () => {
    it('shows a consent page with the scopes in words and Approve/Deny buttons', async () => {
      emulator.configure({ autoApprove: false });
      const page = await authorize(emulator, { scopes: ['user-read-playback-state', 'user-modify-playback-state'] });
      assert.strictEqual(page.status, 200);
      assert.match(page.text, /Backbeat/);
      assert.match(page.text, /Control playback on your Spotify clients/);
      assert.match(page.text, /<button[^>]*>Approve<\/button>/);
      assert.match(page.text, /<button[^>]*>Deny<\/button>/);
      assert.match(page.text, /<form method="post" action="\/authorize\/decision">/);
    });

    async function decide(decision: 'approve' | 'deny'): Promise<URL> {
      emulator.configure({ autoApprove: false, redirectUris: ['http://127.0.0.1/callback?vscode-reqid=7'] });
      const page = await authorize(emulator, { redirectUri: 'http://127.0.0.1:41000/callback?vscode-reqid=7', state: 's t' });
      const requestId = /name="request_id" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
      const response = await fetch(`${emulator.accountsUrl}/authorize/decision`, {
        method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ request_id: requestId, decision }).toString(),
      });
      assert.strictEqual(response.status, 302);
      return new URL(response.headers.get('location') ?? '');
    }

    it('Approve redirects with code and state, keeping the redirect URI query', async () => {
      const location = await decide('approve');
      assert.strictEqual(location.origin + location.pathname, 'http://127.0.0.1:41000/callback');
      assert.strictEqual(location.searchParams.get('vscode-reqid'), '7');
      assert.strictEqual(location.searchParams.get('state'), 's t');
      assert.ok(location.searchParams.get('code'));
    });

    it('Deny redirects with error=access_denied and the state', async () => {
      const location = await decide('deny');
      assert.strictEqual(location.searchParams.get('error'), 'access_denied');
      assert.strictEqual(location.searchParams.get('state'), 's t');
      assert.strictEqual(location.searchParams.get('code'), null);
    });

    it('refuses an unknown client with a 400 page and no redirect', async () => {
      const answer = await authorize(emulator, { clientId: 'ffffffffffffffffffffffffffffffff' });
      assert.deepStrictEqual([answer.status, answer.location], [400, undefined]);
      assert.match(answer.text, /INVALID_CLIENT: Invalid client/);
    });

    for (const uri of ['http://127.0.0.1:8080/other', 'https://example.com/callback', 'vscode://someone.else/callback',
      'http://localhost:8080/callback', 'http://localhost/callback']) {
      it(`refuses the unregistered redirect URI ${uri} without redirecting`, async () => {
        const answer = await authorize(emulator, { redirectUri: uri });
        assert.deepStrictEqual([answer.status, answer.location], [400, undefined]);
        assert.match(answer.text, /INVALID_CLIENT: Invalid redirect URI/);
      });
    }

    for (const uri of ['http://127.0.0.1:1/callback', 'http://127.0.0.1:65535/callback', 'http://127.0.0.1/callback',
      'http://[::1]:9000/callback', 'vscode://backbeat.spotify/callback', 'code-oss://backbeat.spotify/callback']) {
      it(`accepts the registered redirect URI ${uri}`, async () => {
        const answer = await authorize(emulator, { redirectUri: uri });
        assert.strictEqual(answer.status, 302);
        assert.ok(answer.location?.searchParams.get('code'));
      });
    }

    it('accepts extra redirect URIs, including test-only prefix entries', async () => {
      emulator.configure({ redirectUris: ['http://127.0.0.1/stable-*'] });
      const answer = await authorize(emulator, { redirectUri: 'http://127.0.0.1:8123/stable-abc123/callback?vscode-reqid=1&vscode-scheme=code-oss' });
      assert.strictEqual(answer.status, 302);
      assert.strictEqual(answer.location?.searchParams.get('vscode-scheme'), 'code-oss');
    });

    it('sends invalid_scope and bad PKCE methods back to the app', async () => {
      const badScope = await authorize(emulator, { scopes: ['user-read-playback-state', 'made-up-scope'] });
      assert.strictEqual(badScope.location?.searchParams.get('error'), 'invalid_scope');
      const plainChallenge = await fetch(`${emulator.accountsUrl}/authorize?${new URLSearchParams({
        client_id: emulator.clientId, response_type: 'code', redirect_uri: LOOPBACK_REDIRECT,
        code_challenge_method: 'plain', code_challenge: pkcePair().verifier,
      }).toString()}`, { redirect: 'manual' });
      assert.strictEqual(new URL(plainChallenge.headers.get('location') ?? '').searchParams.get('error'), 'invalid_request');
    });
  });
});
