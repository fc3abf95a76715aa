import * as assert from 'assert';
import { Emulator, SCOPES_ALL } from '..';
import { hasOperation, validateRequest, validateResponse } from '../openapiValidator';
import { Catalogue } from '../world/catalogue';
import { defaultDevices } from '../world/devices';
import { api, signIn, useSignedInEmulator } from './support';

interface Case {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  status: number;
  /** Runs before the call (after a reset), e.g. to set up an error condition. */
  setup?: (emulator: Emulator) => void | Promise<void>;
  token?: 'none' | 'read-only';
  /** The request itself breaks the description (to provoke a 400): the validator must say so. */
  invalidRequest?: true;
}

interface Ids {
  phone: string;
  speaker: string;
  trackUri: string;
  episodeUri: string;
  ownPlaylist: string;
  spotifyPlaylist: string;
  artist: string;
  localFile: string;
}

const NOTHING_ACTIVE = (e: Emulator) => e.phone({ type: 'stop' });

/** The catalogue and devices are deterministic, so the ids are known before the emulator starts. */
function knownIds(): Ids {
  const catalogue = new Catalogue();
  const deviceNamed = (name: string) => defaultDevices().find((d) => d.name === name)?.id ?? '';
  return {
    phone: deviceNamed('Pixel Phone'),
    speaker: deviceNamed('Kitchen Speaker'),
    trackUri: catalogue.teardrop.uri,
    episodeUri: catalogue.episode.uri,
    ownPlaylist: catalogue.startPlaylist.uri,
    spotifyPlaylist: catalogue.playlistByName('Deep Focus').uri,
    artist: [...catalogue.artists.values()][0].uri,
    localFile: catalogue.localFile.uri,
  };
}

let fullToken = '';

async function playUris(e: Emulator, uris: string[]): Promise<void> {
  const answer = await api(e, fullToken, 'PUT', '/me/player/play', { uris });
  assert.strictEqual(answer.status, 204, answer.text);
}

