import { AnswerTooLarge, fetchWithTimeout, MalformedJson, NetworkError, parseJsonBody } from '../net';
import { parseLrc } from './lrc';
import type { Lyrics, LyricsTrack } from './lyrics';

// LRCLIB (lrclib.net): a free, open database of lyrics, asked without a key or an account. One
// request per track: `GET /api/get` with the track's signature (title, artist, album, duration in
// whole seconds), as LRCLIB documents it. Its answers are written by anyone, so they are untrusted:
// the body is bounded, each field checked, and the text kept as text.

/** LRCLIB asks clients to name themselves and where to find them. */
export const USER_AGENT = 'Backbeat (https://github.com/backbeat/spotify)';
const TIMEOUT_MS = 10_000;
/** Real lyrics are a few KiB; more is not lyrics, and is not read. */
export const MAX_ANSWER_BYTES = 512 * 1024;
/** LRCLIB matches durations within 2 s; with our rounding to whole seconds, 3 s is the same record. */
const DURATION_TOLERANCE_S = 3;

/** LRCLIB could not answer (network, 5xx, 429, a body that is not JSON): ask again later. */
export class LrclibUnavailable extends Error {}

/** What LRCLIB has for `track` at `baseUrl` (e.g. https://lrclib.net); throws LrclibUnavailable. */
export async function askLrclib(baseUrl: string, track: LyricsTrack): Promise<Lyrics> {
  const durationS = Math.round(track.durationMs / 1000);
  const query = new URLSearchParams({ track_name: track.title, artist_name: track.artists.join(', ') });
  if (track.album) query.set('album_name', track.album);
  query.set('duration', String(durationS));
  let answer;
  try {
    answer = await fetchWithTimeout(`${baseUrl}/api/get?${query}`, { headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' } }, TIMEOUT_MS, MAX_ANSWER_BYTES);
  } catch (error) {
    // An oversized answer is an answer: this track has nothing worth showing there.
    if (error instanceof AnswerTooLarge) return { kind: 'none' };
    if (error instanceof NetworkError) throw new LrclibUnavailable(error.message);
    throw error;
  }
  if (answer.status === 404) return { kind: 'none' };
  if (!answer.ok) throw new LrclibUnavailable(`LRCLIB answered HTTP ${answer.status}`);
  try {
    return lyricsOfRecord(parseJsonBody(answer), durationS);
  } catch (error) {
    if (error instanceof MalformedJson) throw new LrclibUnavailable(error.message);
    throw error;
  }
}

/** LRCLIB's record, field by field: a field of the wrong type counts as absent. */
export function lyricsOfRecord(record: unknown, durationS: number): Lyrics {
  if (typeof record !== 'object' || record === null) return { kind: 'none' };
  const { syncedLyrics, plainLyrics, instrumental, duration } = record as Record<string, unknown>;
  // Lyrics of another cut of the song would run out of time with this one.
  if (typeof duration === 'number' && !(Math.abs(duration - durationS) <= DURATION_TOLERANCE_S)) return { kind: 'none' };
  if (instrumental === true) return { kind: 'instrumental' };
  const lines = typeof syncedLyrics === 'string' ? parseLrc(syncedLyrics) : [];
  if (lines.length) return { kind: 'synced', lines };
  if (typeof plainLyrics === 'string' && plainLyrics.trim()) return { kind: 'plain', text: plainLyrics };
  return { kind: 'none' };
}
