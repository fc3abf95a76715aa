import * as assert from 'assert';
import type { LocalTrack } from '../../../src/localPlayer/localPlayer';
import { LocalPlayerError } from '../../../src/localPlayer/localPlayer';
import { PAUSED_HANDOVER_MS } from '../../../src/playback/sourceChoice';
import { Rig } from '../../support/hardening/rig';
import type { VirtualLocalPlayer } from '../../support/virtualLocalPlayer';

// The merge rules of src/playback/sourceChoice.ts, one test each, through the core's real wiring
// (scheduler, playback state, commands, HTTP client) against the emulator, with a virtual desktop
// app on the same simulated clock.

const SECOND = 1_000;
const MINUTE = 60_000;

describe('the Spotify app on this computer and the Web API: merge rules', () => {
  let rig: Rig;
  let local: VirtualLocalPlayer;

  async function start(options: Parameters<typeof Rig.start>[0] = {}, signIn = true): Promise<void> {
    rig = await Rig.start(options, { localPlayer: true });
    local = rig.local!;
    if (signIn) {
      await rig.signIn();
      await rig.nextRead();
    }
  }

  afterEach(async () => {
    await rig?.close();
  });

  /** The track the emulator plays now, as the desktop app would report it. */
  function emulatorTrack(): LocalTrack {
    const s = rig.emu.snapshot();
    return { title: s.itemName!, artists: ['Massive Attack'], uri: s.itemUri!, durationMs: 330_000 };
  }

  const reads = () => rig.reader.started;
  const webCommands = () => rig.emu.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/v1/')).length;

  /** Lets simulated time pass and any read it started finish. */
  async function wait(ms: number): Promise<void> {
    await rig.clock.advance(ms);
    while (rig.reader.inFlight) await rig.pump(rig.reader.inFlight);
  }

  it('1. while the local app plays, it is the truth and Web API reads stop; its track changes show at once', async () => {
    await start();
    local.play(emulatorTrack());
    await wait(0);
    const before = reads();
    await wait(10 * MINUTE);
    assert.strictEqual(reads(), before, 'no Web API read in 10 minutes of local playback');
    assert.strictEqual(rig.state.source, 'local');
    await local.send({ type: 'next' });
    assert.strictEqual(rig.state.snapshot?.item?.name, 'Angel', 'the new track shows without waiting');
    await wait(10 * SECOND);
    assert.strictEqual(reads(), before);
  });

  it('2. when the local app pauses, reads resume after a while, not before', async () => {
    await start();
    local.play(emulatorTrack());
    await wait(SECOND);
    local.pause();
    const before = reads();
    await wait(PAUSED_HANDOVER_MS - SECOND);
    assert.strictEqual(reads(), before, 'a short pause is still the local app');
    assert.strictEqual(rig.state.snapshot?.isPlaying, false);
    await wait(2 * SECOND);
    assert.strictEqual(reads(), before + 1, 'one read when the pause has lasted');
    assert.strictEqual(rig.state.source, 'webApi');
    local.resume();
    assert.strictEqual(rig.state.source, 'local', 'playing again makes it the truth again');
  });

  it('2b. signed out, a paused local app stays the truth: there is nothing else to read', async () => {
    await start({}, false);
    local.play(emulatorTrack());
    local.pause();
    await wait(10 * MINUTE);
    assert.strictEqual(rig.state.availability.kind, 'active');
    assert.strictEqual(rig.state.source, 'local');
    assert.strictEqual(rig.state.webAvailability.kind, 'signedOut');
    assert.strictEqual(rig.emu.requests.length, 0, 'nothing was asked of Spotify');
    local.quit();
    assert.strictEqual(rig.state.availability.kind, 'signedOut', 'the status bar asks to sign in again');
  });

  it('3. when the local app quits, reads resume at once', async () => {
    await start();
    local.play(emulatorTrack());
    await wait(MINUTE);
    const before = reads();
    local.quit();
    await wait(0);
    assert.strictEqual(reads(), before + 1);
    assert.strictEqual(rig.state.source, 'webApi');
  });

  it('4. a track the Web API says plays on another device makes the Web API the truth, for one read', async () => {
    await start();
    // The last answer (the computer playing) is old by now; then the music moves to the phone,
    // and the desktop app shows the same track as its remote control.
    rig.window.set(false, false);
    await wait(2 * MINUTE);
    rig.emu.phone({ type: 'stop' });
    rig.emu.phone({ type: 'play', uri: rig.emu.snapshot().itemUri! });
    const before = reads();
    local.play(emulatorTrack());
    assert.strictEqual(rig.state.source, 'local', 'first guess: the app on this computer');
    await wait(0);
    assert.strictEqual(reads(), before + 1, 'one read checks where it plays');
    assert.strictEqual(rig.state.source, 'webApi');
    assert.strictEqual(rig.state.snapshot?.device?.name, 'Pixel Phone');
    rig.window.set(true, true);
    await wait(30 * SECOND);
    assert.ok(reads() > before + 1, 'the Web API is read as usual');
    assert.ok(await rig.core.commands.next());
    assert.deepStrictEqual(local.sent, [], 'commands go to the Web API, to the phone');
    assert.strictEqual(webCommands(), 1);
  });

  it('transport commands go to the local app while it is the active player, costing no request', async () => {
    await start();
    local.play(emulatorTrack());
    await wait(0);
    const requests = rig.emu.requests.length;
    assert.ok(await rig.core.commands.pause());
    assert.ok(await rig.core.commands.seek('Seek To', () => 90 * SECOND));
    assert.ok(await rig.core.commands.next());
    await wait(5 * SECOND);
    assert.deepStrictEqual(local.sent, [{ type: 'pause' }, { type: 'seek', positionMs: 90_000 }, { type: 'next' }]);
    assert.strictEqual(rig.emu.requests.length, requests);
    assert.strictEqual(rig.state.snapshot?.item?.name, 'Angel');
  });

  it('a local failure falls back to the Web API and says so in the log', async () => {
    await start();
    local.play(emulatorTrack());
    await wait(0);
    local.failWith = new LocalPlayerError('the D-Bus connection closed');
    assert.ok(await rig.core.commands.next());
    assert.strictEqual(webCommands(), 1);
    assert.ok(rig.log.lines.some((l) => l.includes('Next through Spotify on this computer (virtual) failed: the D-Bus connection closed')), rig.log.lines.join('\n'));
  });

  it('PREMIUM_REQUIRED sends commands to the local app from then on, and says once what Free allows', async () => {
    await start({ premium: false });
    rig.emu.phone({ type: 'stop' });
    rig.emu.phone({ type: 'play', uri: rig.emu.snapshot().itemUri! });
    await wait(6 * SECOND);
    local.play(emulatorTrack());
    await wait(0);
    assert.strictEqual(rig.state.source, 'webApi', 'it plays on the phone, so the Web API would take the command');
    assert.ok(await rig.core.commands.next());
    assert.ok(await rig.core.commands.previous());
    assert.deepStrictEqual(local.sent.map((c) => c.type), ['next', 'previous']);
    assert.strictEqual(webCommands(), 1, 'only the first command asked the Web API');
    assert.strictEqual(rig.notices.countFor('freeAccount'), 1);
    assert.match(rig.notices.shown.find((m) => m.cause === 'freeAccount')!.text, /play\/pause, next, previous, seek/);
    assert.strictEqual(rig.notices.countFor('premium_required'), 0);
  });

  it('signed out, the local app is shown and controlled', async () => {
    await start({}, false);
    local.play(emulatorTrack());
    assert.strictEqual(rig.state.snapshot?.item?.name, 'Teardrop');
    assert.ok(await rig.core.commands.pause());
    assert.strictEqual(rig.state.snapshot?.isPlaying, false);
    assert.deepStrictEqual(local.sent, [{ type: 'pause' }]);
    assert.strictEqual(rig.emu.requests.length, 0);
  });
});