/** Every emulator endpoint, in its success and characteristic error answers. */
function cases(): Case[] {
  const ids = knownIds();
  return [
    { name: 'profile', method: 'GET', path: '/me', status: 200 },
    { name: 'no token', method: 'GET', path: '/me', status: 401, token: 'none' },
    { name: 'user not registered', method: 'GET', path: '/me', status: 403, setup: (e) => e.configure({ userRegistered: false, notRegisteredBody: 'json' }) },
    { name: 'playback state', method: 'GET', path: '/me/player', status: 200 },
    { name: 'playback state, nothing active', method: 'GET', path: '/me/player', status: 204, setup: NOTHING_ACTIVE },
    { name: 'currently playing', method: 'GET', path: '/me/player/currently-playing', status: 200 },
    { name: 'currently playing, nothing active', method: 'GET', path: '/me/player/currently-playing', status: 204, setup: NOTHING_ACTIVE },
    ...['/me/player', '/me/player/currently-playing'].flatMap((path) => ['', '?additional_types=episode'].map((query) => ({
      name: `episode ${path}${query}`, method: 'GET', path: `${path}${query}`, status: 200,
      setup: (e: Emulator) => playUris(e, [ids.episodeUri]),
    }))),
    { name: 'local file', method: 'GET', path: '/me/player', status: 200, setup: (e) => e.phone({ type: 'play', uri: ids.localFile }) },
    { name: 'advertisement', method: 'GET', path: '/me/player', status: 200, setup: (e) => e.phone({ type: 'ad' }) },
    { name: 'devices', method: 'GET', path: '/me/player/devices', status: 200 },
    { name: 'queue', method: 'GET', path: '/me/player/queue', status: 200 },
    { name: 'recently played', method: 'GET', path: '/me/player/recently-played?limit=5', status: 200 },
    { name: 'play context', method: 'PUT', path: '/me/player/play', body: { context_uri: ids.ownPlaylist, offset: { position: 2 }, position_ms: 0 }, status: 204 },
    { name: 'play artist at a track', method: 'PUT', path: '/me/player/play', body: { context_uri: ids.artist, offset: { uri: ids.trackUri } }, status: 400 },
    { name: 'play, device waking up', method: 'PUT', path: '/me/player/play', body: { uris: [ids.trackUri] }, status: 202, setup: (e) => e.configure({ deviceWakingCommands: 1 }) },
    { name: 'play uris', method: 'PUT', path: '/me/player/play', body: { uris: [ids.trackUri] }, status: 204 },
    { name: 'play bad uri', method: 'PUT', path: '/me/player/play', body: { uris: ['spotify:track:0000000000000000000000'] }, status: 400 },
    { name: 'resume while playing', method: 'PUT', path: '/me/player/play', status: 403 },
    { name: 'play, no active device', method: 'PUT', path: '/me/player/play', status: 404, setup: NOTHING_ACTIVE },
    { name: 'play, premium required', method: 'PUT', path: '/me/player/play', status: 403, setup: (e) => e.configure({ premium: false }) },
    { name: 'pause', method: 'PUT', path: '/me/player/pause', status: 204 },
    { name: 'pause on restricted device', method: 'PUT', path: `/me/player/pause?device_id=${ids.speaker}`, status: 403 },
    { name: 'next', method: 'POST', path: '/me/player/next', status: 204 },
    { name: 'previous', method: 'POST', path: '/me/player/previous', status: 204 },
    { name: 'seek', method: 'PUT', path: '/me/player/seek?position_ms=25000', status: 204 },
    { name: 'seek without position', method: 'PUT', path: '/me/player/seek?position_ms=abc', status: 400, invalidRequest: true },
    { name: 'volume', method: 'PUT', path: '/me/player/volume?volume_percent=50', status: 204 },
    { name: 'volume on the phone', method: 'PUT', path: `/me/player/volume?volume_percent=50&device_id=${ids.phone}`, status: 403 },
    { name: 'shuffle', method: 'PUT', path: '/me/player/shuffle?state=true', status: 204 },
    { name: 'skip during an ad', method: 'POST', path: '/me/player/next', status: 403, setup: (e) => e.phone({ type: 'ad' }) },
    { name: 'repeat', method: 'PUT', path: '/me/player/repeat?state=context', status: 204 },
    { name: 'transfer', method: 'PUT', path: '/me/player', body: { device_ids: [ids.phone], play: true }, status: 204 },
    { name: 'transfer to unknown', method: 'PUT', path: '/me/player', body: { device_ids: ['nope'] }, status: 404 },
    { name: 'add to queue', method: 'POST', path: `/me/player/queue?uri=${ids.trackUri}`, status: 204 },
    { name: 'insufficient scope', method: 'POST', path: `/me/player/queue?uri=${ids.trackUri}`, status: 403, token: 'read-only' },
    { name: 'save to library', method: 'PUT', path: `/me/library?uris=${ids.trackUri}`, status: 200 },
    { name: 'remove from library', method: 'DELETE', path: `/me/library?uris=${ids.trackUri}`, status: 200 },
    { name: 'library, bad uri', method: 'PUT', path: '/me/library?uris=nonsense', status: 400 },
    { name: 'library contains', method: 'GET', path: `/me/library/contains?uris=${ids.trackUri},${ids.episodeUri}`, status: 200 },
    { name: 'search everything', method: 'GET', path: '/search?q=a&type=album,artist,playlist,track,show,episode,audiobook&limit=10', status: 200 },
    { name: 'search, limit too big', method: 'GET', path: '/search?q=a&type=track&limit=50', status: 400, invalidRequest: true },
    { name: 'my playlists', method: 'GET', path: '/me/playlists', status: 200 },
    { name: 'playlist items', method: 'GET', path: `/playlists/${ids.ownPlaylist.split(':')[2]}/items?limit=50`, status: 200 },
    { name: 'playlist items, not mine', method: 'GET', path: `/playlists/${ids.spotifyPlaylist.split(':')[2]}/items`, status: 403 },
    { name: 'playlist items, unknown', method: 'GET', path: '/playlists/0000000000000000000000/items', status: 404 },
    {
      name: 'rate limited', method: 'GET', path: '/me/player', status: 429,
      setup: (e) => e.addFault({ match: { path: '/v1/me/player' }, status: 429, headers: { 'retry-after': '30' },
        body: { error: { status: 429, message: 'API rate limit exceeded', reason: 'QUOTA_EXCEEDED' } } }),
    },
  ];
}

