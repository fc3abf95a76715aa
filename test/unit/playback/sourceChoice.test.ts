import * as assert from 'assert';
import { LocalPlayerError } from '../../../src/localPlayer/localPlayer';
import { PAUSED_HANDOVER_MS } from '../../../src/playback/sourceChoice';
import type { EmulatorDesktopPlayer } from '../../../sim/emulatorDesktopPlayer';
import { Rig } from '../../support/hardening/rig';

// The merge rules of src/playback/sourceChoice.ts, one test each, through the core's real wiring
// (scheduler, playback state, commands, HTTP client) against the emulator, whose desktop app on
// "this computer" reports to the core as the OS path would, on the same simulated clock.

const SECOND = 1_000;
const MINUTE = 60_000;

describe('the Spotify app on this computer and the Web API: merge rules', () => {
  let rig: Rig;
  let local: EmulatorDesktopPlayer;

  /** The emulator plays Teardrop on the computer, in its desktop app unless told otherwise. */
  async function start(options: Parameters<typeof Rig.start>[0] = {}, signIn = true): Promise<void> {
    rig = await Rig.start({ stateLagMs: 0, ...options }, { localPlayer: true });
    local = rig.local!;
    if (signIn) {
      await rig.signIn();
      await wait(0);
    }
  }

  afterEach(async () => {
    await rig?.close();
  });

  const reads = () => rig.reader.started;
  const webCommands = () => rig.emu.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/v1/')).length;
  const itemName = () => rig.state.snapshot?.item?.name;

  const wait = (ms: number) => rig.wait(ms);

  /**
   * While the window is in the background (the last answer, the computer playing, gets old), the
   * music moves to the phone; a desktop app started then shows the same track, as its remote control.
   */
  async function playOnPhoneThenStartDesktopApp(): Promise<void> {
    rig.window.set(false, false);
    await wait(2 * MINUTE);
    const uri = rig.emu.snapshot().itemUri!;
    rig.emu.phone({ type: 'stop' });
    rig.emu.phone({ type: 'play', uri });
    rig.emu.configure({ desktopRunning: true });
  }

  it('1. while the local app plays, it is the truth and Web API reads stop; its changes and track ends show at once', async () => {
    // Tokens that last 5 minutes: the session is refreshed twice in the 10 minutes below.
    await start({ tokenLifetimeSeconds: 300 });
    assert.strictEqual(rig.state.source, 'local');
    assert.strictEqual(reads(), 1, 'one read on signing in checks where it plays');
    await wait(10 * MINUTE);
    assert.strictEqual(reads(), 1, 'no Web API read in 10 minutes of local playback');
    assert.ok(rig.emu.requests.filter((r) => r.path === '/api/token').length >= 3, 'token refreshes (the same session) cost no read either');
    rig.emu.desktop({ type: 'next' });
    assert.strictEqual(itemName(), rig.emu.snapshot().itemName, 'a change made in the app shows without waiting');
    const before = itemName();
    await wait(rig.state.msUntilItemEnds()! + 1);
    assert.notStrictEqual(itemName(), before, 'the next track shows the moment the last one ends');
    assert.strictEqual(itemName(), rig.emu.snapshot().itemName);
    assert.strictEqual(reads(), 1);
  });

  it('2. when the local app pauses, reads resume after a while, not before', async () => {
    await start();
    rig.emu.desktop({ type: 'pause' });
    const before = reads();
    await wait(PAUSED_HANDOVER_MS - SECOND);
    assert.strictEqual(reads(), before, 'a short pause is still the local app');
    assert.strictEqual(rig.state.snapshot?.isPlaying, false);
    await wait(2 * SECOND);
    assert.strictEqual(reads(), before + 1, 'one read when the pause has lasted');
    assert.strictEqual(rig.state.source, 'webApi');
    rig.emu.desktop({ type: 'play' });
    assert.strictEqual(rig.state.source, 'local', 'playing again makes it the truth again');
  });

  it('2b. signed out, a paused local app stays the truth: there is nothing else to read', async () => {
    await start({}, false);
    rig.emu.desktop({ type: 'pause' });
    await wait(10 * MINUTE);
    assert.strictEqual(rig.state.availability.kind, 'active');
    assert.strictEqual(rig.state.source, 'local');
    assert.strictEqual(rig.state.webAvailability.kind, 'signedOut');
    assert.strictEqual(rig.emu.requests.length, 0, 'nothing was asked of Spotify');
    rig.emu.configure({ desktopRunning: false });
    assert.strictEqual(rig.state.availability.kind, 'signedOut', 'the status bar asks to sign in again');
  });

  it('3. when the local app quits, reads resume at once', async () => {
    await start();
    await wait(MINUTE);
    const before = reads();
    rig.emu.configure({ desktopRunning: false });
    await wait(0);
    assert.strictEqual(reads(), before + 1);
    assert.strictEqual(rig.state.source, 'webApi');
  });

  it('4. a track the Web API says plays on another device makes the Web API the truth, for one read', async () => {
    await start({ desktopRunning: false });
    const before = reads();
    await playOnPhoneThenStartDesktopApp();
    assert.strictEqual(rig.state.source, 'local', 'first guess: the app on this computer');
    await wait(0);
    assert.strictEqual(reads(), before, 'nothing is read while the window is in the background');
    rig.window.set(true, true);
    await wait(0);
    assert.strictEqual(reads(), before + 1, 'one read checks where it plays once the window is focused');
    assert.strictEqual(rig.state.source, 'webApi');
    assert.strictEqual(rig.state.snapshot?.device?.name, 'Pixel Phone');
    await wait(5 * MINUTE);
    assert.ok(reads() > before + 1, 'the Web API is read as usual');
    assert.ok(await rig.core.commands.next());
    assert.deepStrictEqual(local.sent, [], 'commands go to the Web API, to the phone');
    assert.strictEqual(webCommands(), 1);
  });

  it('transport commands go to the local app while it is the active player, costing no request', async () => {
    await start();
    const requests = rig.emu.requests.length;
    assert.ok(await rig.core.commands.pause());
    assert.ok(await rig.core.commands.seek('Seek To', () => 90 * SECOND));
    assert.ok(await rig.core.commands.next());
    await wait(5 * SECOND);
    assert.deepStrictEqual(local.sent, [{ type: 'pause' }, { type: 'seek', positionMs: 90_000 }, { type: 'next' }]);
    assert.strictEqual(rig.emu.requests.length, requests);
    assert.strictEqual(itemName(), rig.emu.snapshot().itemName);
    assert.notStrictEqual(itemName(), 'Teardrop');
  });

  it('a local failure falls back to the Web API and says so in the log', async () => {
    await start();
    local.failWith = new LocalPlayerError('the D-Bus connection closed');
    assert.ok(await rig.core.commands.next());
    assert.strictEqual(webCommands(), 1);
    assert.ok(rig.log.lines.some((l) => l.includes('Next through Spotify on this computer (emulator) failed: the D-Bus connection closed')), rig.log.lines.join('\n'));
  });

  it('PREMIUM_REQUIRED sends commands to the local app from then on, and says once what Free allows', async () => {
    await start({ premium: false, desktopRunning: false });
    await playOnPhoneThenStartDesktopApp();
    rig.window.set(true, true);
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
    assert.strictEqual(itemName(), 'Teardrop');
    assert.ok(await rig.core.commands.pause());
    assert.strictEqual(rig.state.snapshot?.isPlaying, false);
    assert.strictEqual(rig.emu.snapshot().isPlaying, false);
    assert.deepStrictEqual(local.sent, [{ type: 'pause' }]);
    assert.strictEqual(rig.emu.requests.length, 0);
  });
});
