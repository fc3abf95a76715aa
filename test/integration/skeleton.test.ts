import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from '../../sim/until';
import { emulator, extensionApi, signedInAccount, signIn, signOut, VSCODE_WAIT } from './helpers';

describe('walking skeleton: sign in, now playing, play/pause, sign out', function () {
  this.timeout(60_000);

  before(async () => {
    await emulator().reset({ grants: true });
    await extensionApi();
  });

  it('starts signed out and spends no API request while signed out', async () => {
    await emulator().clearRequests();
    assert.strictEqual(await signedInAccount(), undefined);
    const api = await extensionApi();
    assert.deepStrictEqual([api.signedIn, api.nowPlaying()], [false, undefined]);
    await new Promise((r) => setTimeout(r, 1_500));
    const apiRequests = (await emulator().requests()).filter((r) => r.path.startsWith('/v1'));
    assert.deepStrictEqual(apiRequests, []);
  });

  it('signs in through "Spotify: Sign In" and shows the account in VS Code', async () => {
    const changes: vscode.AuthenticationSessionsChangeEvent[] = [];
    const listener = vscode.authentication.onDidChangeSessions((e) => e.provider.id === 'spotify' && changes.push(e));
    try {
      const account = await signIn();
      assert.strictEqual(account.label, 'Backbeat Tester');
      await until('a sessions-changed event', () => changes.length > 0, VSCODE_WAIT);
    } finally {
      listener.dispose();
    }
  });

  it('shows what the emulator is playing', async () => {
    const api = await extensionApi();
    const playing = await until('now playing', () => api.nowPlaying(), VSCODE_WAIT);
    assert.deepStrictEqual([playing.title, playing.artists, playing.album], ['Teardrop', 'Massive Attack', 'Mezzanine']);
    assert.strictEqual(playing.deviceName, 'Backbeat Test Computer');
  });

  it('Play/Pause pauses and resumes the device, and the state follows', async () => {
    const api = await extensionApi();
    assert.strictEqual((await emulator().snapshot()).isPlaying, true);
    await vscode.commands.executeCommand('backbeat.playPause');
    assert.strictEqual(api.nowPlaying()?.isPlaying, false, 'optimistic: shown paused at once');
    await until('the device paused', async () => !(await emulator().snapshot()).isPlaying, VSCODE_WAIT);
    await vscode.commands.executeCommand('backbeat.playPause');
    await until('the device playing', async () => (await emulator().snapshot()).isPlaying, VSCODE_WAIT);
    await until('the state playing', () => api.nowPlaying()?.isPlaying, VSCODE_WAIT);
  });

  it('refreshes an expired access token without the user noticing', async () => {
    await emulator().clearRequests();
    await emulator().expire();
    await vscode.commands.executeCommand('backbeat.pause');
    await until('the device paused', async () => !(await emulator().snapshot()).isPlaying, VSCODE_WAIT);
    const requests = await emulator().requests();
    assert.ok(requests.some((r) => r.path === '/api/token' && r.status === 200), 'one refresh');
    assert.ok(requests.some((r) => r.path === '/v1/me/player/pause' && r.status === 401), 'the expired token was refused first');
    assert.strictEqual((await signedInAccount())?.label, 'Backbeat Tester', 'still signed in');
    await vscode.commands.executeCommand('backbeat.play');
    await until('the device playing', async () => (await emulator().snapshot()).isPlaying, VSCODE_WAIT);
  });

  it('Sign Out leaves no session and the signed-out state, and no Web API request follows', async () => {
    const api = await extensionApi();
    await signOut();
    await until('signed-out state', () => !api.signedIn && !api.nowPlaying(), VSCODE_WAIT);
    await emulator().clearRequests();
    await new Promise((r) => setTimeout(r, 6_000));
    const apiRequests = (await emulator().requests()).filter((r) => r.path.startsWith('/v1'));
    assert.deepStrictEqual(apiRequests, [], 'no requests after sign-out');
  });
});
