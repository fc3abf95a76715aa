import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from '../../sim/until';
import { emulator, extensionApi, signedInAccount, signIn, signOut, VSCODE_WAIT } from './helpers';
import { freshSignedInWorld, pause, watchNotifications } from './playbackSupport';

// The Spotify desktop app on this computer, for real: the emulator publishes its computer's app as
// org.mpris.MediaPlayer2.spotify on the harness's private D-Bus session bus, and the extension in
// this VS Code finds it through DBUS_SESSION_BUS_ADDRESS, loading its D-Bus part on demand.

const webApiRequests = async () => (await emulator().requests()).filter((r) => r.path.startsWith('/v1/'));

describe('the Spotify app on this computer (MPRIS)', function () {
  this.timeout(40_000);

  before(async () => {
    await freshSignedInWorld();
    await emulator().configure({ desktopRunning: true });
    const api = await extensionApi();
    await until('the status bar following the desktop app', () => api.nowPlaying()?.source === 'local', VSCODE_WAIT);
  });

  after(async () => {
    await emulator().configure({ desktopRunning: false, premium: true });
    if (!(await signedInAccount())) await signIn();
  });

  it('shows a track change made in the desktop app within 1 s, with no Web API request', async () => {
    const api = await extensionApi();
    await pause(1_000); // the check read made when the app became the truth is done by now
    await emulator().clearRequests();
    const started = Date.now();
    await emulator().desktop({ type: 'next' });
    const next = (await emulator().snapshot()).itemName;
    await until(`"${next}" in the status bar`, () => api.nowPlaying()?.title === next, { ...VSCODE_WAIT, timeoutMs: 5_000 });
    const elapsed = Date.now() - started;
    console.log(`      (the status bar showed it ${elapsed} ms after the change)`);
    assert.ok(elapsed <= 1_000, `shown after ${elapsed} ms`);
    assert.strictEqual(api.nowPlaying()?.source, 'local');
    // Longer than the 5 s poll interval: while the app plays, nothing is read from the Web API.
    await pause(6_000);
    assert.deepStrictEqual(await webApiRequests(), []);
  });

  it('controls the desktop app with a Free account: play/pause, next and seek, without a Premium error', async () => {
    await emulator().configure({ premium: false });
    const shown = watchNotifications();
    try {
      const before = await emulator().snapshot();
      await vscode.commands.executeCommand('backbeat.next');
      await until('the next track in the emulator', async () => (await emulator().snapshot()).itemUri !== before.itemUri, VSCODE_WAIT);
      await vscode.commands.executeCommand('backbeat.seekTo', 90_000);
      await until('the emulator at 1:30', async () => Math.abs((await emulator().snapshot()).progressMs - 90_000) < 2_000, VSCODE_WAIT);
      await vscode.commands.executeCommand('backbeat.playPause');
      await until('the emulator paused', async () => !(await emulator().snapshot()).isPlaying, VSCODE_WAIT);
      const api = await extensionApi();
      await until('the status bar paused', () => api.nowPlaying()?.isPlaying === false, VSCODE_WAIT);
      assert.deepStrictEqual((await webApiRequests()).filter((r) => r.method !== 'GET'), [], 'no command went to the Web API');
      assert.deepStrictEqual(shown.shown, []);
    } finally {
      shown.dispose();
    }
  });

  it('shows what the desktop app plays when signed out', async () => {
    await emulator().desktop({ type: 'play' });
    await signOut();
    const api = await extensionApi();
    await until('now playing from the desktop app', () => !api.signedIn && api.nowPlaying()?.source === 'local', VSCODE_WAIT);
    await emulator().configure({ desktopRunning: false });
    await until('"Sign in to Spotify" once the app quits', () => !api.nowPlaying(), VSCODE_WAIT);
  });
});
