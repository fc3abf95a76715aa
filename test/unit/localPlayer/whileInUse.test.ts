import * as assert from 'assert';
import { LocalPlayerWhileInUse, UNFOCUSED_STOP_MS } from '../../../src/localPlayer/whileInUse';
import { Emulator, startEmulator } from '../../../emulator';
import { EmulatorDesktopPlayer } from '../../support/emulatorDesktopPlayer';
import { FakeClock } from '../../support/fakeClock';
import { FakeWindow } from '../../support/hardening/rig';

describe('the local player runs only while VS Code is in use', () => {
  let emulator: Emulator;
  beforeEach(async () => (emulator = await startEmulator()));
  afterEach(() => emulator.close());

  it('starts with a focused window, ends after a stretch without focus, and starts again on focus', async () => {
    const clock = new FakeClock();
    const window = new FakeWindow();
    const player = new EmulatorDesktopPlayer(emulator, clock);
    const lifecycle = new LocalPlayerWhileInUse(player, window, clock, () => true);
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
    const window = new FakeWindow();
    window.set(false, false);
    let enabled = true;
    const player = new EmulatorDesktopPlayer(emulator, clock);
    const lifecycle = new LocalPlayerWhileInUse(player, window, clock, () => enabled);
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