describe('emulator answers match the Spotify OpenAPI description', () => {
  const rig = useSignedInEmulator();
  let readOnlyToken: string;

  before(async () => {
    fullToken = rig.token;
    readOnlyToken = (await signIn(rig.emulator, SCOPES_ALL.filter((s) => s !== 'user-modify-playback-state'))).accessToken;
  });

  for (const c of cases()) {
    it(`${c.method} ${c.path.split('?')[0]} ${c.status} (${c.name})`, async () => {
      rig.emulator.reset();
      rig.emulator.clearFaults();
      rig.emulator.configure({ premium: true, userRegistered: true, stateLagMs: 0 });
      await c.setup?.(rig.emulator);
      const token = c.token === 'none' ? undefined : c.token === 'read-only' ? readOnlyToken : fullToken;

      const requestProblems = validateRequest(c.method, c.path, { body: c.body });
      if (c.invalidRequest) assert.notDeepStrictEqual(requestProblems, [], 'the validator sees the bad request');
      else assert.deepStrictEqual(requestProblems, [], 'the request is one Spotify accepts');
      const answer = await api(rig.emulator, token, c.method, c.path, c.body);
      assert.strictEqual(answer.status, c.status, answer.text);
      if (answer.status === 204) assert.strictEqual(answer.text, '');
      assert.deepStrictEqual(validateResponse(c.method, c.path, answer.status, answer.body ?? answer.text), []);
    });
  }
});

describe('openapiValidator', () => {
  it('catches bodies that do not fit', () => {
    assert.notDeepStrictEqual(validateResponse('GET', '/v1/me/player/devices', 200, { devices: [{ id: 7 }] }), []);
    assert.notDeepStrictEqual(validateResponse('GET', '/v1/me/playlists', 200, { items: [] }), [], 'paging fields are required');
    assert.notDeepStrictEqual(validateResponse('GET', '/v1/me/player', 200, { actions: { pausing: true } }), [], 'actions needs disallows');
    assert.notDeepStrictEqual(validateResponse('GET', '/v1/me/player', 204, { item: null }), [], 'a 204 has no body');
    assert.notDeepStrictEqual(validateResponse('GET', '/v1/me/player/pause', 200, undefined), [], 'no such operation');
    assert.notDeepStrictEqual(validateResponse('PUT', '/v1/me/player/pause', 201, undefined), [], 'status not declared');
    assert.notDeepStrictEqual(validateResponse('PUT', '/v1/me/player/pause', 404, { error: { status: 404, message: 'x', reason: 'MADE_UP' } }), []);
    assert.notDeepStrictEqual(validateResponse('GET', '/v1/me/library/contains', 200, [true, 'yes']), []);
  });

  it('accepts the real API\'s known differences, narrowly', () => {
    assert.deepStrictEqual(validateResponse('PUT', '/v1/me/player/pause', 404,
      { error: { status: 404, message: 'Player command failed: No active device found', reason: 'NO_ACTIVE_DEVICE' } }), []);
    assert.deepStrictEqual(validateResponse('GET', '/me/player/currently-playing', 204, ''), []);
    assert.deepStrictEqual(validateResponse('GET', '/me/player', 200,
      { smart_shuffle: false, item: null, context: null, actions: { disallows: { resuming: true } } }), []);
  });

  it('accepts path templates, concrete paths and full URLs', () => {
    const body = { href: 'h', items: [], limit: 1, next: null, offset: 0, previous: null, total: 0 };
    assert.deepStrictEqual(validateResponse('GET', '/playlists/{playlist_id}/items', 200, body), []);
    assert.deepStrictEqual(validateResponse('GET', 'https://api.spotify.com/v1/playlists/abc/items?limit=1', 200, body), []);
  });

  it('checks requests: path, method, query parameters, JSON body', () => {
    assert.strictEqual(hasOperation('PUT', '/v1/me/player/volume', ['volume_percent', 'device_id']), true);
    assert.strictEqual(hasOperation('PUT', '/v1/me/player/volume', ['volume']), false);
    assert.strictEqual(hasOperation('GET', '/v1/me/player/pause'), false);
    assert.deepStrictEqual(validateRequest('PUT', '/v1/me/player/volume?volume_percent=30'), []);
    assert.match(validateRequest('PUT', '/v1/me/player/volume')[0], /volume_percent/);
    assert.match(validateRequest('GET', '/v1/search?q=x&type=track&limit=11').join(), /limit/);
    assert.match(validateRequest('POST', '/v1/me/player/pause')[0], /not allowed/);
    assert.match(validateRequest('PUT', '/v1/me/player/play', { body: { uris: 'spotify:track:x' } }).join(), /uris/);
  });
});
