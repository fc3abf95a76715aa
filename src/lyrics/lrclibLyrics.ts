import * as path from 'path';
import type { Clock } from '../clock';
import type { Log } from '../log';
import { askLrclib, LrclibUnavailable } from './lrclibClient';
import { LyricsCache } from './lyricsCache';
import type { Lyrics, LyricsSource, LyricsTrack } from './lyrics';

// Lyrics from LRCLIB, which costs no Spotify request: each track is asked for at most once (the
// answer is kept on disk, in a file every window shares), calls for a track still being asked
// share that one request, and a failure is tried again only after a while, so a broken network or
// an LRCLIB outage never turns into a stream of requests.

/** After a failure (network, 5xx), the track shows none for this long, then LRCLIB is asked again. */
export const RETRY_AFTER_FAILURE_MS = 10 * 60_000;
/** LRCLIB grows: a track it had nothing for is asked about again after a week. */
export const NONE_KEPT_MS = 7 * 24 * 3600_000;

const NONE: Lyrics = { kind: 'none' };
const CACHE_FILE = 'lyrics.json';

export interface LrclibLyricsOptions {
  /** LRCLIB's origin (the `backbeat.lyricsUrl` setting, checked); may throw for a bad setting. */
  url: () => string;
  /** A folder for the cache file: the extension's global storage, which every window shares. */
  cacheDir: string;
  clock: Clock;
  log: Pick<Log, 'info' | 'warn'>;
}

export class LrclibLyrics implements LyricsSource {
  private readonly cache: LyricsCache;
  private readonly asking = new Map<string, Promise<Lyrics>>();
  /** Tracks whose last request failed, and when (monotonic) to ask again. */
  private readonly failedUntil = new Map<string, number>();

  constructor(private readonly options: LrclibLyricsOptions) {
    this.cache = new LyricsCache(path.join(options.cacheDir, CACHE_FILE), (message) => options.log.warn(message));
  }

  lyricsFor(track: LyricsTrack): Promise<Lyrics> {
    if (!worthAsking(track)) return Promise.resolve(NONE);
    const key = trackKey(track);
    let answer = this.asking.get(key);
    if (!answer) {
      answer = this.lookUp(key, track).finally(() => this.asking.delete(key));
      this.asking.set(key, answer);
    }
    return answer;
  }

  private async lookUp(key: string, track: LyricsTrack): Promise<Lyrics> {
    const cached = await this.cache.get(key);
    if (cached && this.fresh(cached.lyrics, cached.savedAt)) return cached.lyrics;
    const retryAt = this.failedUntil.get(key);
    if (retryAt !== undefined && this.options.clock.monotonic() < retryAt) return NONE;
    let lyrics: Lyrics;
    try {
      lyrics = await askLrclib(this.options.url(), track);
    } catch (error) {
      this.failedUntil.set(key, this.options.clock.monotonic() + RETRY_AFTER_FAILURE_MS);
      const reason = error instanceof LrclibUnavailable ? error.message : String(error);
      this.options.log.warn(`Lyrics: LRCLIB did not answer for "${track.title}" (${reason}); asking again in 10 minutes`);
      return NONE;
    }
    this.failedUntil.delete(key);
    await this.cache.put(key, { lyrics, savedAt: this.options.clock.now() });
    return lyrics;
  }

  /** Lyrics are kept; "none" only for a week. A date in the future (a clock set back) is not trusted. */
  private fresh(lyrics: Lyrics, savedAt: number): boolean {
    if (lyrics.kind !== 'none') return true;
    const age = this.options.clock.now() - savedAt;
    return age >= 0 && age < NONE_KEPT_MS;
  }
}

/** Ads, episodes and tracks without a duration (some local files) are never asked about. */
function worthAsking(track: LyricsTrack): boolean {
  const uri = track.uri ?? '';
  if (uri.startsWith('spotify:ad:') || uri.startsWith('spotify:episode:')) return false;
  return track.title.trim() !== '' && track.artists.length > 0 && Number.isFinite(track.durationMs) && track.durationMs > 0;
}

/** One key per track: its URI, or for a track without one, what LRCLIB is asked. */
function trackKey(track: LyricsTrack): string {
  if (track.uri) return track.uri;
  return JSON.stringify([track.title, track.artists, track.album ?? '', Math.round(track.durationMs / 1000)]);
}
