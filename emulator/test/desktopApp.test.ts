import * as assert from 'assert';
import { execFile } from 'child_process';
import type { Emulator, VirtualClock } from '..';
import { PrivateBus, startPrivateBus } from '../../sim/privateBus';
import { api, signIn, startOnVirtualClock } from './support';

// The emulator's desktop app (org.mpris.MediaPlayer2.spotify on a private session bus) checked
// with playerctl, an independent MPRIS client from Debian, against the Web API of the same
// emulator: both must tell the same story, as the real app and the real Web API do.

interface Played {
  ok: boolean;
  out: string;
}

describe('emulator desktop app over MPRIS, checked with playerctl', () => {
  let bus: PrivateBus;
  let emulator: Emulator;
  let clock: VirtualClock;
  let token: string;

  const playerctl = (...args: string[]): Promise<Played> =>
    new Promise((resolve) => {
      execFile('playerctl', ['-p', 'spotify', ...args], { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address }, timeout: 5_000 }, (error, out, err) =>
        resolve({ ok: !error, out: `${out}${err}`.trim() }),
      );
    });
  const meta = async (key: string) => (await playerctl('metadata', key)).out;
  const webItem = async () => ((await api(emulator, token, 'GET', '/me/player')).body as { item: Record<string, unknown> }).item;

  beforeEach(async () => {
    bus = startPrivateBus();
    ({ emulator, clock } = await startOnVirtualClock({ desktopBus: bus.address }));
    token = (await signIn(emulator)).accessToken;
  });

  afterEach(async () => {
    await emulator.close();
    bus.stop();
  });

  it('publishes the computer’s track with the Web API’s title, artists, album, id, link, length and cover', async () => {
    const item = (await webItem()) as {
      id: string; name: string; uri: string; duration_ms: number; artists: { name: string }[];
      album: { name: string; images: { url: string }[] }; external_urls: { spotify: string };
    };
    assert.strictEqual(await meta('xesam:title'), item.name);
    assert.strictEqual(await meta('xesam:artist'), item.artists.map((a) => a.name).join(', '));
    assert.strictEqual(await meta('xesam:album'), item.album.name);
    // playerctl prints an object path the way GVariant does, quoted.
    assert.strictEqual(await meta('mpris:trackid'), `'/com/spotify/track/${item.id}'`);
    assert.strictEqual(await meta('xesam:url'), item.external_urls.spotify);
    assert.strictEqual(await meta('mpris:length'), String(item.duration_ms * 1000));
    assert.strictEqual(await meta('mpris:artUrl'), item.album.images[0].url);
    assert.strictEqual((await playerctl('status')).out, 'Playing');
  });

  it('play-pause, next and position act on the emulator’s player, without Premium and outside the Web API log', async () => {
    emulator.configure({ premium: false });
    const before = emulator.requests.length;
    await playerctl('play-pause');
    assert.strictEqual(emulator.snapshot().isPlaying, false);
    assert.strictEqual((await playerctl('status')).out, 'Paused');
    await playerctl('play-pause');
    assert.strictEqual(emulator.snapshot().isPlaying, true);
    await playerctl('next');
    assert.strictEqual(await meta('xesam:title'), emulator.snapshot().itemName);
    assert.notStrictEqual(emulator.snapshot().itemName, 'Teardrop');
    clock.advance(12_500);
    assertSeconds((await playerctl('position')).out, 12.5);
    await playerctl('position', '90');
    assert.strictEqual(emulator.snapshot().progressMs, 90_000);
    assert.strictEqual(emulator.requests.length, before, 'no Web API request');
    assert.strictEqual((await api(emulator, token, 'POST', '/me/player/next')).status, 403, 'the Web API still wants Premium');
  });

  it('follows changes made through the Web API and on the phone', async () => {
    assert.strictEqual((await api(emulator, token, 'PUT', '/me/player/pause')).status, 204);
    assert.strictEqual((await playerctl('status')).out, 'Paused');
    emulator.phone({ type: 'play', uri: 'spotify:track:' + (await webItem()).id });
    assert.strictEqual((await playerctl('status')).out, 'Playing');
    assert.strictEqual((await api(emulator, token, 'POST', '/me/player/next')).status, 204);
    assert.strictEqual(await meta('xesam:title'), emulator.snapshot().itemName);
  });

  it('quits and starts again; older builds answer position 0', async () => {
    emulator.configure({ desktopRunning: false });
    await waitUntil(async () => !(await playerctl('status')).ok);
    assert.match((await playerctl('status')).out, /No players found/);
    emulator.configure({ desktopRunning: true, desktopReportsPosition: false });
    await waitUntil(async () => (await playerctl('status')).ok);
    clock.advance(30_000);
    assertSeconds((await playerctl('position')).out, 0);
  });
});

/** playerctl moves a position read on by the few microseconds since it read it. */
function assertSeconds(printed: string, seconds: number): void {
  assert.ok(Math.abs(Number(printed) - seconds) < 0.05, `playerctl says ${printed} s, expected ${seconds} s`);
}

/** Name ownership changes travel through the bus daemon: give them a moment. */
async function waitUntil(probe: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the bus never showed the change');
}
