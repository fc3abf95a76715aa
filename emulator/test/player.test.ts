import * as assert from 'assert';
import * as net from 'net';
import { Emulator, VirtualClock } from '..';
import { api, apiErrorOf, ApiAnswer, signIn, startOnVirtualClock } from './support';

interface PlaybackJson {
  device: { id: string | null; name: string; volume_percent: number | null };
  is_playing: boolean;
  progress_ms: number;
  item: { uri: string; name: string; duration_ms: number; type: string } | null;
  context: { uri: string } | null;
  currently_playing_type: string;
  shuffle_state: boolean;
  repeat_state: string;
  actions: { disallows: Record<string, boolean> };
}

const TEARDROP_MS = 330_000;

describe('emulator Web API: player', () => {
  let emulator: Emulator;
  let clock: VirtualClock;
  let token: string;

  before(async () => {
    ({ emulator, clock } = await startOnVirtualClock());
    token = (await signIn(emulator)).accessToken;
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    emulator.configure({ premium: true, userRegistered: true, stateLagMs: 0 });
  });

  const call = (method: string, path: string, body?: unknown) => api(emulator, token, method, path, body);
  const state = async (query = '') => {
    const answer = await call('GET', `/me/player${query}`);
    assert.strictEqual(answer.status, 200, answer.text);
    return answer.body as PlaybackJson;
  };
  const ok = async (answer: Promise<ApiAnswer>) => {
    const done = await answer;
    assert.strictEqual(done.status, 204, done.text);
    assert.strictEqual(done.text, '');
  };
  const deviceIdOf = async (name: string) => {
    const { devices } = (await call('GET', '/me/player/devices')).body as { devices: Array<{ id: string | null; name: string }> };
    return devices.find((d) => d.name === name)?.id as string;
  };

  it('GET /me is the development-mode profile (no country, email, product)', async () => {
    const me = (await call('GET', '/me')).body as Record<string, unknown>;
    assert.strictEqual(me.type, 'user');
    assert.strictEqual(me.display_name, 'Backbeat Tester');
    for (const hidden of ['country', 'email', 'product', 'explicit_content']) assert.ok(!(hidden in me), hidden);
  });

  it('starts with Teardrop playing on the computer from the playlist, volume 60', async () => {
    const s = await state();
    assert.strictEqual(s.item?.name, 'Teardrop');
    assert.strictEqual(s.item?.duration_ms, TEARDROP_MS);
    assert.strictEqual(s.device.name, 'Backbeat Test Computer');
    assert.strictEqual(s.device.volume_percent, 60);
    assert.strictEqual(s.is_playing, true);
    assert.match(s.context?.uri ?? '', /^spotify:playlist:[0-9A-Za-z]{22}$/);
    assert.match(s.item?.uri ?? '', /^spotify:track:[0-9A-Za-z]{22}$/);
    assert.deepStrictEqual(s.actions, { disallows: { resuming: true } });
  });

  it('pause, pause again (403 Restriction violated), play, play again', async () => {
    await ok(call('PUT', '/me/player/pause'));
    assert.strictEqual((await state()).is_playing, false);
    const again = await call('PUT', '/me/player/pause');
    assert.deepStrictEqual(apiErrorOf(again), { status: 403, message: 'Player command failed: Restriction violated', reason: 'UNKNOWN' });
    await ok(call('PUT', '/me/player/play'));
    assert.strictEqual((await state()).is_playing, true);
    const resumeWhilePlaying = await call('PUT', '/me/player/play');
    assert.strictEqual(apiErrorOf(resumeWhilePlaying).reason, 'UNKNOWN');
  });

  it('progress follows the virtual clock and stops while paused', async () => {
    clock.advance(12_345);
    assert.strictEqual((await state()).progress_ms, 12_345);
    await ok(call('PUT', '/me/player/pause'));
    clock.advance(60_000);
    assert.strictEqual((await state()).progress_ms, 12_345);
  });

  it('at the end of a track plays the next one of the context, into recently played', async () => {
    clock.advance(TEARDROP_MS + 1_000);
    const s = await state();
    assert.strictEqual(s.item?.name, 'Sour Times');
    assert.strictEqual(s.progress_ms, 1_000);
    const history = (await call('GET', '/me/player/recently-played?limit=1')).body as { items: Array<{ track: { name: string } }> };
    assert.strictEqual(history.items[0].track.name, 'Teardrop');
  });

  it('stops at the end of the context without repeat, wraps around with repeat context', async () => {
    await ok(call('PUT', '/me/player/play', { context_uri: (await state()).context?.uri, offset: { position: 11 } }));
    assert.strictEqual((await state()).item?.name, 'No Surprises');
    clock.advance(4 * 60_000);
    let s = await state();
    assert.deepStrictEqual([s.is_playing, s.item?.name, s.progress_ms], [false, 'Angel', 0]);

    await ok(call('PUT', '/me/player/play', { context_uri: s.context?.uri, offset: { position: 11 } }));
    await ok(call('PUT', '/me/player/repeat?state=context'));
    clock.advance(4 * 60_000);
    s = await state();
    assert.deepStrictEqual([s.is_playing, s.item?.name], [true, 'Angel']);
  });

  it('repeat track replays the track; next still skips', async () => {
    await ok(call('PUT', '/me/player/repeat?state=track'));
    clock.advance(TEARDROP_MS + 500);
    assert.strictEqual((await state()).item?.name, 'Teardrop');
    await ok(call('POST', '/me/player/next'));
    assert.strictEqual((await state()).item?.name, 'Sour Times');
  });

  it('next, previous (restart after 3 s, else back), seek', async () => {
    await ok(call('POST', '/me/player/next'));
    assert.strictEqual((await state()).item?.name, 'Sour Times');
    await ok(call('POST', '/me/player/previous'));
    assert.strictEqual((await state()).item?.name, 'Teardrop');
    await ok(call('PUT', '/me/player/seek?position_ms=200000'));
    assert.strictEqual((await state()).progress_ms, 200_000);
    await ok(call('POST', '/me/player/previous'));
    const s = await state();
    assert.deepStrictEqual([s.item?.name, s.progress_ms], ['Teardrop', 0]);
    await ok(call('PUT', `/me/player/seek?position_ms=${TEARDROP_MS + 10}`));
    assert.strictEqual((await state()).item?.name, 'Sour Times', 'seeking past the end plays the next track');
    assert.strictEqual((await call('PUT', '/me/player/seek')).status, 400);
  });

  it('queued items play next, and show in GET /me/player/queue', async () => {
    const karma = 'spotify:track:' + (((await call('GET', '/search?q=karma%20police&type=track')).body as {
      tracks: { items: Array<{ id: string }> } }).tracks.items[0].id);
    await ok(call('POST', `/me/player/queue?uri=${encodeURIComponent(karma)}`));
    const queue = (await call('GET', '/me/player/queue')).body as { currently_playing: { name: string }; queue: Array<{ uri: string; name: string }> };
    assert.strictEqual(queue.currently_playing.name, 'Teardrop');
    assert.deepStrictEqual(queue.queue.slice(0, 2).map((q) => q.name), ['Karma Police', 'Sour Times']);
    assert.deepStrictEqual(emulator.snapshot().queueUris, [karma]);
    await ok(call('POST', '/me/player/next'));
    assert.strictEqual((await state()).item?.name, 'Karma Police');
    await ok(call('POST', '/me/player/next'));
    assert.strictEqual((await state()).item?.name, 'Sour Times', 'back to the context after the queue');
  });

  it('volume, shuffle, repeat validate their values', async () => {
    await ok(call('PUT', '/me/player/volume?volume_percent=35'));
    assert.strictEqual((await state()).device.volume_percent, 35);
    assert.strictEqual((await call('PUT', '/me/player/volume?volume_percent=101')).status, 400);
    await ok(call('PUT', '/me/player/shuffle?state=true'));
    assert.strictEqual((await state()).shuffle_state, true);
    assert.strictEqual((await call('PUT', '/me/player/shuffle?state=maybe')).status, 400);
    await ok(call('PUT', '/me/player/repeat?state=context'));
    assert.strictEqual((await state()).repeat_state, 'context');
    assert.strictEqual((await call('PUT', '/me/player/repeat?state=all')).status, 400);
  });

  it('shuffle plays every track of the context once before stopping', async () => {
    await ok(call('PUT', '/me/player/shuffle?state=true'));
    const heard = new Set<string>([(await state()).item?.name as string]);
    for (let i = 0; i < 11; i++) {
      await ok(call('POST', '/me/player/next'));
      heard.add((await state()).item?.name as string);
    }
    assert.strictEqual(heard.size, 12);
  });

  it('transfers playback; unknown device 404, restricted speaker 403, phone volume 403', async () => {
    const phone = await deviceIdOf('Pixel Phone');
    await ok(call('PUT', '/me/player', { device_ids: [phone], play: true }));
    let s = await state();
    assert.deepStrictEqual([s.device.name, s.is_playing], ['Pixel Phone', true]);
    const volume = await call('PUT', '/me/player/volume?volume_percent=20');
    assert.deepStrictEqual(apiErrorOf(volume), { status: 403, message: 'Player command failed: Cannot control device volume', reason: 'VOLUME_CONTROL_DISALLOW' });
    const unknown = await call('PUT', '/me/player', { device_ids: ['0000000000000000000000000000000000000000'] });
    assert.deepStrictEqual(apiErrorOf(unknown), { status: 404, message: 'Device not found' });
    const speaker = await deviceIdOf('Kitchen Speaker');
    assert.strictEqual((await call('PUT', '/me/player', { device_ids: [speaker] })).status, 403);
    await ok(call('PUT', `/me/player/play?device_id=${await deviceIdOf('Backbeat Test Computer')}`, { uris: [s.item?.uri] }));
    s = await state();
    assert.strictEqual(s.device.name, 'Backbeat Test Computer');
  });

  it('lists devices, including one with id null and a restricted one', async () => {
    const { devices } = (await call('GET', '/me/player/devices')).body as { devices: Array<Record<string, unknown>> };
    assert.strictEqual(devices.length, 4);
    assert.ok(devices.some((d) => d.id === null));
    assert.ok(devices.some((d) => d.is_restricted === true));
    assert.deepStrictEqual(devices.filter((d) => d.is_active).map((d) => d.name), ['Backbeat Test Computer']);
  });

  it('answers 204 with an empty body when nothing is active, and NO_ACTIVE_DEVICE to commands', async () => {
    emulator.phone({ type: 'stop' });
    for (const path of ['/me/player', '/me/player/currently-playing']) {
      const answer = await call('GET', path);
      assert.deepStrictEqual([answer.status, answer.text, answer.headers.get('content-length')], [204, '', null]);
    }
    const pause = await call('PUT', '/me/player/pause');
    assert.deepStrictEqual(apiErrorOf(pause), { status: 404, message: 'Player command failed: No active device found', reason: 'NO_ACTIVE_DEVICE' });
    assert.strictEqual((await call('PUT', '/me/player/play')).status, 404);
    emulator.phone({ type: 'play' });
    assert.strictEqual((await state()).device.name, 'Pixel Phone');
  });

  it('shows an episode only with additional_types=episode', async () => {
    const episode = ((await call('GET', '/search?q=teardrop&type=episode')).body as { episodes: { items: Array<{ uri: string }> } }).episodes.items[0].uri;
    await ok(call('PUT', '/me/player/play', { uris: [episode] }));
    for (const path of ['/me/player', '/me/player/currently-playing']) {
      const without = (await call('GET', path)).body as PlaybackJson;
      assert.deepStrictEqual([without.item, without.currently_playing_type], [null, 'episode']);
      const withEpisodes = (await call('GET', `${path}?additional_types=track,episode`)).body as PlaybackJson;
      assert.strictEqual(withEpisodes.item?.type, 'episode');
      assert.strictEqual(withEpisodes.item?.uri, episode);
    }
  });

  it('phone actions change the state behind the client', async () => {
    emulator.phone({ type: 'pause' });
    assert.strictEqual((await state()).is_playing, false);
    emulator.phone({ type: 'play' });
    emulator.phone({ type: 'next' });
    emulator.phone({ type: 'seek', positionMs: 30_000 });
    const s = await state();
    assert.deepStrictEqual([s.is_playing, s.item?.name, s.progress_ms], [true, 'Sour Times', 30_000]);
    emulator.phone({ type: 'previous' });
    assert.strictEqual((await state()).item?.name, 'Sour Times');
  });

  it('stateLagMs: reads show the old state for a while after a command', async () => {
    emulator.configure({ stateLagMs: 1500 });
    await ok(call('POST', '/me/player/next'));
    assert.strictEqual((await state()).item?.name, 'Teardrop', 'still the old track');
    assert.strictEqual(emulator.snapshot().itemName, 'Sour Times', 'the truth has moved on');
    clock.advance(1500);
    assert.strictEqual((await state()).item?.name, 'Sour Times');
  });

  it('refuses commands for non-premium users and unregistered users', async () => {
    emulator.configure({ premium: false });
    assert.deepStrictEqual(apiErrorOf(await call('PUT', '/me/player/pause')),
      { status: 403, message: 'Player command failed: Premium required', reason: 'PREMIUM_REQUIRED' });
    assert.strictEqual((await call('GET', '/me/player')).status, 200, 'reads still work');
    emulator.configure({ premium: true, userRegistered: false, notRegisteredBody: 'json' });
    assert.deepStrictEqual(apiErrorOf(await call('GET', '/me')), { status: 403, message: 'User not registered in the Developer Dashboard' });
  });

  it('checks tokens and scopes', async () => {
    assert.strictEqual((await api(emulator, undefined, 'GET', '/me/player')).status, 401);
    assert.deepStrictEqual(apiErrorOf(await api(emulator, 'BQ-not-a-token', 'GET', '/me/player')), { status: 401, message: 'Invalid access token' });
    const readOnly = (await signIn(emulator, ['user-read-playback-state'])).accessToken;
    assert.strictEqual((await api(emulator, readOnly, 'GET', '/me/player')).status, 200);
    assert.deepStrictEqual(apiErrorOf(await api(emulator, readOnly, 'PUT', '/me/player/pause')),
      { status: 403, message: 'Insufficient client scope' });
    assert.strictEqual((await api(emulator, readOnly, 'GET', '/me/player/recently-played')).status, 403);
  });

  it('answers 411 to a PUT without body and without Content-Length', async () => {
    // Node's http client adds Content-Length: 0 by itself, so write the request by hand.
    const url = new URL(`${emulator.apiUrl}/me/player/pause`);
    const head = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.end(`PUT ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`);
      });
      let received = '';
      socket.on('data', (chunk) => { received += chunk.toString(); });
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    assert.match(head, /^HTTP\/1\.1 411 /);
    assert.match(head, /Content-length/);
    assert.strictEqual(emulator.snapshot().isPlaying, true, 'the command did not run');
  });

  it('recently played pages with before cursors', async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(40_000);
      await ok(call('POST', '/me/player/next'));
    }
    const first = (await call('GET', '/me/player/recently-played?limit=2')).body as { items: unknown[]; next: string | null; cursors: { before: string } };
    assert.strictEqual(first.items.length, 2);
    assert.ok(first.next);
    const rest = (await call('GET', `/me/player/recently-played?limit=10&before=${first.cursors.before}`)).body as { items: unknown[]; next: string | null };
    assert.strictEqual(rest.items.length, 2);
    assert.strictEqual(rest.next, null);
  });
});
