import * as assert from 'assert';
import { Catalogue, USER } from '../world/catalogue';
import { api, useSignedInEmulator } from './support';

// Endpoints Spotify removed for development-mode apps in February 2026 answer 403 "Forbidden",
// not 404 (bjarneo/cliamp #54, spotify/spotify-web-api-ts-sdk #159, LargeModGames/spotatui #517).

const FORBIDDEN = { error: { status: 403, message: 'Forbidden' } };

describe('emulator Web API: endpoints removed for development-mode apps', () => {
  const rig = useSignedInEmulator();
  const catalogue = new Catalogue();
  const playlist = catalogue.startPlaylist.id;
  const track = catalogue.teardrop.id;
  const artist = catalogue.teardrop.artistIds[0];

  const removed: Array<[string, string]> = [
    ['GET', `/playlists/${playlist}/tracks`],
    ['POST', `/playlists/${playlist}/tracks?uris=spotify:track:${track}`],
    ['GET', `/tracks?ids=${track}`],
    ['GET', `/albums?ids=${catalogue.teardrop.albumId}`],
    ['GET', `/artists?ids=${artist}`],
    ['GET', `/episodes?ids=x`],
    ['GET', `/shows?ids=x`],
    ['GET', `/artists/${artist}/top-tracks`],
    ['GET', '/browse/new-releases'],
    ['GET', '/browse/categories'],
    ['GET', '/browse/categories/dinner'],
    ['GET', '/markets'],
    ['GET', '/users/someone-else'],
    ['GET', '/users/someone-else/playlists'],
  ];

  for (const [method, path] of removed) {
    it(`${method} ${path.split('?')[0]} answers 403 Forbidden`, async () => {
      const answer = await api(rig.emulator, rig.token, method, path);
      assert.deepStrictEqual([answer.status, answer.body], [403, FORBIDDEN]);
    });
  }

  it('the token is checked first: without one, a removed endpoint answers 401 like any other', async () => {
    assert.strictEqual((await api(rig.emulator, undefined, 'GET', `/playlists/${playlist}/tracks`)).status, 401);
  });

  it('what replaced them still answers: playlist items, the user\u2019s own profile and playlists', async () => {
    assert.strictEqual((await api(rig.emulator, rig.token, 'GET', `/playlists/${playlist}/items`)).status, 200);
    assert.strictEqual((await api(rig.emulator, rig.token, 'GET', `/users/${USER.id}`)).status, 200);
    assert.strictEqual((await api(rig.emulator, rig.token, 'GET', `/users/${USER.id}/playlists`)).status, 200);
  });

  it('an endpoint that never existed is still 404 Service not found', async () => {
    assert.deepStrictEqual((await api(rig.emulator, rig.token, 'GET', '/no-such-thing')).body, { error: { status: 404, message: 'Service not found' } });
  });
});
