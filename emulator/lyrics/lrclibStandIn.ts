import { json, Reply, RequestContext } from '../http';
import type { Catalogue } from '../world/catalogue';

// A stand-in for LRCLIB (lrclib.net), the open lyrics database Backbeat asks for synced lyrics:
// `GET /api/get` and `/api/get-cached` with LRCLIB's JSON record and its 404. The words are the
// emulator's own (lines about the emulator), never a song's real lyrics. These requests are not
// Spotify's: they go to their own log and never count against the daily quota.

export const LYRICS_PATHS = ['/api/get', '/api/get-cached'];

/** LRCLIB matches a track's duration within 2 seconds. */
const DURATION_TOLERANCE_S = 2;
/** What `lyricsHugeAnswers` sends: far more than any lyrics. */
export const HUGE_ANSWER_BYTES = 5 * 1024 * 1024;

/** LRCLIB's record of one track. */
interface LrclibRecord {
  id: number;
  trackName: string;
  artistName: string;
  albumName: string;
  duration: number;
  instrumental: boolean;
  plainLyrics: string | null;
  syncedLyrics: string | null;
}

/** Lines written for the emulator, timed across "Teardrop" (5:30); a tag, and a line sung twice. */
const TEARDROP_SYNCED = [
  '[ar:Backbeat emulator]',
  '[ti:Teardrop]',
  '[00:08.00] These lines are the emulator\u2019s own, not the song\u2019s',
  '[00:15.50] They follow the track on the virtual clock',
  '[00:24.25] One line lights up as its moment comes',
  '[00:33.00][02:45.00] This line is stamped twice and comes back',
  '[01:10.00] Nothing here was sent to Spotify',
  '[01:58.75] LRCLIB is asked once for each track',
  '[03:30.00] ',
  '[04:05.10] The last line waits for the end',
].join('\n');

const ANGEL_PLAIN = ['Plain lines, without times:', 'the emulator has no moments for this track,', 'so they are shown whole.'].join('\n');

/** Some stamps LRC parsers must survive: two good lines among broken ones. */
const RISINGSON_MALFORMED = [
  '[00:10.00] A line with a good stamp',
  '[0x:12.00] a stamp with a letter in it',
  '[00:75.00] seconds past sixty',
  'a line with no stamp at all',
  '[00:20.5] A second good line',
  '[01:02.00',
  '[]',
].join('\n');

type Words = Pick<LrclibRecord, 'instrumental' | 'plainLyrics' | 'syncedLyrics'>;

/** The catalogue tracks LRCLIB has; every other one is a 404. */
const WORDS: Record<string, Words> = {
  Teardrop: { instrumental: false, plainLyrics: TEARDROP_SYNCED.replace(/\[[^\]]*\] ?/g, '').trim(), syncedLyrics: TEARDROP_SYNCED },
  Angel: { instrumental: false, plainLyrics: ANGEL_PLAIN, syncedLyrics: null },
  Risingson: { instrumental: false, plainLyrics: null, syncedLyrics: RISINGSON_MALFORMED },
  Prelude: { instrumental: true, plainLyrics: null, syncedLyrics: null },
};

const NOT_FOUND = { code: 404, name: 'TrackNotFound', message: 'Failed to find specified track' };

export class LrclibStandIn {
  private readonly records: LrclibRecord[];

  constructor(catalogue: Catalogue, private readonly hugeAnswers: () => boolean) {
    this.records = Object.entries(WORDS).map(([name, words], index) => {
      const track = catalogue.trackByName(name);
      const album = catalogue.albumById(track.albumId);
      return {
        id: 1000 + index,
        trackName: track.name,
        artistName: track.artistIds.map((id) => catalogue.artistById(id).name).join(', '),
        albumName: album.name,
        duration: track.durationMs / 1000,
        ...words,
      };
    });
  }

  handles(ctx: RequestContext): boolean {
    return LYRICS_PATHS.includes(ctx.path);
  }

  answer(ctx: RequestContext): Reply {
    if (ctx.method !== 'GET') return json(405, { code: 405, name: 'MethodNotAllowed', message: 'Method not allowed' });
    const { track_name: title, artist_name: artist, album_name: album, duration } = ctx.query;
    // LRCLIB requires the title and the artist (the emulator's own wording for the refusal).
    if (!title || !artist) return json(400, { code: 400, name: 'ValidationError', message: 'track_name and artist_name are required' });
    const seconds = duration === undefined ? undefined : Number(duration);
    const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
    const record = this.records.find(
      (r) =>
        same(r.trackName, title) &&
        same(r.artistName, artist) &&
        (album === undefined || same(r.albumName, album)) &&
        (seconds === undefined || Math.abs(r.duration - seconds) <= DURATION_TOLERANCE_S),
    );
    if (!record) return json(404, NOT_FOUND);
    if (this.hugeAnswers()) return json(200, { ...record, plainLyrics: 'la '.repeat(HUGE_ANSWER_BYTES / 3) });
    return json(200, record);
  }
}
