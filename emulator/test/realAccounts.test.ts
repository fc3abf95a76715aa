// What real Spotify accounts meet on day one and an emulator easily gets wrong: one contract per
// behaviour, each with the public source it follows.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MAX_RANDOM_LAG_MS, MIN_RANDOM_LAG_MS, NOT_REGISTERED_MESSAGES } from '../options';
import { Catalogue } from '../world/catalogue';
import { api, apiErrorOf, authorize, pkcePair, signIn, useSignedInEmulator } from './support';

interface PlayerJson {
  is_playing: boolean;
  progress_ms: number;
  currently_playing_type: string;
  item: { uri: string; id: string | null; name: string; is_local: boolean; album: { images: unknown[] } } | null;
  actions: { disallows: Record<string, boolean> };
}

const catalogue = new Catalogue();
const teardrop = catalogue.teardrop.uri;
const artist = [...catalogue.artists.values()].find((a) => a.name === 'Massive Attack')!.uri;
const album = catalogue.albumById(catalogue.teardrop.albumId).uri;
const episode = catalogue.episode.uri;

describe('emulator: what real Spotify accounts hit on day one', () => {
  const rig = useSignedInEmulator();
  beforeEach(() => {
    rig.emulator.reset();
    rig.emulator.clearFaults();
    rig.emulator.configure({ userRegistered: true, stateLagMs: 0, deviceWakingCommands: 0, zeroRetryAfter: false, rememberConsent: false, autoApprove: true });
  });

  const call = (method: string, pathAndQuery: string, body?: unknown) => api(rig.emulator, rig.token, method, pathAndQuery, body);
  const player = async () => (await call('GET', '/me/player?additional_types=episode')).body as PlayerJson;

  // Lioncat6/OSC-Chat-Tools #32 and #22, Yooooomi/your_spotify #207: a 403 with a plain-text body, worded three ways.
  it('1. refuses a user missing from the allow-list with a 403, as plain text by default, in each real wording', async () => {
    rig.emulator.configure({ userRegistered: false });
    const plain = await call('GET', '/me');
    assert.deepStrictEqual([plain.status, plain.text, plain.headers.get('content-type')], [403, NOT_REGISTERED_MESSAGES[0], 'text/plain; charset=utf-8']);
    for (const message of NOT_REGISTERED_MESSAGES) {
      rig.emulator.configure({ notRegisteredMessage: message, notRegisteredBody: 'text' });
      assert.strictEqual((await call('GET', '/me/player')).text, message, 'every Web API call is refused');
      rig.emulator.configure({ notRegisteredBody: 'json' });
      assert.deepStrictEqual(apiErrorOf(await call('GET', '/me')), { status: 403, message });
    }
    rig.emulator.configure({ notRegisteredMessage: NOT_REGISTERED_MESSAGES[0], notRegisteredBody: 'text' });
  });

  // fondberg/spotcast #69; "Start/Resume Playback": offset "only available when context_uri corresponds to an album or playlist".
  it('2. takes an offset only with album and playlist contexts', async () => {
    const refused = await call('PUT', '/me/player/play', { context_uri: artist, offset: { uri: teardrop } });
    assert.deepStrictEqual(apiErrorOf(refused), { status: 400, message: "Can't have offset for context type: ARTIST" });
    assert.strictEqual((await call('PUT', '/me/player/play', { context_uri: catalogue.shows.keys().next().value, offset: { position: 0 } })).status, 400);
    assert.strictEqual((await call('PUT', '/me/player/play', { context_uri: artist })).status, 204, 'the artist alone plays');
    assert.strictEqual((await call('PUT', '/me/player/play', { context_uri: album, offset: { uri: teardrop } })).status, 204);
    assert.strictEqual((await call('PUT', '/me/player/play', { uris: [teardrop] })).status, 204);
    assert.strictEqual(rig.emulator.snapshot().itemUri, teardrop);
  });

  // spotify/web-api #1127 and #821: right after a command, reads still show the old state for a while.
  it('3. by default, reads lag each command by a random but repeatable time of 0.2-3 s, as on real accounts', async () => {
    rig.emulator.configure({ stateLagMs: 'random' });
    const lags: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = (await player()).item?.name;
      assert.strictEqual((await call('POST', '/me/player/next')).status, 204);
      const after = rig.emulator.snapshot().itemName;
      let waited = 0;
      while ((await player()).item?.name !== after) {
        assert.strictEqual((await player()).item?.name, before, 'the old state, never something in between');
        rig.clock.advance(50);
        waited += 50;
      }
      assert.ok(waited >= MIN_RANDOM_LAG_MS && waited <= MAX_RANDOM_LAG_MS, `lag ${waited} ms`);
      lags.push(waited);
    }
    assert.ok(new Set(lags).size > 2, `the lags vary: ${lags.join(', ')}`);
    assert.ok(Math.max(...lags) > 2_000, `long lags occur too, as on real accounts: ${lags.join(', ')}`);
    rig.emulator.reset();
    const again: number[] = [];
    for (let i = 0; i < 3; i++) {
      await call('POST', '/me/player/next');
      const after = rig.emulator.snapshot().itemName;
      let waited = 0;
      for (; (await player()).item?.name !== after; waited += 50) rig.clock.advance(50);
      again.push(waited);
    }
    assert.deepStrictEqual(again, lags.slice(0, 3), 'after a reset, the same lags again');
  });

  // spotify/web-api #1433: what `actions.disallows` names (resuming while playing, pausing while paused) is 403 "Restriction violated".
  it('4. enforces its own actions.disallows with 403 "Restriction violated"', async () => {
    const restricted = { status: 403, message: 'Player command failed: Restriction violated', reason: 'UNKNOWN' };
    assert.deepStrictEqual((await player()).actions.disallows, { resuming: true });
    assert.deepStrictEqual(apiErrorOf(await call('PUT', '/me/player/play')), restricted);
    assert.strictEqual((await call('PUT', '/me/player/play', { uris: [episode] })).status, 204);
    const disallows = (await player()).actions.disallows;
    assert.deepStrictEqual(disallows, { resuming: true, toggling_shuffle: true, toggling_repeat_context: true, toggling_repeat_track: true });
    assert.deepStrictEqual(apiErrorOf(await call('PUT', '/me/player/shuffle?state=true')), restricted);
    assert.deepStrictEqual(apiErrorOf(await call('PUT', '/me/player/repeat?state=track')), restricted);
    assert.strictEqual((await call('PUT', '/me/player/seek?position_ms=1000')).status, 204, 'what is not disallowed still works');
    assert.strictEqual(rig.emulator.snapshot().shuffle, false);
  });

  // spotify/web-api #784: "your application should retry the request after 5 seconds, but no more than at most 5 retries".
  it('5. deviceWakingCommands: commands answer 202 and do nothing until the device is awake', async () => {
    rig.emulator.configure({ deviceWakingCommands: 2 });
    for (let i = 0; i < 2; i++) {
      const accepted = await call('PUT', '/me/player/pause');
      assert.deepStrictEqual([accepted.status, accepted.text], [202, '']);
      assert.strictEqual(rig.emulator.snapshot().isPlaying, true, 'not carried out');
    }
    assert.strictEqual((await call('PUT', '/me/player/pause')).status, 204);
    assert.strictEqual(rig.emulator.snapshot().isPlaying, false);
  });

  // developer.spotify.com "Local Files": spotify:local: URIs, no id, no images; the library takes only Spotify ids.
  it('6. plays a local file as a track without id or cover, which the library refuses', async () => {
    const local = catalogue.localFile.uri;
    rig.emulator.phone({ type: 'play', uri: local });
    const { item, currently_playing_type: type } = await player();
    assert.deepStrictEqual([type, item?.uri, item?.id, item?.is_local, item?.album.images], ['track', local, null, true, []]);
    assert.strictEqual(item?.name, 'Teardrop (Rough Mix)');
    assert.strictEqual((await call('PUT', `/me/library?uris=${encodeURIComponent(local)}`)).status, 400);
    assert.strictEqual((await call('GET', `/me/library/contains?uris=${encodeURIComponent(local)}`)).status, 400);
  });

  // spotify/web-api #542: "Retry-After is given but is sometimes zero".
  it('7. zeroRetryAfter: 429s say Retry-After: 0', async () => {
    const limited = { match: { path: '/v1/me/player' }, status: 429, headers: { 'Retry-After': '30' }, body: { error: { status: 429, message: 'API rate limit exceeded' } } };
    rig.emulator.addFault(limited);
    assert.strictEqual((await call('GET', '/me/player')).headers.get('retry-after'), '30');
    rig.emulator.configure({ zeroRetryAfter: true });
    rig.emulator.addFault(limited);
    const answer = await call('GET', '/me/player');
    assert.deepStrictEqual([answer.status, answer.headers.get('retry-after')], [429, '0']);
    assert.strictEqual((await call('GET', '/me/player')).headers.get('retry-after'), null, 'only 429s carry it');
  });

  // witnessmenow/spotify-api-arduino #76 ("currently_playing_type ... track, episode, ad or unknown"), spotify/web-api #1072.
  it('8. plays an ad: type "ad", item null, playing, seek and skips disallowed; the track goes on after it', async () => {
    rig.emulator.configure({ stateLagMs: 0 });
    rig.clock.advance(20_000);
    rig.emulator.phone({ type: 'ad', durationMs: 15_000 });
    rig.clock.advance(5_000);
    const ad = await player();
    assert.deepStrictEqual([ad.currently_playing_type, ad.item, ad.is_playing, ad.progress_ms], ['ad', null, true, 5_000]);
    for (const refused of ['seeking', 'skipping_next', 'skipping_prev']) assert.strictEqual(ad.actions.disallows[refused], true, refused);
    assert.strictEqual(apiErrorOf(await call('POST', '/me/player/next')).message, 'Player command failed: Restriction violated');
    assert.strictEqual((await call('PUT', '/me/player/seek?position_ms=0')).status, 403);
    assert.ok(rig.emulator.snapshot().playingAd);
    rig.clock.advance(12_000);
    const after = await player();
    assert.deepStrictEqual([after.currently_playing_type, after.item?.name, after.progress_ms], ['track', 'Teardrop', 22_000]);
  });

  // plamere/SortYourMusic #71, spotipy #446; "Authorization Code with PKCE": show_dialog forces the dialog.
  it('9. rememberConsent: a returning user is sent back at once unless show_dialog=true', async () => {
    const { challenge } = pkcePair();
    rig.emulator.configure({ autoApprove: false });
    assert.strictEqual((await authorize(rig.emulator, { challenge })).status, 200, 'by default the consent page always shows');
    rig.emulator.configure({ rememberConsent: true });
    const returning = await authorize(rig.emulator, { challenge });
    assert.strictEqual(returning.status, 302);
    assert.ok(returning.location?.searchParams.get('code'), 'straight back with a code');
    const asked = await authorize(rig.emulator, { challenge, showDialog: true });
    assert.strictEqual(asked.status, 200);
    assert.match(asked.text, /Approve/, 'the consent page, where another account can be chosen');
    rig.emulator.revokeGrants();
    const revoked = await authorize(rig.emulator, { challenge });
    assert.deepStrictEqual([revoked.status, /Approve/.test(revoked.text)], [200, true], 'after revoking, the consent page again');
    rig.emulator.configure({ autoApprove: true });
    rig.token = (await signIn(rig.emulator)).accessToken;
  });

  // developer.spotify.com blog 2026-02-06 and its February 2026 migration guide (development-mode apps).
  it('10. follows the February 2026 shapes: /items, tracks null, a bare /me, no batch endpoints, search limit 10', async () => {
    const playlists = (await call('GET', '/me/playlists')).body as { items: Array<{ id: string; tracks: unknown; items: { href: string } }> };
    for (const p of playlists.items) {
      assert.strictEqual(p.tracks, null);
      assert.match(p.items.href, /\/playlists\/\w+\/items$/);
    }
    const own = playlists.items[0].id;
    assert.strictEqual((await call('GET', `/playlists/${own}/items`)).status, 200);
    assert.strictEqual((await call('GET', `/playlists/${own}/tracks`)).status, 403);
    assert.strictEqual((await call('GET', `/playlists/${playlists.items[1].id}/items`)).status, 403, 'only playlists the user owns');
    const me = (await call('GET', '/me')).body as Record<string, unknown>;
    for (const gone of ['product', 'country', 'email', 'followers', 'explicit_content']) assert.ok(!(gone in me), gone);
    const ids = [catalogue.teardrop.id, catalogue.trackByName('Angel').id].join(',');
    for (const batch of [`/tracks?ids=${ids}`, `/albums?ids=${ids}`, `/artists?ids=${ids}`, `/episodes?ids=${ids}`, '/browse/new-releases', '/markets']) {
      assert.strictEqual((await call('GET', batch)).status, 403, batch);
    }
    assert.strictEqual((await call('GET', '/search?q=a&type=track&limit=11')).status, 400);
    const found = (await call('GET', '/search?q=massive&type=track,artist&limit=10')).body as { tracks: { items: object[] }; artists: { items: object[] } };
    for (const gone of ['popularity', 'followers']) {
      assert.ok([...found.tracks.items, ...found.artists.items].every((o) => !(gone in o)), gone);
    }
  });

  // developer.spotify.com "Save Items to Library": each kind of URI needs its own scope of the listed alternatives.
  it('11. asks each library URI for its own scope among the alternatives the description lists', async () => {
    const description = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'emulator', 'spotify-web-api', 'schema.json'), 'utf8'));
    const listed = (template: string, method: string) => description.paths[template][method].security[0].oauth_2_0 as string[];
    assert.deepStrictEqual(listed('/me/library', 'put'), ['user-library-modify', 'user-follow-modify', 'playlist-modify-public']);
    assert.deepStrictEqual(listed('/me/library/contains', 'get'), ['user-library-read', 'user-follow-read', 'playlist-read-private']);
    const followOnly = (await signIn(rig.emulator, ['user-follow-modify', 'user-follow-read'])).accessToken;
    const user = 'spotify:user:smedjan';
    assert.strictEqual((await api(rig.emulator, followOnly, 'PUT', `/me/library?uris=${user}`)).status, 200, 'a listed alternative lets a user URI in');
    assert.deepStrictEqual(apiErrorOf(await api(rig.emulator, followOnly, 'PUT', `/me/library?uris=${teardrop}`)), { status: 403, message: 'Insufficient client scope' });
    assert.deepStrictEqual(apiErrorOf(await api(rig.emulator, followOnly, 'DELETE', `/me/library?uris=${teardrop}`)), { status: 403, message: 'Insufficient client scope' });
    assert.strictEqual((await api(rig.emulator, followOnly, 'GET', `/me/library/contains?uris=${teardrop}`)).status, 403);
    assert.strictEqual((await api(rig.emulator, followOnly, 'GET', `/me/library/contains?uris=${user}`)).status, 200);
    assert.ok(!rig.emulator.snapshot().likedUris.includes(teardrop));
  });
});
