import type { RequestKind } from './requestKinds';
import { SpotifyError } from './errors';
import type { SpotifyHttp } from './http';
import {
  parseAccount,
  parseContains,
  parseDevices,
  parseEntry,
  parsePage,
  parsePlayback,
  parseQueue,
  parseRecentlyPlayed,
  parseSearch,
} from './parse';
import type {
  Account,
  CatalogueEntry,
  Device,
  Page,
  PlaybackQueue,
  PlaybackSnapshot,
  PlayedItem,
  PlayTarget,
  RepeatMode,
  SearchKind,
  SearchResults,
} from './types';
import { l10n } from '../l10n';

/** Spotify's caps: search answers at most 10 per type since 2026; a playlists page at most 50. */
const SEARCH_PAGE_SIZE = 10;
const PLAYLISTS_PAGE_SIZE = 50;
const RECENTLY_PLAYED_LIMIT = 50;

/** Spotify takes `offset` only with album and playlist contexts; an artist or a show answers 400. */
const TAKES_OFFSET = /^spotify:(?:user:[^:]+:)?(?:album|playlist):/;

function playBody(target: PlayTarget): object {
  if (target.contextUri && target.offsetUri && !TAKES_OFFSET.test(target.contextUri)) return { uris: [target.offsetUri] };
  return { context_uri: target.contextUri, uris: target.uris, offset: target.offsetUri ? { uri: target.offsetUri } : undefined };
}

/** Typed Spotify Web API endpoints. Every view and command goes through one instance of it. */
export class SpotifyClient {
  constructor(readonly http: SpotifyHttp) {}

  async me(): Promise<Account> {
    const { data } = await this.http.request('GET', '/me');
    const account = parseAccount(data);
    if (!account) throw new SpotifyError('malformed', l10n.t('Spotify sent a profile Backbeat could not read.'));
    return account;
  }

  /** The playback state, or `undefined` when nothing is active (Spotify's 204); `kind` says why it is read. */
  async playback(kind?: RequestKind): Promise<PlaybackSnapshot | undefined> {
    const { data } = await this.http.request('GET', '/me/player', { additional_types: 'episode' }, undefined, kind);
    return parsePlayback(data);
  }

  /** Resumes, or starts `target` when given (an item in an artist's or show's context plays on its own). */
  async play(target?: PlayTarget, deviceId?: string): Promise<void> {
    await this.http.request('PUT', '/me/player/play', { device_id: deviceId }, target && playBody(target));
  }

  async pause(deviceId?: string): Promise<void> {
    await this.http.request('PUT', '/me/player/pause', { device_id: deviceId });
  }

  async next(): Promise<void> {
    await this.http.request('POST', '/me/player/next');
  }

  async previous(): Promise<void> {
    await this.http.request('POST', '/me/player/previous');
  }

  async seek(positionMs: number): Promise<void> {
    await this.http.request('PUT', '/me/player/seek', { position_ms: Math.max(0, Math.round(positionMs)) });
  }

  async setVolume(percent: number): Promise<void> {
    await this.http.request('PUT', '/me/player/volume', { volume_percent: Math.min(100, Math.max(0, Math.round(percent))) });
  }

  async setShuffle(on: boolean): Promise<void> {
    await this.http.request('PUT', '/me/player/shuffle', { state: on });
  }

  async setRepeat(mode: RepeatMode): Promise<void> {
    await this.http.request('PUT', '/me/player/repeat', { state: mode });
  }

  async devices(): Promise<Device[]> {
    const { data } = await this.http.request('GET', '/me/player/devices');
    return parseDevices(data);
  }

  /** Moves playback to `deviceId`; `play` true starts it there, absent keeps the current state. */
  async transfer(deviceId: string, play?: boolean): Promise<void> {
    await this.http.request('PUT', '/me/player', undefined, { device_ids: [deviceId], play });
  }

  async addToQueue(uri: string): Promise<void> {
    await this.http.request('POST', '/me/player/queue', { uri });
  }

  async queue(): Promise<PlaybackQueue> {
    const { data } = await this.http.request('GET', '/me/player/queue');
    return parseQueue(data);
  }

  async recentlyPlayed(): Promise<PlayedItem[]> {
    const { data } = await this.http.request('GET', '/me/player/recently-played', { limit: RECENTLY_PLAYED_LIMIT });
    return parseRecentlyPlayed(data);
  }

  async search(query: string, kinds: readonly SearchKind[], offset = 0, limit = SEARCH_PAGE_SIZE): Promise<SearchResults> {
    const { data } = await this.http.request('GET', '/search', { q: query, type: kinds.join(','), limit, offset });
    return parseSearch(data, kinds);
  }

  async myPlaylists(offset = 0): Promise<Page<CatalogueEntry>> {
    const { data } = await this.http.request('GET', '/me/playlists', { limit: PLAYLISTS_PAGE_SIZE, offset });
    return parsePage(data, parseEntry);
  }

  /** Likes (saves) items through `/me/library`, the only way development-mode apps may. */
  async save(uris: readonly string[]): Promise<void> {
    await this.http.request('PUT', '/me/library', { uris: uris.join(',') });
  }

  async unsave(uris: readonly string[]): Promise<void> {
    await this.http.request('DELETE', '/me/library', { uris: uris.join(',') });
  }

  /** `kind`: 'likeStatus' when asked on its own (the default), 'command' when the user's toggle needs it. */
  async isSaved(uris: readonly string[], kind?: RequestKind): Promise<boolean[]> {
    const { data } = await this.http.request('GET', '/me/library/contains', { uris: uris.join(',') }, undefined, kind);
    return parseContains(data, uris.length);
  }
}
