import * as assert from 'assert';
import { startEmulator } from '..';
import { EmulatorControl } from '../controlClient';
import { api, signIn, startOnVirtualClock } from './support';

describe('emulator control API over HTTP (EmulatorControl)', () => {
  it('drives the emulator from another process', async () => {
    const { emulator, clock } = await startOnVirtualClock();
    try {
      const control = new EmulatorControl(emulator.controlUrl);
      const token = (await signIn(emulator)).accessToken;

      const before = await control.snapshot();
      assert.deepStrictEqual([before.itemName, before.deviceName, before.isPlaying, before.volumePercent, before.grants],
        ['Teardrop', 'Backbeat Test Computer', true, 60, 1]);

      assert.strictEqual(await control.advanceClock(5_000), clock.now());
      assert.strictEqual((await control.snapshot()).progressMs, 5_000);

      await control.phone({ type: 'pause' });
      assert.strictEqual((await control.snapshot()).isPlaying, false);

      await control.configure({ premium: false });
      assert.strictEqual((await api(emulator, token, 'PUT', '/me/player/play')).status, 403);
      await control.configure({ premium: true });

      await control.addFault({ match: { path: '/v1/me' }, status: 500, times: Infinity });
      assert.strictEqual((await api(emulator, token, 'GET', '/me')).status, 500);
      assert.strictEqual((await api(emulator, token, 'GET', '/me')).status, 500);
      await control.clearFaults();
      assert.strictEqual((await api(emulator, token, 'GET', '/me')).status, 200);

      const log = await control.requests();
      assert.ok(log.length >= 4);
      assert.ok(log.every((r) => !r.path.startsWith('/__emulator')), 'the control API is not logged');
      await control.clearRequests();
      assert.deepStrictEqual(await control.requests(), []);

      await control.expire();
      assert.strictEqual((await api(emulator, token, 'GET', '/me')).status, 401);
      await control.revoke();
      assert.strictEqual((await control.snapshot()).grants, 0);

      await control.reset({ grants: true });
      const after = await control.snapshot();
      assert.deepStrictEqual([after.isPlaying, after.progressMs], [true, 0]);

      await assert.rejects(control.configure({ host: '0.0.0.0' } as never), /400/);
      await assert.rejects(control.phone({ type: 'dance' } as never), /400/);
    } finally {
      await emulator.close();
    }
  });

  it('refuses to advance a real clock (409)', async () => {
    const emulator = await startEmulator();
    try {
      await assert.rejects(new EmulatorControl(emulator.controlUrl).advanceClock(10), /409/);
    } finally {
      await emulator.close();
    }
  });
});
