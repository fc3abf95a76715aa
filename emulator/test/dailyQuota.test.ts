import * as assert from 'assert';
import { EmulatorControl } from '../controlClient';
import { api, apiErrorOf, signIn, startOnVirtualClock } from './support';

/** Spotify's daily quota of a development-mode app, as the 2026 reports describe it. */
const HOUR = 3600_000;
/** Tokens outlive the hours these tests skip, so every request is one the quota counts. */
const LONG_TOKENS = { tokenLifetimeSeconds: 3 * 24 * 3600 };

describe('emulator daily quota (per Client ID, rolling 24 h)', () => {
  it('is off by default, and still counts every request', async () => {
    const { emulator } = await startOnVirtualClock();
    try {
      const { accessToken } = await signIn(emulator);
      for (let i = 0; i < 30; i++) assert.strictEqual((await api(emulator, accessToken, 'GET', '/me/player')).status, 200);
      const report = await new EmulatorControl(emulator.controlUrl).quota();
      assert.strictEqual(report.limit, 0);
      assert.deepStrictEqual(report.clients.map((c) => [c.clientId, c.used, c.refused, c.lockedUntil]), [[emulator.clientId, 30, 0, 0]]);
    } finally {
      await emulator.close();
    }
  });

  it('refuses every request once spent, commands too, with the real body and a long Retry-After', async () => {
    const { emulator, clock } = await startOnVirtualClock({ ...LONG_TOKENS, dailyQuota: 3 });
    try {
      const { accessToken } = await signIn(emulator);
      for (let i = 0; i < 3; i++) assert.strictEqual((await api(emulator, accessToken, 'GET', '/me/player')).status, 200);
      const refused = await api(emulator, accessToken, 'GET', '/me/player');
      assert.strictEqual(refused.status, 429);
      assert.deepStrictEqual(refused.body, { error: { status: 429, message: 'Too many requests', reason: 'QUOTA_EXCEEDED' } });
      assert.strictEqual(refused.headers.get('retry-after'), '50000');
      clock.advance(10 * 60_000);
      const playing = emulator.snapshot().itemName;
      const command = await api(emulator, accessToken, 'POST', '/me/player/next', {});
      assert.deepStrictEqual([command.status, apiErrorOf(command).reason], [429, 'QUOTA_EXCEEDED']);
      assert.strictEqual(emulator.snapshot().itemName, playing, 'the refused command did nothing');
    } finally {
      await emulator.close();
    }
  });

  it('shows the spend, refusals and the wait on the control API', async () => {
    const { emulator, clock } = await startOnVirtualClock({ dailyQuota: 2, quotaRetryAfterSeconds: 600 });
    try {
      const control = new EmulatorControl(emulator.controlUrl);
      const { accessToken } = await signIn(emulator);
      await api(emulator, accessToken, 'GET', '/me');
      await api(emulator, accessToken, 'GET', '/me');
      const lockedAt = clock.now();
      await api(emulator, accessToken, 'GET', '/me');
      const [use] = (await control.quota()).clients;
      assert.deepStrictEqual(use, {
        clientId: emulator.clientId,
        used: 2,
        refused: 1,
        lockedUntil: lockedAt + 600_000,
        locks: [{ from: lockedAt, until: lockedAt + 600_000 }],
      });
      await control.configure({ dailyQuota: 5 });
      assert.strictEqual((await control.quota()).limit, 5);
    } finally {
      await emulator.close();
    }
  });

  it('starts the wait again for every request sent during it, and lets the app back in once it has passed', async () => {
    const { emulator, clock } = await startOnVirtualClock({ dailyQuota: 2, quotaRetryAfterSeconds: 600 });
    try {
      const { accessToken } = await signIn(emulator);
      await api(emulator, accessToken, 'GET', '/me');
      await api(emulator, accessToken, 'GET', '/me');
      assert.strictEqual((await api(emulator, accessToken, 'GET', '/me')).status, 429);
      clock.advance(500_000);
      const knock = await api(emulator, accessToken, 'GET', '/me');
      assert.deepStrictEqual([knock.status, knock.headers.get('retry-after')], [429, '600']);
      clock.advance(500_000);
      assert.strictEqual((await api(emulator, accessToken, 'GET', '/me')).status, 429, 'the knock made the wait longer');
      clock.advance(600_000);
      assert.strictEqual((await api(emulator, accessToken, 'GET', '/me')).status, 200, 'back in after a quiet wait');
      assert.strictEqual(emulator.quota().clients[0].locks.length, 1);
    } finally {
      await emulator.close();
    }
  });

  it('counts over a rolling 24 h: requests older than a day leave the window', async () => {
    const { emulator, clock } = await startOnVirtualClock({ ...LONG_TOKENS, dailyQuota: 3 });
    try {
      const { accessToken } = await signIn(emulator);
      await api(emulator, accessToken, 'GET', '/me');
      clock.advance(12 * HOUR);
      await api(emulator, accessToken, 'GET', '/me');
      await api(emulator, accessToken, 'GET', '/me');
      clock.advance(12 * HOUR + 1);
      assert.strictEqual(emulator.quota().clients[0].used, 2, 'the first request left the window');
      assert.strictEqual((await api(emulator, accessToken, 'GET', '/me')).status, 200);
      assert.strictEqual((await api(emulator, accessToken, 'GET', '/me')).status, 429);
    } finally {
      await emulator.close();
    }
  });

  it('counts per Client ID', async () => {
    const { emulator } = await startOnVirtualClock({ dailyQuota: 1 });
    try {
      const mine = (await signIn(emulator)).accessToken;
      assert.strictEqual((await api(emulator, mine, 'GET', '/me')).status, 200);
      emulator.configure({ clientId: 'ffffffffffffffffffffffffffffffff' });
      const theirs = (await signIn(emulator)).accessToken;
      assert.strictEqual((await api(emulator, theirs, 'GET', '/me')).status, 200, 'another app has its own quota');
      assert.strictEqual((await api(emulator, mine, 'GET', '/me')).status, 429);
      assert.deepStrictEqual(emulator.quota().clients.map((c) => c.used), [1, 1]);
    } finally {
      await emulator.close();
    }
  });
});
