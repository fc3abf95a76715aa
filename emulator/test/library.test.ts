import * as assert from 'assert';
import { api, apiErrorOf, useSignedInEmulator } from './support';

interface Paging<T> { href: string; items: T[]; limit: number; next: string | null; offset: number; previous: string | null; total: number }

describe('emulator Web API: library, search, playlists', () => {
  const rig = useSignedInEmulator();
  beforeEach(() => rig.emulator.reset());

  const call = (method: string, path: string) => api(rig.emulator, rig.token, method, path);
  const teardropUri = async () => ((await call('GET', '/me/player')).body as { item: { uri: string } }).item.uri;

  it('likes, checks and unlikes through /me/library', async () => {
    const uri = await teardropUri();
    const other = 'spotify:track:4iV5W9uYEdYUVa79Axb7Rh';
    assert.deepStrictEqual((await call('GET', `/me/library/contains?uris=${uri},${other}`)).body, [false, false]);
    const saved = await call('PUT', `/me/library?uris=${encodeURIComponent(uri)}`);
    assert.deepStrictEqual([saved.status, saved.text], [200, '']);
    assert.deepStrictEqual((await call('GET', `/me/library/contains?uris=${uri},${other}`)).body, [true, false]);
    assert.ok(rig.emulator.snapshot().likedUris.includes(uri));
    await call('DELETE', `/me/library?uris=${uri}`);
    assert.deepStrictEqual((await call('GET', `/me/library/contains?uris=${uri}`)).body, [false]);
  });

  it('refuses more than 40 URIs and malformed ones', async () => {
    const many = Array.from({ length: 41 }, () => 'spotify:track:4iV5W9uYEdYUVa79Axb7Rh').join(',');
    assert.strictEqual((await call('PUT', `/me/library?uris=${many}`)).status, 400);
    assert.strictEqual((await call('PUT', '/me/library?uris=track:abc')).status, 400);
    assert.strictEqual((await call('PUT', '/me/library')).status, 400);
  });

  it('searches with a default limit of 5 and a maximum of 10', async () => {
    const found = (await call('GET', '/search?q=a&type=track')).body as { tracks: Paging<{ name: string }> };
    assert.strictEqual(found.tracks.limit, 5);
    assert.strictEqual(found.tracks.items.length, 5);
    assert.ok(found.tracks.total > 10);
    assert.ok(found.tracks.next);
    const ten = (await call('GET', '/search?q=a&type=track&limit=10&offset=5')).body as { tracks: Paging<unknown> };
    assert.strictEqual(ten.tracks.items.length, 10);
    assert.deepStrictEqual(apiErrorOf(await call('GET', '/search?q=a&type=track&limit=11')), { status: 400, message: 'Invalid limit' });
    assert.strictEqual((await call('GET', '/search?q=a&type=track&offset=1001')).status, 400);
    assert.strictEqual((await call('GET', '/search?q=a&type=banana')).status, 400);
  });

  it('finds tracks by artist, and albums, artists and playlists by name', async () => {
    const body = (await call('GET', '/search?q=massive%20attack%20teardrop&type=track,album,artist,playlist')).body as Record<string, Paging<{ name: string }>>;
    assert.deepStrictEqual(body.tracks.items.map((t) => t.name), ['Teardrop']);
    assert.deepStrictEqual(Object.keys(body).sort(), ['albums', 'artists', 'playlists', 'tracks']);
    const albums = (await call('GET', '/search?q=mezzanine&type=album')).body as { albums: Paging<{ name: string }> };
    assert.deepStrictEqual(albums.albums.items.map((a) => a.name), ['Mezzanine']);
  });

  it('pages the user\'s playlists and the items of their own playlist', async () => {
    const playlists = (await call('GET', '/me/playlists?limit=1')).body as Paging<{ id: string; name: string; owner: { id: string } }>;
    assert.strictEqual(playlists.total, 2);
    assert.strictEqual(playlists.items[0].name, 'Late Night Coding');
    const id = playlists.items[0].id;
    const page = (await call('GET', `/playlists/${id}/items?limit=5&offset=10`)).body as Paging<{ item: { name: string } }>;
    assert.deepStrictEqual([page.total, page.items.length, page.next], [12, 2, null]);
    assert.strictEqual(page.items[1].item.name, 'No Surprises');
    assert.strictEqual((await call('GET', '/playlists/0000000000000000000000/items')).status, 404);
  });

  it('refuses the items of a playlist the user does not own (development mode)', async () => {
    const second = (await call('GET', '/me/playlists?offset=1')).body as Paging<{ id: string; owner: { id: string } }>;
    assert.strictEqual(second.items[0].owner.id, 'spotify');
    assert.strictEqual((await call('GET', `/playlists/${second.items[0].id}/items`)).status, 403);
  });
});
