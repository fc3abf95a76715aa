import * as assert from 'assert';
import { parseContains, parsePage, parseEntry, parseQueue, parseRecentlyPlayed, parseSearch } from '../../../src/spotify/parse';

/** Spotify's answers are not always what the description says; none of this may throw. */
describe('parsing lists from the Web API', () => {
  const junk: unknown[] = [undefined, null, 42, 'text', [], {}, { items: 'no' }, { error: { status: 500 } }];

  it('reads garbage as empty, never throws', () => {
    for (const body of junk) {
      assert.deepStrictEqual(parseSearch(body, ['track', 'playlist']).byKind, { track: { items: [], nextOffset: undefined }, playlist: { items: [], nextOffset: undefined } });
      assert.deepStrictEqual(parseQueue(body), { current: undefined, upNext: [] });
      assert.deepStrictEqual(parseRecentlyPlayed(body), []);
      assert.deepStrictEqual(parsePage(body, parseEntry).items, []);
    }
  });

  it('skips the null entries Spotify puts in playlist search results', () => {
    const body = {
      playlists: {
        items: [null, { type: 'playlist', uri: 'spotify:playlist:1', name: 'Focus', owner: { display_name: 'Spotify' } }, { type: 'playlist' }],
        next: 'https://api.spotify.com/v1/search?offset=5', offset: 0, limit: 5,
      },
    };
    const page = parseSearch(body, ['playlist']).byKind.playlist!;
    assert.deepStrictEqual(page.items, [{ kind: 'playlist', uri: 'spotify:playlist:1', name: 'Focus', byline: 'Spotify' }]);
    assert.strictEqual(page.nextOffset, 5);
  });

  it('keeps each kind in its own list even if Spotify mixes them', () => {
    const body = { tracks: { items: [{ type: 'album', uri: 'spotify:album:1', name: 'Mezzanine' }] } };
    assert.deepStrictEqual(parseSearch(body, ['track']).byKind.track!.items, []);
  });

  it('a track remembers its album, so choosing it plays on through the album', () => {
    const track = { type: 'track', uri: 'spotify:track:1', name: 'Teardrop', artists: [{ name: 'Massive Attack' }], album: { uri: 'spotify:album:9' } };
    assert.deepStrictEqual(parseEntry(track), { kind: 'track', uri: 'spotify:track:1', name: 'Teardrop', byline: 'Massive Attack', contextUri: 'spotify:album:9' });
  });

  it('drops recently played entries without a track or a readable time', () => {
    const body = { items: [{ track: null, played_at: '2026-11-28T12:00:00Z' }, { track: { type: 'track', name: 'Roads' }, played_at: 'yesterday' }, { track: { type: 'track', name: 'Angel' }, played_at: '2026-11-28T12:00:00.000Z' }] };
    const recent = parseRecentlyPlayed(body);
    assert.deepStrictEqual(recent.map((r) => r.item.name), ['Angel']);
    assert.strictEqual(recent[0].playedAt, Date.UTC(2026, 10, 28, 12));
  });

  it('library answers: one boolean per URI, anything odd reads as not liked', () => {
    assert.deepStrictEqual(parseContains([true, false], 2), [true, false]);
    assert.deepStrictEqual(parseContains([true], 3), [true, false, false]);
    assert.deepStrictEqual(parseContains({ error: 1 }, 1), [false]);
    assert.deepStrictEqual(parseContains(['true'], 1), [false]);
  });
});
