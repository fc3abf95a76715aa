import * as assert from 'assert';
import * as http from 'http';
import fetch from 'node-fetch';
import { closedEndpointFault, quotaExceededFault, rateLimitFault } from '../faults';
import { api, useSignedInEmulator } from './support';

describe('emulator faults, request log, offline', () => {
  const rig = useSignedInEmulator('test');
  beforeEach(() => {
    rig.emulator.requests.length = 0;
  });

  it('answers a scripted 429 with Retry-After, the given number of times, then normally', async () => {
    rig.emulator.addFault({
      match: { path: '/v1/me/player*' }, times: 2, status: 429, headers: { 'retry-after': '3600' },
      body: { error: { status: 429, message: 'API rate limit exceeded' } },
    });
    for (let i = 0; i < 2; i++) {
      const limited = await api(rig.emulator, rig.token, 'GET', '/me/player/devices');
      assert.strictEqual(limited.status, 429);
      assert.strictEqual(limited.headers.get('retry-after'), '3600');
      assert.deepStrictEqual(limited.body, { error: { status: 429, message: 'API rate limit exceeded' } });
    }
    assert.strictEqual((await api(rig.emulator, rig.token, 'GET', '/me/player')).status, 200);
    assert.deepStrictEqual(rig.emulator.requests.map((r) => [r.path, r.status, r.fault]), [
      ['/v1/me/player/devices', 429, true], ['/v1/me/player/devices', 429, true], ['/v1/me/player', 200, false],
    ]);
  });

  describe('Spotify\u2019s three kinds of 429', () => {
    it('rate limit: "API rate limit exceeded", no reason, a short Retry-After, then answered again', async () => {
      rig.emulator.addFault(rateLimitFault({ path: '/v1/*' }, 3));
      const limited = await api(rig.emulator, rig.token, 'GET', '/me/player');
      assert.deepStrictEqual([limited.status, limited.headers.get('retry-after'), limited.body], [429, '3', { error: { status: 429, message: 'API rate limit exceeded' } }]);
      assert.strictEqual((await api(rig.emulator, rig.token, 'GET', '/me/player')).status, 200);
    });

    it('daily quota: QUOTA_EXCEEDED with a wait of about 14 h on every request until cleared', async () => {
      rig.emulator.addFault(quotaExceededFault({ path: '/v1/*' }));
      for (const path of ['/me/player', '/me']) {
        const refused = await api(rig.emulator, rig.token, 'GET', path);
        assert.deepStrictEqual([refused.status, refused.headers.get('retry-after'), refused.body], [429, '50000', { error: { status: 429, message: 'Too many requests', reason: 'QUOTA_EXCEEDED' } }]);
      }
      rig.emulator.clearFaults();
      assert.strictEqual((await api(rig.emulator, rig.token, 'GET', '/me')).status, 200);
    });

    it('an endpoint closed to development apps: that endpoint answers 429 every time, the others answer', async () => {
      rig.emulator.addFault(closedEndpointFault('GET', '/v1/me/player/queue'));
      for (let i = 0; i < 3; i++) {
        const refused = await api(rig.emulator, rig.token, 'GET', '/me/player/queue');
        assert.deepStrictEqual([refused.status, refused.body], [429, { error: { status: 429, message: 'API rate limit exceeded' } }]);
        assert.strictEqual((await api(rig.emulator, rig.token, 'GET', '/me/player')).status, 200);
      }
    });
  });

  it('matches method and exact path; other requests pass', async () => {
    rig.emulator.addFault({ match: { method: 'POST', path: '/api/token' }, times: Infinity, status: 503, body: 'upstream down' });
    assert.strictEqual((await api(rig.emulator, rig.token, 'GET', '/me')).status, 200);
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${rig.emulator.accountsUrl}/api/token`, { method: 'POST', body: 'grant_type=refresh_token' });
      assert.deepStrictEqual([response.status, await response.text()], [503, 'upstream down']);
    }
    rig.emulator.clearFaults();
    const response = await fetch(`${rig.emulator.accountsUrl}/api/token`, { method: 'POST', body: 'grant_type=refresh_token' });
    assert.strictEqual(response.status, 400);
  });

  it('destroys the socket: the client sees a network error', async () => {
    rig.emulator.addFault({ match: { path: '/v1/me' }, destroy: true });
    await assert.rejects(api(rig.emulator, rig.token, 'GET', '/me'));
    assert.strictEqual(rig.emulator.requests[0].status, 0);
    assert.strictEqual((await api(rig.emulator, rig.token, 'GET', '/me')).status, 200);
  });

  it('hangs until the client gives up', async () => {
    rig.emulator.addFault({ match: { path: '/v1/me/player' }, hang: true });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 150);
    await assert.rejects(fetch(`${rig.emulator.apiUrl}/me/player`, {
      headers: { authorization: `Bearer ${rig.token}` }, signal: controller.signal as never,
    }), /abort/i);
    clearTimeout(timer);
  });

  it('delays an answer (real time), with or without a scripted status', async () => {
    rig.emulator.addFault({ match: { path: '/v1/me' }, delayMs: 120 });
    const started = Date.now();
    assert.strictEqual((await api(rig.emulator, rig.token, 'GET', '/me')).status, 200);
    assert.ok(Date.now() - started >= 110);
  });

  it('records method, path, query, status, clock time and authentication, never tokens', async () => {
    await api(rig.emulator, rig.token, 'GET', '/search?q=angel&type=track');
    await api(rig.emulator, undefined, 'GET', '/me');
    assert.deepStrictEqual(rig.emulator.requests.map((r) => [r.method, r.path, r.query, r.status, r.authenticated]), [
      ['GET', '/v1/search', { q: 'angel', type: 'track' }, 200, true],
      ['GET', '/v1/me', {}, 401, false],
    ]);
    assert.strictEqual(rig.emulator.requests[0].time, rig.emulator.clock.now());
    assert.ok(!JSON.stringify(rig.emulator.requests).includes(rig.token));
  });

  it('goes offline (connection refused) and comes back on the same port', async () => {
    const apiUrl = rig.emulator.apiUrl;
    await rig.emulator.goOffline();
    // A fresh connection (not a pooled keep-alive socket) shows what a new client sees.
    await assert.rejects(fetch(`${apiUrl}/me`, { agent: new http.Agent({ keepAlive: false }) }), /ECONNREFUSED/);
    await rig.emulator.goOnline();
    assert.strictEqual(rig.emulator.apiUrl, apiUrl);
    assert.strictEqual((await api(rig.emulator, rig.token, 'GET', '/me')).status, 200);
  });
});
