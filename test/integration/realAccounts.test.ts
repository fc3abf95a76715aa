import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEFAULT_TIMING } from '../../src/playback/scheduler';
import { Catalogue } from '../../emulator/world/catalogue';
import { until } from '../../sim/until';
import { emulator, extensionApi, signIn, signOut, VSCODE_WAIT } from './helpers';
import { choose, freshSignedInWorld, nextQuickPick, pause, runAndChoose, watchNotifications } from './playbackSupport';

/** The slowest steady rhythm of a focused window: an idle one. */
const IDLE_READ_MS = DEFAULT_TIMING.idleIntervalMs;

/** What real Spotify accounts meet on day one, through the real commands in VS Code's extension host. */
describe('day one with a real Spotify account', function () {
  this.timeout(90_000);

  beforeEach(freshSignedInWorld);

  const live = () => emulator().snapshot();
  const apiRequests = async (path: string) => (await emulator().requests()).filter((r) => r.path.startsWith(`/v1${path}`));

  it('Recently Played replays a track heard in an artist\u2019s context on its own (offset only for albums and playlists)', async () => {
    await runAndChoose('backbeat.search', 'Portishead', (picker) => {
      picker.value = 'Portishead';
    });
    await until('the artist playing', async () => (await live()).itemName === 'Mysterons', VSCODE_WAIT);
    await vscode.commands.executeCommand('backbeat.next');
    await until('the next track', async () => (await live()).itemName === 'Sour Times', VSCODE_WAIT);
    await emulator().clearRequests();
    const notes = watchNotifications();
    try {
      const picking = nextQuickPick();
      const done = vscode.commands.executeCommand('backbeat.recentlyPlayed');
      await choose(await picking, 'Mysterons');
      await done;
      assert.strictEqual((await live()).itemName, 'Mysterons');
      assert.deepStrictEqual((await apiRequests('/me/player/play')).map((r) => r.status), [204]);
      assert.deepStrictEqual(notes.shown, []);
    } finally {
      notes.dispose();
    }
  });

  it('during an ad: Next and Seek are not sent; one info line per control says why', async () => {
    await emulator().phone({ type: 'ad' });
    const api = await extensionApi();
    const ad = await until('the ad shown, not "nothing playing"', () => {
      const shown = api.nowPlaying();
      return shown?.kind === 'ad' ? shown : undefined;
    }, VSCODE_WAIT);
    assert.deepStrictEqual([ad.title, ad.uri], ['', undefined]);
    await emulator().clearRequests();
    const notes = watchNotifications();
    try {
      for (const command of ['backbeat.next', 'backbeat.next', 'backbeat.seekForward']) await vscode.commands.executeCommand(command);
      await pause(300);
      assert.deepStrictEqual((await emulator().requests()).filter((r) => r.method !== 'GET'), [], 'nothing sent');
      assert.deepStrictEqual(notes.shown, [
        { severity: 'info', text: 'Spotify does not allow skipping to the next track during an ad.', actions: [] },
        { severity: 'info', text: 'Spotify does not allow seeking during an ad.', actions: [] },
      ]);
      assert.ok((await live()).playingAd);
    } finally {
      notes.dispose();
    }
  });

  it('a local file: shown plainly, never checked or offered for liking', async () => {
    await emulator().clearRequests();
    await emulator().phone({ type: 'play', uri: new Catalogue().localFile.uri });
    const api = await extensionApi();
    // A change made on the phone shows at the next steady read: every 5 s in a window in use, every
    // minute once it has been idle, as this window may be late in a full run.
    const item = await until(
      'the local file shown',
      () => {
        const shown = api.nowPlaying();
        return shown?.isLocalFile ? shown : undefined;
      },
      { ...VSCODE_WAIT, timeoutMs: IDLE_READ_MS + 10_000 },
    );
    assert.deepStrictEqual([item.title, item.artists, item.coverUrl], ['Teardrop (Rough Mix)', 'Massive Attack', undefined]);
    const notes = watchNotifications();
    try {
      await vscode.commands.executeCommand('backbeat.toggleLike');
      assert.deepStrictEqual(notes.shown.map((n) => n.text), ['\u201cTeardrop (Rough Mix)\u201d is a local file: Spotify keeps only its own tracks in your library.']);
      assert.deepStrictEqual(await apiRequests('/me/library'), [], 'no library request at all');
    } finally {
      notes.dispose();
    }
  });

  it('after a sign-out, Sign In asks Spotify for its dialog (show_dialog=true) so another account can be chosen', async () => {
    // undefined until one came: an empty list is no answer yet.
    const authorizeRequests = async () => {
      const seen = (await emulator().requests()).filter((r) => r.path === '/authorize');
      return seen.length ? seen : undefined;
    };
    await signOut();
    await emulator().clearRequests();
    await signIn();
    assert.deepStrictEqual((await authorizeRequests())?.map((r) => r.query.show_dialog), ['true']);

    await emulator().clearRequests();
    await vscode.commands.executeCommand('backbeat.signIn', { reconsent: true });
    const [again] = await until('the consent again', authorizeRequests, VSCODE_WAIT);
    assert.strictEqual(again.query.show_dialog, undefined, 'signed in all along: no account switch asked for');
  });
});
