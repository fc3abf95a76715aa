import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from '../../sim/until';
import { emulator, extensionApi, VSCODE_WAIT } from './helpers';
import { freshSignedInWorld, runAndChoose, watchNotifications } from './playbackSupport';

/** The transport controls, each sent through the real extension to the emulator. */
describe('playback controls', function () {
  this.timeout(60_000);

  beforeEach(freshSignedInWorld);

  const live = () => emulator().snapshot();

  it('Next and Previous move through the playlist, and the status bar state follows', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('backbeat.next');
    assert.strictEqual((await live()).itemName, 'Sour Times');
    await until('the new track in the state', () => api.nowPlaying()?.title === 'Sour Times', VSCODE_WAIT);
    await vscode.commands.executeCommand('backbeat.previous');
    assert.strictEqual((await live()).itemName, 'Teardrop');
    await until('the old track back', () => api.nowPlaying()?.title === 'Teardrop', VSCODE_WAIT);
  });

  it('Seek Forward/Back jump by backbeat.seekStepSeconds; Seek To takes "1:23"', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('backbeat.pause');
    await vscode.commands.executeCommand('backbeat.seekTo', '1:23');
    assert.strictEqual((await live()).progressMs, 83_000);
    assert.strictEqual(api.nowPlaying()?.positionMs, 83_000, 'shown at once');
    await vscode.commands.executeCommand('backbeat.seekForward');
    assert.strictEqual((await live()).progressMs, 98_000);
    const config = vscode.workspace.getConfiguration('backbeat');
    await config.update('seekStepSeconds', 30, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('backbeat.seekBack');
      assert.strictEqual((await live()).progressMs, 68_000);
    } finally {
      await config.update('seekStepSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Volume Up/Down step by backbeat.volumeStep; Set Volume; Mute restores the volume before', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('backbeat.volumeUp');
    assert.strictEqual((await live()).volumePercent, 70);
    assert.strictEqual(api.nowPlaying()?.volumePercent, 70, 'shown at once');
    await vscode.commands.executeCommand('backbeat.volumeDown');
    await vscode.commands.executeCommand('backbeat.volumeDown');
    assert.strictEqual((await live()).volumePercent, 50);
    await vscode.commands.executeCommand('backbeat.setVolume', 35);
    assert.strictEqual((await live()).volumePercent, 35);
    await vscode.commands.executeCommand('backbeat.toggleMute');
    assert.strictEqual((await live()).volumePercent, 0);
    await vscode.commands.executeCommand('backbeat.toggleMute');
    assert.strictEqual((await live()).volumePercent, 35);
  });

  it('Toggle Shuffle flips shuffle; Cycle Repeat goes off -> context -> track -> off', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('backbeat.toggleShuffle');
    assert.strictEqual((await live()).shuffle, true);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await vscode.commands.executeCommand('backbeat.cycleRepeat');
      seen.push((await live()).repeat);
      // The next step starts from what Spotify confirmed.
      await until('the repeat mode read back', () => api.nowPlaying()?.repeat === seen[i], VSCODE_WAIT);
    }
    assert.deepStrictEqual(seen, ['context', 'track', 'off']);
  });

  it('Select Device lists the devices (none without an id), moves playback and keeps it playing', async () => {
    await runAndChoose('backbeat.selectDevice', 'Pixel Phone', async (picker) => {
      await until('devices listed', () => picker.items.length > 0, VSCODE_WAIT);
      assert.deepStrictEqual(picker.items.map((i) => i.label.replace(/^\$\([^)]*\) /, '')), ['Backbeat Test Computer', 'Pixel Phone', 'Kitchen Speaker']);
      assert.match(picker.activeItems[0].description ?? '', /active/, 'the active device is marked and preselected');
      assert.match(picker.items[1].label, /device-mobile/, 'a phone has the phone icon');
    });
    const now = await live();
    assert.strictEqual(now.deviceName, 'Pixel Phone');
    assert.strictEqual(now.isPlaying, true);
  });

  it('shows the effect at once and keeps it when Spotify\u2019s state lags the command', async () => {
    const api = await extensionApi();
    await emulator().configure({ stateLagMs: 500 });
    const notes = watchNotifications();
    try {
      await vscode.commands.executeCommand('backbeat.pause');
      assert.strictEqual(api.nowPlaying()?.isPlaying, false);
      await new Promise((r) => setTimeout(r, 2_000));
      assert.strictEqual(api.nowPlaying()?.isPlaying, false, 'the confirming read came after the lag');
      assert.deepStrictEqual(notes.shown, []);
    } finally {
      notes.dispose();
    }
  });
});
