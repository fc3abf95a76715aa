import * as assert from 'assert';
import fetch from 'node-fetch';
import { Emulator, VirtualClock } from '..';
import { FAULT_BUTTONS, FaultButton } from '../phone/faultButtons';
import { api, signIn, startOnVirtualClock, tokenRequest, Tokens } from './support';

/** The phone page's routes: the page itself, and the control API calls its script makes. */
describe('emulator phone page', () => {
  let emulator: Emulator;
  let clock: VirtualClock;
  let tokens: Tokens;

  before(async () => {
    ({ emulator, clock } = await startOnVirtualClock());
  });
  after(() => emulator.close());
  beforeEach(async () => {
    emulator.reset({ grants: true });
    emulator.clearFaults();
    emulator.requests.length = 0;
    tokens = await signIn(emulator);
  });

  const origin = () => new URL(emulator.controlUrl).origin;

  /** A control API call as the page's script sends it: JSON over fetch, from the page's own origin. */
  async function pageCalls(method: string, path: string, body: unknown = method === 'POST' ? {} : undefined): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${emulator.controlUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
  const snapshot = async () => (await pageCalls('GET', '/snapshot')).body as ReturnType<Emulator['snapshot']>;
  const phone = (action: object) => pageCalls('POST', '/phone', action);
  const player = () => api(emulator, tokens.accessToken, 'GET', '/me/player');

  it('GET / is one HTML page with its own style and script: nothing loads from elsewhere', async () => {
    const response = await fetch(`${origin()}/`);
    assert.strictEqual(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const page = await response.text();
    assert.match(page, /<script>[\s\S]*\/__emulator[\s\S]*<\/script>/, 'an inline script that talks to the control API');
    assert.doesNotMatch(page, /\b(src|href)\s*=\s*"(?!data:)|url\(|@import/i, 'no external assets');
    assert.match(page, /<link rel="icon" href="data:,">/, 'not even a favicon request (it would reach the request log)');
    for (const label of ['Previous', 'Play', 'Next', 'Position', 'Play on', ...FAULT_BUTTONS.map((b) => b.label)]) assert.ok(page.includes(label), label);
  });

  it('the page is the user\u2019s phone, not a Spotify client: never logged, never hit by a fault', async () => {
    emulator.requests.length = 0;
    emulator.addFault({ match: {}, status: 500, times: Infinity });
    assert.strictEqual((await fetch(`${origin()}/`)).status, 200);
    assert.deepStrictEqual(emulator.requests, []);
  });

  it('shows what plays from GET /__emulator/snapshot: title, artist, duration, position, the devices and which is active', async () => {
    await clock.advance(61_000);
    const shown = await snapshot();
    assert.deepStrictEqual(
      [shown.itemName, shown.itemByline, shown.itemDurationMs, shown.progressMs, shown.isPlaying, shown.deviceName],
      ['Teardrop', 'Massive Attack', 330_000, 61_000, true, 'Backbeat Test Computer'],
    );
    assert.deepStrictEqual(
      shown.devices.map((d) => [d.key, d.name, d.isActive]),
      [['computer', 'Backbeat Test Computer', true], ['phone', 'Pixel Phone', false], ['speaker', 'Kitchen Speaker', false], ['cast-group', 'Living Room Group', false]],
    );
  });

  it('an episode shows its show under the title', async () => {
    const episode = (await api(emulator, tokens.accessToken, 'GET', '/search?q=Teardrop&type=episode')).body as { episodes: { items: { uri: string }[] } };
    assert.strictEqual((await phone({ type: 'play', uri: episode.episodes.items[0].uri })).status, 204);
    assert.strictEqual((await snapshot()).itemByline, 'Song Exploder');
  });

  it('play/pause, next and seek are phone actions that Spotify\u2019s API then reports', async () => {
    assert.strictEqual((await phone({ type: 'pause' })).status, 204);
    assert.strictEqual(((await player()).body as { is_playing: boolean }).is_playing, false);
    assert.strictEqual((await phone({ type: 'play' })).status, 204);
    assert.strictEqual((await phone({ type: 'next' })).status, 204);
    assert.strictEqual((await phone({ type: 'seek', positionMs: 42_000 })).status, 204);
    const now = (await player()).body as { is_playing: boolean; progress_ms: number; item: { name: string } };
    assert.deepStrictEqual([now.is_playing, now.item.name, now.progress_ms], [true, 'Sour Times', 42_000]);
  });

  it('transfer moves playback to any online device, even one the Web API may not control; an offline or unknown one is refused', async () => {
    assert.strictEqual((await phone({ type: 'transfer', device: 'speaker' })).status, 204);
    let shown = await snapshot();
    assert.deepStrictEqual([shown.deviceName, shown.isPlaying], ['Kitchen Speaker', true]);
    assert.deepStrictEqual(shown.devices.filter((d) => d.isActive).map((d) => d.key), ['speaker']);
    await phone({ type: 'pause' });
    await phone({ type: 'transfer', device: 'phone' });
    shown = await snapshot();
    assert.deepStrictEqual([shown.deviceName, shown.isPlaying], ['Pixel Phone', false], 'paused stays paused');

    emulator.configure({ devices: ['computer', 'phone'] });
    try {
      assert.strictEqual((await phone({ type: 'transfer', device: 'speaker' })).status, 400, 'offline');
      assert.strictEqual((await phone({ type: 'transfer', device: 'toaster' })).status, 400, 'unknown');
      assert.strictEqual((await phone({ type: 'transfer' })).status, 400, 'no device');
      assert.deepStrictEqual((await snapshot()).devices.map((d) => d.key), ['computer', 'phone'], 'offline devices are not offered');
    } finally {
      emulator.configure({ devices: ['computer', 'phone', 'speaker', 'cast-group'] });
    }
  });

  describe('fault buttons: each makes Spotify answer as its words say', () => {
    const press = (button: FaultButton) => pageCalls(button.call.method, button.call.path, button.call.body === undefined ? undefined : JSON.parse(JSON.stringify(button.call.body)));
    const button = (label: string) => {
      const found = FAULT_BUTTONS.find((b) => b.label === label);
      assert.ok(found, label);
      return found;
    };

    it('every button is checked below', () => {
      assert.deepStrictEqual(FAULT_BUTTONS.map((b) => b.label), ['Rate limit (429)', 'Daily quota spent (15 min)', 'Daily quota spent (14 h, as Spotify)', 'Server error (503)', 'Revoke access', 'Six months pass', 'Clear faults']);
    });

    it('Rate limit: the next request gets 429 with a short Retry-After, the one after is answered', async () => {
      assert.strictEqual((await press(button('Rate limit (429)'))).status, 204);
      const limited = await player();
      assert.deepStrictEqual([limited.status, limited.headers.get('retry-after')], [429, '5']);
      assert.strictEqual((await player()).status, 200);
    });

    for (const [label, seconds] of [['Daily quota spent (15 min)', 900], ['Daily quota spent (14 h, as Spotify)', 50_000]] as const) {
      it(`${label}: every Web API request gets 429 QUOTA_EXCEEDED with Retry-After ${seconds} s until faults are cleared; sign-in still works`, async () => {
        await press(button(label));
        for (const path of ['/me/player', '/me', '/me/player/devices']) {
          const answer = await api(emulator, tokens.accessToken, 'GET', path);
          assert.strictEqual(answer.status, 429, path);
          assert.strictEqual(answer.headers.get('retry-after'), String(seconds));
          assert.deepStrictEqual(answer.body, { error: { status: 429, message: 'Too many requests', reason: 'QUOTA_EXCEEDED' } });
        }
        const refreshed = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken, client_id: emulator.clientId });
        assert.strictEqual(refreshed.status, 200, 'the accounts service is not the Web API');
        assert.strictEqual((await press(button('Clear faults'))).status, 204);
        assert.strictEqual((await api(emulator, refreshed.body.access_token as string, 'GET', '/me')).status, 200);
      });
    }

    it('Server error: the next three requests get 503, then Spotify answers again', async () => {
      await press(button('Server error (503)'));
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await player()).status);
      assert.deepStrictEqual(statuses, [503, 503, 503, 200]);
    });

    it('Revoke access: the access token stops working and the refresh token is refused', async () => {
      assert.strictEqual((await press(button('Revoke access'))).status, 204);
      assert.strictEqual((await player()).status, 401);
      const refreshed = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken, client_id: emulator.clientId });
      assert.deepStrictEqual([refreshed.status, refreshed.body.error], [400, 'invalid_grant']);
      await press(button('Clear faults'));
      assert.strictEqual((await player()).status, 401, 'clearing faults does not undo a revocation');
    });

    it('Six months pass: the refresh token is refused as expired, as Spotify ends a sign-in after six months', async () => {
      const fresh = await signIn(emulator);
      assert.strictEqual((await press(button('Six months pass'))).status, 204);
      assert.strictEqual((await api(emulator, fresh.accessToken, 'GET', '/me/player')).status, 401);
      const refreshed = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: fresh.refreshToken, client_id: emulator.clientId });
      assert.deepStrictEqual([refreshed.status, refreshed.body], [400, { error: 'invalid_grant', error_description: 'Refresh token expired' }]);
    });
  });
});
