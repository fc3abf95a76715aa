import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from '../../sim/until';
import { emulator, extensionApi, VSCODE_WAIT } from './helpers';
import { freshSignedInWorld, watchNotifications } from './playbackSupport';

/** Spotify's Retry-After in the real extension host: shown, honoured by every request, then over. */
// Longer than the 5 s poll interval: a scheduler ignoring the wait would be caught reading inside it.
const RETRY_AFTER_SECONDS = 8;

describe('quota: a Retry-After wait', function () {
  this.timeout(60_000);

  before(freshSignedInWorld);
  after(() => emulator().clearFaults());

  it('shows the wait, sends nothing to Spotify until it is over, then shows playback again', async () => {
    const api = await extensionApi();
    await emulator().clearRequests();
    await emulator().addFault({
      match: { path: '/v1/me/player*' },
      status: 429,
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      body: { error: { status: 429, message: 'API rate limit exceeded' } },
    });
    const notifications = watchNotifications();
    try {
      await vscode.commands.executeCommand('backbeat.pause');
      await until('the wait in the status bar', () => api.waitingUntil() !== undefined, VSCODE_WAIT);
      await until('playback shown again', () => api.waitingUntil() === undefined && api.nowPlaying() !== undefined, { ...VSCODE_WAIT, timeoutMs: (RETRY_AFTER_SECONDS + 10) * 1000 });
      await until('a read after the wait', async () => (await emulator().requests()).some((r) => r.status === 200 && r.path === '/v1/me/player'), VSCODE_WAIT);
    } finally {
      notifications.dispose();
    }
    const requests = (await emulator().requests()).filter((r) => r.path.startsWith('/v1'));
    const limited = requests.find((r) => r.status === 429);
    assert.ok(limited, 'the 429 reached the extension');
    const inWait = requests.filter((r) => r.time > limited.time && r.time < limited.time + RETRY_AFTER_SECONDS * 1000);
    assert.deepStrictEqual(inWait, [], 'no request inside the wait');
    assert.ok(notifications.shown.length <= 1, `one message at most, got ${JSON.stringify(notifications.shown)}`);
    assert.ok(!notifications.shown.some((n) => n.text.includes('{')), 'no raw JSON shown');
    assert.strictEqual((await emulator().snapshot()).isPlaying, true, 'the refused pause did not happen');
  });
});
