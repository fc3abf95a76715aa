import * as assert from 'assert';
import { api, apiErrorOf, signIn, startOnVirtualClock, useSignedInEmulator } from './support';

describe('emulator: which devices are online', () => {
  const rig = useSignedInEmulator();
  afterEach(() => rig.emulator.configure({ devices: ['computer', 'phone', 'speaker', 'cast-group'] }));

  it('lists all four devices by default', async () => {
    const answer = await api(rig.emulator, rig.token, 'GET', '/me/player/devices');
    assert.strictEqual((answer.body as { devices: unknown[] }).devices.length, 4);
  });

  it('lists only the online ones and refuses to target an offline one', async () => {
    const all = (await api(rig.emulator, rig.token, 'GET', '/me/player/devices')).body as { devices: { id: string; name: string }[] };
    const phone = all.devices.find((d) => d.name === 'Pixel Phone')!;
    rig.emulator.configure({ devices: ['computer'] });
    const online = (await api(rig.emulator, rig.token, 'GET', '/me/player/devices')).body as { devices: { name: string }[] };
    assert.deepStrictEqual(online.devices.map((d) => d.name), ['Backbeat Test Computer']);
    const transfer = await api(rig.emulator, rig.token, 'PUT', '/me/player', { device_ids: [phone.id] });
    assert.strictEqual(transfer.status, 404);
    assert.strictEqual(apiErrorOf(transfer).message, 'Device not found');
  });
});

describe('emulator: playing a chosen item on the phone', () => {
  it('starts that track or episode alone, from the start', async () => {
    const { emulator } = await startOnVirtualClock();
    try {
      const token = (await signIn(emulator)).accessToken;
      const found = (await api(emulator, token, 'GET', '/search?q=Teardrop&type=episode')).body as { episodes: { items: { uri: string }[] } };
      const uri = found.episodes.items[0].uri;
      emulator.phone({ type: 'play', uri });
      const state = (await api(emulator, token, 'GET', '/me/player?additional_types=episode')).body as { item: { uri: string }; context: unknown; progress_ms: number };
      assert.strictEqual(state.item.uri, uri);
      assert.strictEqual(state.context, null);
      assert.strictEqual(state.progress_ms, 0);
      assert.throws(() => emulator.phone({ type: 'play', uri: 'spotify:track:doesnotexist' }));
    } finally {
      await emulator.close();
    }
  });
});
