// MPRIS player properties (as plain values) turned into Backbeat's view of the local player.
// Spotify's builds differ: the track id is an object path (`/com/spotify/track/<id>`) in recent
// ones and a `spotify:track:<id>` string in older ones; ads have their own ids. Every capability
// is optional.
import { spotifyCoverUrl } from '../../spotify/coverUrl';
import type { LocalCapabilities, LocalStatus, LocalTrack } from '../localPlayer';

const TRACK_ID_PATH = /^\/com\/spotify\/(track|episode|ad)\/([A-Za-z0-9]+)$/;
const SPOTIFY_URI = /^spotify:(track|episode|ad):[A-Za-z0-9]+$/;
const OPEN_URL = /^https:\/\/open\.spotify\.com\/(track|episode)\/([A-Za-z0-9]+)/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** The Spotify URI of the metadata's track, from its track id or, failing that, its web URL. */
function spotifyUri(metadata: Record<string, unknown>): string | undefined {
  const id = text(metadata['mpris:trackid']);
  if (id && SPOTIFY_URI.test(id)) return id;
  const path = id && TRACK_ID_PATH.exec(id);
  if (path) return `spotify:${path[1]}:${path[2]}`;
  const url = OPEN_URL.exec(text(metadata['xesam:url']) ?? '');
  return url ? `spotify:${url[1]}:${url[2]}` : undefined;
}

/** The track in `Metadata`, or undefined when there is none (the app just started, or stopped). */
export function trackFromMetadata(metadata: unknown): LocalTrack | undefined {
  if (!metadata || typeof metadata !== 'object') return undefined;
  const m = metadata as Record<string, unknown>;
  const title = text(m['xesam:title']);
  if (!title) return undefined;
  const lengthUs = m['mpris:length'];
  const artUrl = text(m['mpris:artUrl']);
  return {
    title,
    artists: texts(m['xesam:artist']),
    album: text(m['xesam:album']),
    // Some builds sent open.spotify.com/image links, which no longer resolve; i.scdn.co serves the same id.
    artUrl: spotifyCoverUrl(artUrl?.replace('https://open.spotify.com/image/', 'https://i.scdn.co/image/')),
    uri: spotifyUri(m),
    durationMs: typeof lengthUs === 'number' && lengthUs > 0 ? Math.round(lengthUs / 1000) : 0,
  };
}

/** The object path SetPosition needs (it ignores a call for another track), if the app gave one. */
export function trackIdPath(metadata: unknown): string | undefined {
  const id = text((metadata as Record<string, unknown> | undefined)?.['mpris:trackid']);
  return id?.startsWith('/') ? id : undefined;
}

export function statusFrom(value: unknown): LocalStatus {
  return value === 'Playing' ? 'playing' : value === 'Paused' ? 'paused' : 'stopped';
}

/** Capabilities the properties state; a property the app leaves out counts as "no". */
export function capabilitiesFrom(props: Record<string, unknown>): Omit<LocalCapabilities, 'position'> {
  const yes = (name: string) => props[name] === true;
  const control = props.CanControl !== false;
  return {
    playPause: control && (yes('CanPlay') || yes('CanPause')),
    next: control && yes('CanGoNext'),
    previous: control && yes('CanGoPrevious'),
    seek: control && yes('CanSeek'),
    // OpenUri is part of the base interface; Spotify has always answered it.
    openUri: control,
  };
}
