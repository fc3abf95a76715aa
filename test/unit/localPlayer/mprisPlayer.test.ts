import * as assert from 'assert';
import type { Emulator } from '../../../emulator';
import { startEmulator } from '../../../emulator';
import { watchMpris } from '../../../src/localPlayer/linux/mprisBus';
import { DBUS_CALL_TIMEOUT_MS, MprisPlayer } from '../../../src/localPlayer/linux/mprisPlayer';
import type { MprisLink } from '../../../src/localPlayer/linux/mprisBus';
import { LOOK_AGAIN_MS } from '../../../src/localPlayer/absentBridge';
import type { LocalPlayerState } from '../../../src/localPlayer/localPlayer';
import { signIn, api } from '../../../emulator/test/support';
import { FakeClock } from '../../../sim/fakeClock';
import { PrivateBus, startPrivateBus } from '../../../sim/privateBus';
import { RecordingLog } from '../../../sim/recordingLog';
import { until } from '../../../sim/until';

// The Linux bridge for real: dbus-next on a private session bus, talking to the emulator's
// desktop app, the way it talks to Spotify's.

describe('Linux bridge: MPRIS over D-Bus (against the emulator’s desktop app)', () => {
  let bus: PrivateBus;
  let emulator: Emulator;
  let player: MprisPlayer;
  let clock: FakeClock;
  let log: RecordingLog;
  let token: string;
  /** Connections the bridge tried. */
  let watches = 0;

  async function begin(options: { abstract?: boolean; address?: string; sendsSeeked?: boolean } = {}): Promise<void> {
    bus = startPrivateBus({ abstract: options.abstract });
    emulator = await startEmulator({ autoApprove: true, desktopBus: options.abstract ? '' : bus.address, desktopSendsSeeked: options.sendsSeeked });
    token = (await signIn(emulator)).accessToken;
    clock = new FakeClock(Date.now());
    log = new RecordingLog();
    const address = options.address ?? bus.address;
    watches = 0;
    player = new MprisPlayer({ clock, log, watch: () => (name, events) => (watches++, watchMpris(name, events, address)) });
    player.start();
  }

  afterEach(async () => {
    player?.dispose();
    await emulator?.close();
    bus?.stop();
  });

  const state = () => player.state;
  /** Lets the D-Bus answers under way arrive (before the fake clock jumps past their time limit). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const playing = (title: string) => until(`"${title}"`, () => state()?.track?.title === title && state());

  it('reads the track, status and what the app can do', async () => {
    await begin();
    const s: LocalPlayerState = await playing('Teardrop');
    assert.deepStrictEqual(
      { ...s.track, running: s.running, status: s.status },
      {
        title: 'Teardrop',
        artists: ['Massive Attack'],
        album: 'Mezzanine',
        artUrl: s.track!.artUrl,
        uri: emulator.snapshot().itemUri,
        durationMs: 330_000,
        running: true,
        status: 'playing',
      },
    );
    assert.match(s.track!.artUrl!, /^https:\/\/i\.scdn\.co\/image\//);
    assert.deepStrictEqual(s.capabilities, { playPause: true, next: true, previous: true, seek: true, openUri: true, position: true });
  });

  it('follows changes made elsewhere from signals, with no polling (a Seeked signal too, where an app sends one)', async () => {
    await begin({ sendsSeeked: true });
    await playing('Teardrop');
    await api(emulator, token, 'POST', '/me/player/next');
    await playing(emulator.snapshot().itemName!);
    await api(emulator, token, 'PUT', '/me/player/pause');
    await until('paused', () => state()?.status === 'paused');
    await api(emulator, token, 'PUT', '/me/player/seek?position_ms=42000');
    await until(() => `the Seeked position; the bridge saw ${JSON.stringify(state())}`, () => state()?.positionMs === 42_000);
  });

  it('finds a seek made in Spotify’s own window, which no signal announces, when asked to look again', async () => {
    await begin();
    await playing('Teardrop');
    await settle();
    emulator.desktop({ type: 'seek', positionMs: 200_000 });
    await settle();
    assert.ok(Math.abs(state()!.positionMs - 200_000) > 100_000, 'nothing announced the seek (as with the real app)');
    player.refresh();
    await until(() => `the new position; the bridge saw ${state()?.positionMs}`, () => Math.abs(state()!.positionMs - 200_000) < 2_000);
  });

  it('sends play/pause, next, previous, seek and open-uri to the app', async () => {
    await begin();
    await playing('Teardrop');
    await player.send({ type: 'pause' });
    assert.strictEqual(emulator.snapshot().isPlaying, false);
    await player.send({ type: 'playPause' });
    assert.strictEqual(emulator.snapshot().isPlaying, true);
    await player.send({ type: 'seek', positionMs: 100_000 });
    assert.ok(Math.abs(emulator.snapshot().progressMs - 100_000) < 1_000);
    await player.send({ type: 'next' });
    await playing(emulator.snapshot().itemName!);
    await player.send({ type: 'previous' });
    assert.strictEqual(emulator.snapshot().itemName, 'Teardrop');
    const angel = 'spotify:track:' + ((await api(emulator, token, 'GET', '/search?q=Angel&type=track')).body as { tracks: { items: { id: string }[] } }).tracks.items[0].id;
    await player.send({ type: 'openUri', uri: angel });
    await playing('Angel');
  });

  it('sees the app quit and start again', async () => {
    await begin();
    await playing('Teardrop');
    emulator.configure({ desktopRunning: false });
    await until('quit', () => state()?.running === false);
    await assert.rejects(player.send({ type: 'next' }), /not running/);
    emulator.configure({ desktopRunning: true });
    await playing('Teardrop');
  });

  it('counts the position itself when the app always answers 0 (older builds)', async () => {
    await begin();
    await playing('Teardrop');
    await settle();
    emulator.configure({ desktopReportsPosition: false });
    await clock.advance(30_000);
    await api(emulator, token, 'PUT', '/me/player/pause');
    await until('paused', () => state()?.status === 'paused');
    await api(emulator, token, 'PUT', '/me/player/play');
    await until('position found not reported', () => state()?.capabilities.position === false);
    assert.ok(state()!.positionMs >= 30_000, `ticked on locally, not back to 0 (${state()!.positionMs})`);
    assert.ok(log.lines.some((l) => l.includes('does not report its position')));
  });

  it('says why when the session bus is on an abstract socket, which it cannot reach', async () => {
    await begin({ abstract: true });
    await until('a log line', () => log.lines.some((l) => l.includes('the session bus is on an abstract socket (unix:abstract=')));
    assert.strictEqual(state(), undefined);
  });

  it('without a session bus, says so once and looks again only on a start after a long while', async () => {
    await begin({ address: '' });
    await until('a log line', () => log.lines.some((l) => l.includes('no D-Bus session bus')));
    assert.strictEqual(state(), undefined);
    assert.strictEqual(clock.pendingTimers, 0, 'no retry: a missing bus is a fact about the machine');
    player.stop();
    player.start();
    await clock.advance(LOOK_AGAIN_MS - 1_000);
    player.stop();
    player.start();
    assert.strictEqual(watches, 1, 'not tried again meanwhile');
    assert.strictEqual(log.lines.filter((l) => l.includes('no D-Bus session bus')).length, 1, 'said once');
    await clock.advance(2_000);
    player.stop();
    player.start();
    assert.strictEqual(watches, 2, 'looked again after a long while');
  });

  it('a D-Bus call the app does not answer counts as the app gone: not the truth, reconnect with back-off', async () => {
    bus = startPrivateBus({});
    emulator = await startEmulator({ autoApprove: true });
    clock = new FakeClock(Date.now());
    log = new RecordingLog();
    const hanging: MprisLink = { present: true, readAll: () => new Promise(() => undefined), readPosition: () => new Promise(() => undefined), call: () => new Promise(() => undefined), close: () => undefined };
    watches = 0;
    player = new MprisPlayer({ clock, log, watch: () => async () => (watches++, hanging) });
    player.start();
    await until('connected', () => watches === 1);
    await clock.advance(DBUS_CALL_TIMEOUT_MS);
    await until('the timeout logged', () => log.lines.some((l) => l.includes('did not answer on D-Bus within 5 s')));
    assert.strictEqual(state(), undefined, 'a hung app is not the truth');
    await clock.advance(1_000);
    await until('a reconnect', () => watches === 2);
  });
});
