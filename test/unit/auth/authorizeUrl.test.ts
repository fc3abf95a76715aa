import * as assert from 'assert';
import { buildAuthorizeUrl } from '../../../src/auth/authorizeUrl';

describe('authorize URL', () => {
  const base = {
    accountsUrl: 'https://accounts.spotify.com',
    clientId: '0123456789abcdef0123456789abcdef',
    redirectUri: 'http://127.0.0.1:PORT/stable-abc/callback?vscode-reqid=1&vscode-scheme=code-oss',
    state: 'st&ate=1',
    scopes: ['user-read-playback-state', 'user-modify-playback-state'],
  };

  it('carries every PKCE parameter, encoded so a redirect URI with its own query survives', () => {
    const url = new URL(buildAuthorizeUrl({ ...base, codeChallenge: 'abc' }));
    assert.strictEqual(url.origin + url.pathname, 'https://accounts.spotify.com/authorize');
    assert.strictEqual(url.searchParams.get('client_id'), base.clientId);
    assert.strictEqual(url.searchParams.get('response_type'), 'code');
    assert.strictEqual(url.searchParams.get('redirect_uri'), base.redirectUri);
    assert.strictEqual(url.searchParams.get('state'), base.state);
    assert.strictEqual(url.searchParams.get('scope'), 'user-read-playback-state user-modify-playback-state');
    assert.strictEqual(url.searchParams.get('code_challenge_method'), 'S256');
    assert.strictEqual(url.searchParams.get('code_challenge'), 'abc');
  });

  it('omits the challenge in the classic (client secret) flow', () => {
    const url = new URL(buildAuthorizeUrl(base));
    assert.strictEqual(url.searchParams.get('code_challenge'), null);
    assert.strictEqual(url.searchParams.get('code_challenge_method'), null);
  });
});
