import * as assert from 'assert';
import { LocalPlayerWhileInUse, POSITION_CHECK_MS, UNFOCUSED_STOP_MS } from '../../../src/localPlayer/whileInUse';
import { Emulator, startEmulator } from '../../../emulator';
import { EmulatorDesktopPlayer } from '../../../sim/emulatorDesktopPlayer';
import { FakeClock } from '../../../sim/fakeClock';
import { SimulatedWindowActivity } from '../../../sim/simulatedWindowActivity';

describe('the local player runs only while VS Code is in use', () => {
  let emulator: Emulator;
  beforeEach(async () => (emulator = await startEmulator()));
  afterEach(() => emulator.close());

  it('starts with a focused window, ends after a stretch without focus, and starts again on focus', async () => {
    const clock = new FakeClock();
    const window = new SimulatedWindowActivity(true, true);
    const player = new EmulatorDesktopPlayer(emulator, clock);
    const lifecycle = new LocalPlayerWhileInUse(player, window, clock, () => true, () => true);
    assert.strictEqual(player.watched, true);
    window.set(false, false);
    await clock.advance(UNFOCUSED_STOP_MS - 1_000);
    assert.strictEqual(player.watched, true, 'a short switch to another app keeps it');
    await clock.advance(2_000);
    assert.strictEqual(player.watched, false);
    window.set(true, true);
    assert.strictEqual(player.watched, true);
    assert.strictEqual(player.starts, 2);
    assert.strictEqual(player.state?.track?.title, 'Teardrop', 'and reads the app again');
    lifecycle.dispose();
  });

  it('does not start in a window that never had focus, nor with the setting off', () => {
    const clock = new FakeClock();
    const window = new SimulatedWindowActivity(true, true);
    window.set(false, false);
    let enabled = true;
    const player = new EmulatorDesktopPlayer(emulator, clock);
    const lifecycle = new LocalPlayerWhileInUse(player, window, clock, () => enabled, () => true);
    assert.strictEqual(player.starts, 0);
    enabled = false;
    window.set(true, true);
    assert.strictEqual(player.starts, 0);
    enabled = true;
    lifecycle.update();
    assert.strictEqual(player.watched, true);
    enabled = false;
    lifecycle.update();
    assert.strictEqual(player.watched, false);
    lifecycle.dispose();
  });
});

describe('what the desktop app does not announce is looked at again while someone looks', () => {
  /** A player whose state the test sets, counting the bridge's re-reads. */
  class CountingPlayer extends EmulatorDesktopPlayer {
    refreshes = 0;
    refresh(): void {
      this.refreshes++;
    }
  }
  let emulator: Emulator;
  beforeEach(async () => (emulator = await startEmulator()));
  afterEach(() => emulator.close());

  it('re-reads on focus and every few seconds while the app has a track and the time shows, paused too; never unfocused, without a track or with the time hidden', async () => {
    const clock = new FakeClock();
    const window = new SimulatedWindowActivity(true, true);
    window.set(false, false);
    let showsProgress = true;
    const player = new CountingPlayer(emulator, clock);
    const lifecycle = new LocalPlayerWhileInUse(player, window, clock, () => true, () => showsProgress);
    window.set(true, true);
    assert.strictEqual(player.refreshes, 1, 'on gaining focus');
    await clock.advance(10 * POSITION_CHECK_MS);
    assert.strictEqual(player.refreshes, 11, `every ${POSITION_CHECK_MS / 1000} s while focused and playing`);
    window.set(false, false);
    await clock.advance(10 * POSITION_CHECK_MS);
    assert.strictEqual(player.refreshes, 11, 'not while unfocused');
    window.set(true, true);
    emulator.desktop({ type: 'pause' });
    await clock.advance(10 * POSITION_CHECK_MS);
    assert.strictEqual(player.refreshes, 22, 'once on focus, and on while paused (a seek in a paused app)');
    emulator.configure({ desktopRunning: false });
    await clock.advance(10 * POSITION_CHECK_MS);
    assert.strictEqual(player.refreshes, 22, 'not once the app quit');
    emulator.configure({ desktopRunning: true });
    emulator.desktop({ type: 'play' });
    showsProgress = false;
    lifecycle.update();
    await clock.advance(10 * POSITION_CHECK_MS);
    assert.strictEqual(player.refreshes, 22, 'not when the status bar hides the time');
    lifecycle.dispose();
  });
});
