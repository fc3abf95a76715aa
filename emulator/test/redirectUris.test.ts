import * as assert from 'assert';
import fc from 'fast-check';
import { isRedirectUriAllowed, withQuery } from '../accounts/redirectUris';
import { DEFAULT_REDIRECT_URIS } from '..';

describe('emulator redirect URI rules', () => {
  const allowed = (uri: string, extra: string[] = []) => isRedirectUriAllowed([...DEFAULT_REDIRECT_URIS, ...extra], uri);

  it('lets a loopback IP registered without a port take any port, nothing else', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 65535 }), (port) => {
      assert.ok(allowed(`http://127.0.0.1:${port}/callback`));
      assert.ok(allowed(`http://[::1]:${port}/callback`));
      assert.ok(!allowed(`http://127.0.0.1:${port}/callback/`));
      assert.ok(!allowed(`http://localhost:${port}/callback`));
      assert.ok(!allowed(`https://127.0.0.1:${port}/callback`));
    }));
  });

  it('matches other URIs exactly, and refuses localhost even when registered', () => {
    assert.ok(allowed('vscode-insiders://backbeat.spotify/callback'));
    assert.ok(!allowed('vscode://backbeat.spotify/callback?x=1'));
    assert.ok(!allowed('cursor://backbeat.spotify/callback'));
    assert.ok(!allowed('http://localhost:8888/callback', ['http://localhost:8888/callback']));
    assert.ok(allowed('http://127.0.0.1:8888/cb', ['http://127.0.0.1:8888/cb']));
    assert.ok(!allowed('http://127.0.0.1:8889/cb', ['http://127.0.0.1:8888/cb']), 'a registered port is exact');
  });

  it('treats a trailing * as a prefix (test-only convenience)', () => {
    const extra = ['http://127.0.0.1/stable-*'];
    assert.ok(allowed('http://127.0.0.1:3000/stable-0123abc/callback?vscode-reqid=3&vscode-scheme=code-oss', extra));
    assert.ok(!allowed('http://127.0.0.1:3000/insider-0123abc/callback', extra));
  });

  it('appends to an existing query with &', () => {
    assert.strictEqual(withQuery('vscode://a.b/cb', { code: 'x', state: 's' }), 'vscode://a.b/cb?code=x&state=s');
    assert.strictEqual(withQuery('http://127.0.0.1:1/cb?vscode-reqid=2', { code: 'x' }), 'http://127.0.0.1:1/cb?vscode-reqid=2&code=x');
    fc.assert(fc.property(fc.string(), fc.string(), (code, state) => {
      const url = new URL(withQuery('http://127.0.0.1:1/cb?a=1', { code, state }));
      assert.deepStrictEqual([url.searchParams.get('a'), url.searchParams.get('code'), url.searchParams.get('state')], ['1', code, state]);
    }));
  });
});
