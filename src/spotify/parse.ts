import { spotifyCoverUrl } from './coverUrl';
import type {
  Account, CatalogueEntry, Device, Page, PlayableItem, PlaybackQueue, PlaybackSnapshot, PlayedItem, RepeatMode, SearchKind, SearchResults,
} from './types';

/** Defensive readers for Web API bodies: a missing or mistyped field never throws. */
type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Longer than any track or episode: a length past it is garbage, shown as unknown rather than as "2.7e+301:10:40". */
const MAX_DURATION_MS = 48 * 3600_000;

function duration(value: unknown): number {
  const ms = num(value) ?? 0;
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : 0;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The widest image on Spotify's image hosts (see coverUrl.ts). */
function largestImage(images: unknown): string | undefined {
  const urls = list(images)
    .map(obj)
    .filter((i): i is Obj => !!i && !!spotifyCoverUrl(str(i.url)))
    .sort((a, b) => (num(b.width) ?? 0) - (num(a.width) ?? 0));
  return urls.length ? str(urls[0].url) : undefined;
}

function parseItem(value: unknown): PlayableItem | undefined {
  const item = obj(value);
  if (!item) return undefined;
  const name = str(item.name);
  if (!name) return undefined;
  const episode = item.type === 'episode';
  const album = obj(item.album);
  const show = obj(item.show);
  const artists = list(item.artists)
    .map((a) => str(obj(a)?.name))
    .filter((n): n is string => !!n);
  const uri = str(item.uri);
  return {
    kind: episode ? 'episode' : 'track',
    id: str(item.id),
    uri,
    isLocal: item.is_local === true || !!uri?.startsWith('spotify:local:'),
    name,
    byline: episode ? (str(show?.name) ?? str(show?.publisher) ?? '') : artists.join(', '),
    collection: episode ? str(show?.name) : str(album?.name),
    durationMs: duration(item.duration_ms),
    imageUrl: largestImage(episode ? (item.images ?? show?.images) : album?.images),
    webUrl: str(obj(item.external_urls)?.spotify),
  };
}

function parseDevice(value: unknown): Device | undefined {
  const d = obj(value);
  const name = str(d?.name);
  if (!d || !name) return undefined;
  return {
    id: str(d.id) ?? null,
    name,
    type: str(d.type) ?? 'Unknown',
    isActive: d.is_active === true,
    isRestricted: d.is_restricted === true,
    supportsVolume: d.supports_volume !== false,
    volumePercent: num(d.volume_percent) ?? null,
  };
}

export function parseDevices(value: unknown): Device[] {
  return list(obj(value)?.devices)
    .map(parseDevice)
    .filter((d): d is Device => !!d);
}

const REPEAT_MODES: RepeatMode[] = ['off', 'context', 'track'];

/** A body of `GET /me/player`; `undefined` (a 204) means nothing is active. */
export function parsePlayback(value: unknown): PlaybackSnapshot | undefined {
  const p = obj(value);
  if (!p) return undefined;
  const disallows: Record<string, boolean> = {};
  for (const [key, flag] of Object.entries(obj(obj(p.actions)?.disallows) ?? {})) {
    if (flag === true) disallows[key] = true;
  }
  const item = parseItem(p.item);
  const progress = Math.max(0, num(p.progress_ms) ?? 0);
  return {
    isPlaying: p.is_playing === true,
    isAd: p.currently_playing_type === 'ad',
    item,
    progressMs: item ? Math.min(progress, item.durationMs || progress) : progress,
    device: parseDevice(p.device),
    shuffle: p.shuffle_state === true,
    repeat: REPEAT_MODES.find((m) => m === p.repeat_state) ?? 'off',
    contextUri: str(obj(p.context)?.uri),
    disallows,
  };
}

export function parseAccount(value: unknown): Account | undefined {
  const me = obj(value);
  const id = str(me?.id);
  if (!me || !id) return undefined;
  return { id, displayName: str(me.display_name) ?? id };
}

function names(value: unknown): string {
  return list(value)
    .map((a) => str(obj(a)?.name))
    .filter((n): n is string => !!n)
    .join(', ');
}

/** A track, album, artist or playlist object as a picker entry; Spotify sometimes sends `null` items. */
export function parseEntry(value: unknown): CatalogueEntry | undefined {
  const o = obj(value);
  const uri = str(o?.uri);
  const name = str(o?.name);
  if (!o || !uri || !name) return undefined;
  switch (o.type) {
    case 'track':
      return { kind: 'track', uri, name, byline: names(o.artists), contextUri: str(obj(o.album)?.uri) };
    case 'episode':
      return { kind: 'episode', uri, name, byline: str(obj(o.show)?.name) ?? '' };
    case 'album':
      return { kind: 'album', uri, name, byline: names(o.artists) };
    case 'artist':
      return { kind: 'artist', uri, name, byline: '' };
    case 'playlist': {
      const owner = obj(o.owner);
      return { kind: 'playlist', uri, name, byline: str(owner?.display_name) ?? str(owner?.id) ?? '' };
    }
    default:
      return undefined;
  }
}

/** An offset paging object; the next page is known from `next`, never guessed. */
export function parsePage<T>(value: unknown, item: (v: unknown) => T | undefined): Page<T> {
  const page = obj(value);
  const items = list(page?.items)
    .map(item)
    .filter((i): i is T => i !== undefined);
  const offset = num(page?.offset) ?? 0;
  const limit = num(page?.limit) ?? items.length;
  return { items, nextOffset: str(page?.next) ? offset + limit : undefined };
}

const SEARCH_KEYS: Record<SearchKind, string> = { track: 'tracks', album: 'albums', artist: 'artists', playlist: 'playlists' };

export function parseSearch(value: unknown, kinds: readonly SearchKind[]): SearchResults {
  const body = obj(value);
  const byKind: SearchResults['byKind'] = {};
  for (const kind of kinds) {
    byKind[kind] = parsePage(body?.[SEARCH_KEYS[kind]], (v) => {
      const entry = parseEntry(v);
      return entry?.kind === kind ? entry : undefined;
    });
  }
  return { byKind };
}

export function parseQueue(value: unknown): PlaybackQueue {
  const q = obj(value);
  return {
    current: parseItem(q?.currently_playing),
    upNext: list(q?.queue)
      .map(parseItem)
      .filter((i): i is PlayableItem => !!i),
  };
}

export function parseRecentlyPlayed(value: unknown): PlayedItem[] {
  return list(obj(value)?.items).flatMap((v) => {
    const entry = obj(v);
    const item = parseItem(entry?.track);
    const playedAt = Date.parse(str(entry?.played_at) ?? '');
    return item && Number.isFinite(playedAt) ? [{ item, playedAt, contextUri: str(obj(entry?.context)?.uri) }] : [];
  });
}

/** `GET /me/library/contains`: one boolean per URI asked; anything else reads as "not saved". */
export function parseContains(value: unknown, count: number): boolean[] {
  const answers = list(value);
  return Array.from({ length: count }, (_, i) => answers[i] === true);
}
