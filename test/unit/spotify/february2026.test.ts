import * as assert from 'assert';
import { SpotifyClient } from '../../../src/spotify/client';
import { parseAccount, parseEntry, parsePage, parsePlayback, parseQueue, parseRecentlyPlayed, parseSearch } from '../../../src/spotify/parse';
import type { SearchKind } from '../../../src/spotify/types';
import { Emulator, startEmulator } from '../../../emulator';
import { Catalogue } from '../../../emulator/world/catalogue';
import { emulatorClient, SentRequest } from '../../support/emulatorClient';

// Spotify's February 2026 migration guide for development-mode apps (every Backbeat user's app):
// endpoints removed or moved, fields removed. Backbeat may depend on none of them. Every client
// method is run against the emulator (which follows the new shapes); a method added later fails
// here until it is audited too.

const REMOVED_ENDPOINTS: Array<{ what: string; hit(r: SentRequest): boolean }> = [
  { what: 'playlist items at /playlists/{id}/tracks (now /items)', hit: (r) => /^\/playlists\/[^/]+\/tracks$/.test(r.path) },
  { what: '"get several" batch endpoints', hit: (r) => 'ids' in r.query || /^\/(tracks|albums|artists|episodes|shows|audiobooks|chapters)$/.test(r.path) },
  { what: 'artist top tracks', hit: (r) => /^\/artists\/[^/]+\/top-tracks$/.test(r.path) },
  { what: 'new releases and browse categories', hit: (r) => r.path.startsWith('/browse/') },
  { what: 'markets', hit: (r) => r.path === '/markets' },
  { what: 'other users\u2019 profiles and playlists', hit: (r) => r.path.startsWith('/users/') },
  { what: 'the /me/tracks library endpoints (now /me/library)', hit: (r) => r.path.startsWith('/me/tracks') },
  { what: 'search limit above 10', hit: (r) => r.path === '/search' && Number(r.query.limit ?? 5) > 10 },
];

/** The same body as it was before the guide: with the removed fields back. */
function withRemovedFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withRemovedFields);
  if (typeof value !== 'object' || value === null) return value;
  const o = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withRemovedFields(v)])) as Record<string, unknown>;
  if (o.type === 'track') o.popularity = 71;
  if (o.type === 'artist' && 'genres' in o) Object.assign(o, { popularity: 64, followers: { href: null, total: 1_234_567 } });
  if (o.type === 'playlist') o.tracks = { href: `${String(o.href)}/tracks`, total: 12 };
  if (o.type === 'user' && 'display_name' in o && !('owner' in o)) {
    Object.assign(o, { product: 'premium', country: 'SE', email: 'tester@example.com', followers: { href: null, total: 3 }, explicit_content: { filter_enabled: false } });
  }
  return o;
}

describe('February 2026: nothing Backbeat uses was removed', function () {
  this.timeout(20_000);
  let emu: Emulator;
  let client: SpotifyClient;
  let sent: SentRequest[];
  const catalogue = new Catalogue();

  before(async () => {
    emu = await startEmulator({ autoApprove: true, stateLagMs: 0 });
    ({ client, sent } = await emulatorClient(emu));
  });
  after(() => emu.close());

  it('every endpoint the client calls still exists for development-mode apps, and answers', async () => {
    const track = catalogue.teardrop.uri;
    const calls: Record<string, () => Promise<unknown>> = {
      me: () => client.me(),
      playback: () => client.playback(),
      play: () => client.play({ contextUri: catalogue.startPlaylist.uri, offsetUri: track }),
      pause: () => client.pause(),
      next: () => client.next(),
      previous: () => client.previous(),
      seek: () => client.seek(1_000),
      setVolume: () => client.setVolume(50),
      setShuffle: () => client.setShuffle(false),
      setRepeat: () => client.setRepeat('off'),
      devices: () => client.devices(),
      transfer: async () => client.transfer((await client.devices()).find((d) => d.name === 'Backbeat Test Computer')!.id!, true),
      addToQueue: () => client.addToQueue(track),
      queue: () => client.queue(),
      recentlyPlayed: () => client.recentlyPlayed(),
      search: () => client.search('a', ['track', 'album', 'artist', 'playlist']),
      myPlaylists: () => client.myPlaylists(),
      save: () => client.save([track]),
      unsave: () => client.unsave([track]),
      isSaved: () => client.isSaved([track]),
    };
    const methods = Object.getOwnPropertyNames(SpotifyClient.prototype).filter((name) => name !== 'constructor');
    assert.deepStrictEqual(Object.keys(calls).sort(), methods.sort(), 'each client method is audited here');

    for (const [name, call] of Object.entries(calls)) {
      const before = emu.requests.length;
      await call();
      const answered = emu.requests.slice(before);
      assert.ok(answered.length > 0 && answered.every((r) => r.status >= 200 && r.status < 300), `${name}: ${JSON.stringify(answered)}`);
    }
    for (const request of sent) {
      const removed = REMOVED_ENDPOINTS.find((r) => r.hit(request));
      assert.strictEqual(removed, undefined, `${request.method} ${request.path} uses ${removed?.what}`);
    }
  });

  it('what Backbeat reads from each answer is the same with or without the removed fields', async () => {
    const kinds: SearchKind[] = ['track', 'album', 'artist', 'playlist'];
    const bodies: Array<[string, Record<string, string | number>, (body: unknown) => unknown]> = [
      ['/me', {}, parseAccount],
      ['/me/player', { additional_types: 'episode' }, parsePlayback],
      ['/me/player/queue', {}, parseQueue],
      ['/me/player/recently-played', { limit: 50 }, parseRecentlyPlayed],
      ['/search', { q: 'massive', type: kinds.join(','), limit: 10 }, (body) => parseSearch(body, kinds)],
      ['/me/playlists', { limit: 50 }, (body) => parsePage(body, parseEntry)],
    ];
    for (const [path, query, parse] of bodies) {
      const { data } = await client.http.request('GET', path, query);
      const before = JSON.stringify(withRemovedFields(data));
      assert.notStrictEqual(before, JSON.stringify(data), `${path}: the old shape differs`);
      const now = parse(data);
      assert.ok(now && JSON.stringify(now).length > 20, `${path} still reads as something: ${JSON.stringify(now)}`);
      assert.deepStrictEqual(now, parse(JSON.parse(before)), `${path}: Backbeat reads a field Spotify removed`);
    }
  });
});
