import * as assert from 'assert';
import type { Emulator } from '../../../emulator';
import { startEmulator } from '../../../emulator';
import { watchMpris } from '../../../src/localPlayer/linux/mprisBus';
import { MprisPlayer } from '../../../src/localPlayer/linux/mprisPlayer';
import type { LocalPlayerState } from '../../../src/localPlayer/localPlayer';
import { signIn, api } from '../../../emulator/test/support';
import { FakeClock } from '../../support/fakeClock';
import { PrivateBus, startPrivateBus } from '../../support/privateBus';
import { RecordingLog } from '../../support/recordingLog';
import { until } from '../../support/until';

// The Linux bridge for real: dbus-next on a private session bus, talking to the emulator's
// desktop app, the way it talks to Spotify's.

describe('Linux bridge: MPRIS over D-Bus (against the emulator’s desktop app)', () => {
  let bus: PrivateBus;
  let emulator: Emulator;
  let player: MprisPlayer;
  let clock: FakeClock;
  let log: RecordingLog;
  let token: string;

  async function begin(options: { abstract?: boolean; address?: string } = {}): Promise<void> {
    bus = startPrivateBus({ abstract: options.abstract });
    emulator = await startEmulator({ autoApprove: true, desktopBus: options.abstract ? '' : bus.address });
    token = (await signIn(emulator)).accessToken;
    clock = new FakeClock(Date.now());
    log = new RecordingLog();
    const address = options.address ?? bus.address;
    player = new MprisPlayer({ clock, log, watch: () => (name, events) => watchMpris(name, events, address) });
    player.start();
  }

  afterEach(async () => {
    player?.dispose();
    await emulator?.close();
    bus?.stop();
  });

  const state = () => player.state;
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

  it('follows changes made elsewhere from signals, with no polling', async () => {
    await begin();
    await playing('Teardrop');
    await api(emulator, token, 'POST', '/me/player/next');
    await playing(emulator.snapshot().itemName!);
    await api(emulator, token, 'PUT', '/me/player/pause');
    await until('paused', () => state()?.status === 'paused');
    await api(emulator, token, 'PUT', '/me/player/seek?position_ms=42000');
    await until(() => `the Seeked position; the bridge saw ${JSON.stringify(state())}`, () => state()?.positionMs === 42_000);
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

  it('without a session bus, says so in the log and tries again later', async () => {
    await begin({ address: '' });
    await until('a log line', () => log.lines.some((l) => l.includes('D-Bus unavailable')));
    assert.strictEqual(state(), undefined);
    assert.strictEqual(clock.pendingTimers, 1, 'a retry is scheduled');
  });
});
