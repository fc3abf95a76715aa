import * as assert from 'assert';
import * as vscode from 'vscode';
import { Catalogue } from '../../emulator/world/catalogue';
import { until } from '../../sim/until';
import { emulator, extensionApi, VSCODE_WAIT } from './helpers';
import { choose, freshSignedInWorld, nextQuickPick, runAndChoose, watchNotifications } from './playbackSupport';

/** Finding and keeping music: like, search, playlists, queue, recently played, links, episodes. */
describe('playback: library, search and queue', function () {
  this.timeout(60_000);

  beforeEach(freshSignedInWorld);

  const live = () => emulator().snapshot();

  it('Like/Unlike saves the current track through /me/library and removes it again', async () => {
    const uri = (await live()).itemUri!;
    await vscode.commands.executeCommand('backbeat.toggleLike');
    assert.ok((await live()).likedUris.includes(uri));
    await vscode.commands.executeCommand('backbeat.toggleLike');
    assert.ok(!(await live()).likedUris.includes(uri));
    const library = (await emulator().requests()).filter((r) => r.path.startsWith('/v1/me/library') && r.method !== 'GET');
    assert.deepStrictEqual(library.map((r) => `${r.method} ${r.status}`), ['PUT 200', 'DELETE 200']);
  });

  it('Search shows tracks, albums and artists as you type, with one request for fast typing, and Enter plays the track', async () => {
    await emulator().clearRequests();
    await runAndChoose('backbeat.search', 'Karma Police', async (picker) => {
      picker.value = 'Radio';
      picker.value = 'Radiohe';
      picker.value = 'Radiohead';
      await until('results', () => picker.items.some((i) => i.label.includes('Karma Police')), VSCODE_WAIT);
      const searches = (await emulator().requests()).filter((r) => r.path === '/v1/search');
      assert.strictEqual(searches.length, 1, 'typing fast costs one request');
      assert.strictEqual(searches[0].query.q, 'Radiohead');
      assert.ok(Number(searches[0].query.limit) <= 10);
      const described = (label: string) => picker.items.find((i) => i.label.includes(label))?.description;
      assert.strictEqual(described('Karma Police'), 'Track · Radiohead');
      assert.strictEqual(described('OK Computer'), 'Album · Radiohead');
      assert.strictEqual(described('Radiohead'), 'Artist');
    });
    const now = await live();
    assert.strictEqual(now.itemName, 'Karma Police');
    assert.strictEqual(now.isPlaying, true);
  });

  it('Play Playlist lists the user\u2019s playlists and plays the chosen one', async () => {
    await runAndChoose('backbeat.playPlaylist', 'Deep Focus');
    assert.strictEqual((await live()).itemName, 'Prelude');
  });

  it('Add to Queue queues the chosen track; Show Queue lists it next', async () => {
    let picking = nextQuickPick();
    let done = vscode.commands.executeCommand('backbeat.addToQueue');
    const picker = await picking;
    picker.value = 'Roads';
    await choose(picker, 'Roads');
    await done;
    assert.deepStrictEqual((await live()).queueUris.length, 1);
    assert.strictEqual((await live()).itemName, 'Teardrop', 'queueing does not interrupt');

    picking = nextQuickPick();
    done = vscode.commands.executeCommand('backbeat.showQueue');
    const queue = await picking;
    await until('the queue listed', () => queue.items.length > 0, VSCODE_WAIT);
    const labels = queue.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator).map((i) => i.label);
    assert.deepStrictEqual(labels.slice(0, 2), ['Teardrop', 'Roads']);
    queue.hide();
    await done;
  });

  it('Recently Played lists what just played and plays it again', async () => {
    await vscode.commands.executeCommand('backbeat.next');
    const picking = nextQuickPick();
    const done = vscode.commands.executeCommand('backbeat.recentlyPlayed');
    const picker = await picking;
    const row = await choose(picker, 'Teardrop');
    assert.match(row.detail ?? '', /played (just now|\d+ min ago)/);
    await done;
    assert.strictEqual((await live()).itemName, 'Teardrop');
  });

  it('Copy Track Link copies the open.spotify.com link of what plays', async () => {
    const url = await vscode.commands.executeCommand<string>('backbeat.copyTrackLink');
    assert.match(url, /^https:\/\/open\.spotify\.com\/track\/[A-Za-z0-9]+$/);
    assert.strictEqual(await vscode.env.clipboard.readText(), url);
  });

  it('Open in Spotify and Copy Track Link say so when nothing plays, without an error', async () => {
    await emulator().phone({ type: 'stop' });
    const api = await extensionApi();
    await until('nothing active', () => api.signedIn && !api.nowPlaying(), VSCODE_WAIT);
    const notes = watchNotifications();
    try {
      assert.strictEqual(await vscode.commands.executeCommand('backbeat.openInSpotify'), false);
      assert.strictEqual(await vscode.commands.executeCommand('backbeat.copyTrackLink'), undefined);
      assert.deepStrictEqual(notes.shown.map((s) => s.text), ['Nothing is playing on Spotify.', 'Nothing is playing on Spotify.']);
    } finally {
      notes.dispose();
    }
  });

  it('shows podcast episodes (additional_types=episode), with the show as byline', async () => {
    await emulator().phone({ type: 'play', uri: new Catalogue().episode.uri });
    const api = await extensionApi();
    const episode = await until('the episode shown', () => {
      const item = api.nowPlaying();
      return item?.kind === 'episode' ? item : undefined;
    }, VSCODE_WAIT);
    assert.strictEqual(episode.title, 'Massive Attack - Teardrop');
    assert.strictEqual(episode.artists, 'Song Exploder');
  });
});
