import * as assert from 'assert';
import { request } from 'http';
import fetch from 'node-fetch';
import { EmulatorControl } from '../controlClient';
import type { Emulator } from '..';
import { api, useSignedInEmulator } from './support';

// The LRCLIB stand-in: LRCLIB's `GET /api/get` and `/api/get-cached`, its record and its 404, at the
// emulator's own origin, outside Spotify's request log and daily quota.

const TEARDROP = { track_name: 'Teardrop', artist_name: 'Massive Attack', album_name: 'Mezzanine', duration: '330' };

async function get(emulator: Emulator, query: Record<string, string>, path = '/api/get') {
  const response = await fetch(`${emulator.lyricsUrl}${path}?${new URLSearchParams(query)}`, { headers: { 'User-Agent': 'contract-test' } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, length: Number(response.headers.get('content-length')) };
}

describe('emulator LRCLIB stand-in', () => {
  const rig = useSignedInEmulator('test', { dailyQuota: 1 });

  it('answers a known track with LRCLIB\u2019s record: id, names, duration, instrumental, plain and synced lyrics', async () => {
    const { status, body } = await get(rig.emulator, TEARDROP);
    assert.strictEqual(status, 200);
    assert.deepStrictEqual(Object.keys(body).sort(), ['albumName', 'artistName', 'duration', 'id', 'instrumental', 'plainLyrics', 'syncedLyrics', 'trackName']);
    assert.deepStrictEqual([body.trackName, body.artistName, body.albumName, body.duration, body.instrumental], ['Teardrop', 'Massive Attack', 'Mezzanine', 330, false]);
    assert.match(String(body.syncedLyrics), /^\[\d\d:\d\d\.\d\d\] /m);
    assert.match(String(body.syncedLyrics), /emulator/, 'the emulator\u2019s own words');
    assert.strictEqual(typeof body.plainLyrics, 'string');
  });

  it('matches without the album and within 2 seconds of the duration, as LRCLIB does; /api/get-cached alike', async () => {
    const withoutAlbum: Record<string, string> = { ...TEARDROP };
    delete withoutAlbum.album_name;
    assert.strictEqual((await get(rig.emulator, { ...withoutAlbum, duration: '332' })).status, 200);
    assert.strictEqual((await get(rig.emulator, { ...TEARDROP, track_name: 'teardrop' }, '/api/get-cached')).status, 200);
    assert.strictEqual((await get(rig.emulator, { ...TEARDROP, duration: '340' })).status, 404);
  });

  it('has a track with plain lyrics only, one with malformed LRC and one instrumental', async () => {
    const angel = (await get(rig.emulator, { track_name: 'Angel', artist_name: 'Massive Attack', duration: '378' })).body;
    assert.deepStrictEqual([typeof angel.plainLyrics, angel.syncedLyrics], ['string', null]);
    const risingson = (await get(rig.emulator, { track_name: 'Risingson', artist_name: 'Massive Attack', duration: '298' })).body;
    assert.match(String(risingson.syncedLyrics), /\[0x:12\.00\]/);
    const prelude = (await get(rig.emulator, { track_name: 'Prelude', artist_name: 'Bonobo', duration: '80' })).body;
    assert.deepStrictEqual([prelude.instrumental, prelude.plainLyrics, prelude.syncedLyrics], [true, null, null]);
  });

  it('answers other tracks with LRCLIB\u2019s 404', async () => {
    const { status, body } = await get(rig.emulator, { track_name: 'Glory Box', artist_name: 'Portishead', duration: '306' });
    assert.strictEqual(status, 404);
    assert.deepStrictEqual(body, { code: 404, name: 'TrackNotFound', message: 'Failed to find specified track' });
  });

  it('sends a 5 MB record when configured so', async () => {
    await new EmulatorControl(rig.emulator.controlUrl).configure({ lyricsHugeAnswers: true });
    const { status, length } = await get(rig.emulator, TEARDROP);
    assert.strictEqual(status, 200);
    assert.ok(length >= 5 * 1024 * 1024, `${length} bytes`);
  });

  it('logs its requests apart (with the User-Agent), outside Spotify\u2019s log and daily quota', async () => {
    await get(rig.emulator, TEARDROP);
    await get(rig.emulator, TEARDROP);
    const spotifyRequests = rig.emulator.requests.length;
    const logged = await new EmulatorControl(rig.emulator.controlUrl).lyricsRequests();
    assert.deepStrictEqual(logged.map((r) => [r.path, r.status, r.userAgent]), [['/api/get', 200, 'contract-test'], ['/api/get', 200, 'contract-test']]);
    assert.strictEqual(rig.emulator.requests.filter((r) => r.path.startsWith('/api/get')).length, 0);
    assert.strictEqual(rig.emulator.requests.length, spotifyRequests);
    // A daily quota of 1: the Web API request after them is still the first it counts.
    assert.strictEqual((await api(rig.emulator, rig.token, 'GET', '/me')).status, 200);
  });

  it('is reached at its own address, and refuses a request addressed to another name (Host guard)', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(`${rig.emulator.lyricsUrl}/api/get?${new URLSearchParams(TEARDROP)}`);
        request(url, { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject).end();
      });
    assert.strictEqual(await status(new URL(rig.emulator.lyricsUrl).host), 200);
    assert.strictEqual(await status(`lyrics.example:${new URL(rig.emulator.lyricsUrl).port}`), 421);
  });
});
