import { apiError, PlayerError } from '../errors';
import { empty, json } from '../http';
import { Playable, USER } from '../world/catalogue';
import { World } from '../world/world';
import { pagingObject } from './paging';
import { intParam, requiredParam, uriListParam } from './params';
import { Route } from './route';

const SEARCH_TYPES = ['album', 'artist', 'playlist', 'track', 'show', 'episode', 'audiobook'] as const;
type SearchType = typeof SEARCH_TYPES[number];
/** Since 2026 search takes at most 10 results per type (default 5) and offsets up to 1000. */
const SEARCH_MAX_LIMIT = 10;
const SEARCH_DEFAULT_LIMIT = 5;
const SEARCH_MAX_OFFSET = 1000;
const LIBRARY_MAX_URIS = 40;
const SAVABLE = ['track', 'album', 'episode', 'show', 'audiobook', 'user', 'playlist'];
const CHECKABLE = [...SAVABLE, 'artist'];
/**
 * /me/library lists several scopes as alternatives, but each kind of URI needs its own: saving a
 * track takes user-library-modify whatever else the token has (Spotify's "Save Items to Library").
 */
const WRITE_SCOPE_BY_TYPE: Record<string, string> = {
  track: 'user-library-modify', album: 'user-library-modify', episode: 'user-library-modify', show: 'user-library-modify',
  audiobook: 'user-library-modify', artist: 'user-follow-modify', user: 'user-follow-modify', playlist: 'playlist-modify-public',
};
const READ_SCOPE_BY_TYPE: Record<string, string> = {
  track: 'user-library-read', album: 'user-library-read', episode: 'user-library-read', show: 'user-library-read',
  audiobook: 'user-library-read', artist: 'user-follow-read', user: 'user-follow-read', playlist: 'playlist-read-private',
};

/** The URIs, once the token has the scope each of them needs. */
function withScopesFor(uris: string[], scopeByType: Record<string, string>, granted: readonly string[]): string[] {
  for (const uri of uris) {
    if (!granted.includes(scopeByType[uri.split(':')[1]])) throw new PlayerError(403, 'Insufficient client scope');
  }
  return uris;
}
const PLAYLIST_ITEMS_MAX_LIMIT = 100;

/** /me, search, playlists and the user's library. */
export function catalogueRoutes(world: World): Route[] {
  const { catalogue, objects } = world;
  const myPlaylists = (query: Record<string, string>, path: string) => {
    const limit = intParam(query, 'limit', 20, 1, 50);
    const offset = intParam(query, 'offset', 0, 0, 100_000);
    const playlists = [...catalogue.playlists.values()];
    return json(200, pagingObject(`${world.apiUrl()}${path}`, {}, playlists, offset, limit, (p) => objects.simplifiedPlaylist(p)));
  };
  return [
    { method: 'GET', path: '/me', handle: () => json(200, objects.currentUser()) },
    { method: 'GET', path: '/search', handle: (req) => json(200, search(world, req.query)) },
    { method: 'GET', path: '/me/playlists', scopes: ['playlist-read-private'], handle: (req) => myPlaylists(req.query, '/me/playlists') },
    // Other users' profiles and playlists are gone for development-mode apps (403 Forbidden, as every removed endpoint).
    {
      method: 'GET', path: '/users/{user_id}',
      handle: (req) => (req.params.user_id === USER.id ? json(200, objects.currentUser()) : apiError(403, 'Forbidden')),
    },
    {
      method: 'GET', path: '/users/{user_id}/playlists', scopes: ['playlist-read-private'],
      handle: (req) => (req.params.user_id === USER.id ? myPlaylists(req.query, `/users/${USER.id}/playlists`) : apiError(403, 'Forbidden')),
    },
    {
      method: 'GET', path: '/playlists/{playlist_id}/items', scopes: ['playlist-read-private'],
      handle: (req) => {
        const playlist = catalogue.playlistById(req.params.playlist_id);
        if (!playlist) return apiError(404, 'Resource not found');
        // Development-mode apps may only read items of playlists the user owns or collaborates on.
        if (playlist.ownerId !== USER.id) return apiError(403, 'Forbidden');
        const limit = intParam(req.query, 'limit', PLAYLIST_ITEMS_MAX_LIMIT, 1, PLAYLIST_ITEMS_MAX_LIMIT);
        const offset = intParam(req.query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
        return json(200, pagingObject(`${world.apiUrl()}/playlists/${playlist.id}/items`, {}, playlist.trackUris, offset, limit,
          (uri) => objects.playlistItem(playlist, uri)));
      },
    },
    {
      method: 'PUT', path: '/me/library', scopes: alternatives(WRITE_SCOPE_BY_TYPE),
      handle: (req) => {
        world.library.save(withScopesFor(uriListParam(req.query, SAVABLE, LIBRARY_MAX_URIS), WRITE_SCOPE_BY_TYPE, req.scopes));
        return empty(200);
      },
    },
    {
      method: 'DELETE', path: '/me/library', scopes: alternatives(WRITE_SCOPE_BY_TYPE),
      handle: (req) => {
        world.library.remove(withScopesFor(uriListParam(req.query, SAVABLE, LIBRARY_MAX_URIS), WRITE_SCOPE_BY_TYPE, req.scopes));
        return empty(200);
      },
    },
    {
      method: 'GET', path: '/me/library/contains', scopes: alternatives(READ_SCOPE_BY_TYPE),
      handle: (req) =>
        json(200, world.library.contains(withScopesFor(uriListParam(req.query, CHECKABLE, LIBRARY_MAX_URIS), READ_SCOPE_BY_TYPE, req.scopes))),
    },
  ];
}

function search(world: World, query: Record<string, string>): object {
  if (!query.q) throw new PlayerError(400, 'No search query');
  const types = requiredParam(query, 'type').split(',');
  for (const type of types) {
    if (!(SEARCH_TYPES as readonly string[]).includes(type)) throw new PlayerError(400, `Bad search type field ${type}`);
  }
  const limit = intParam(query, 'limit', SEARCH_DEFAULT_LIMIT, 1, SEARCH_MAX_LIMIT);
  const offset = intParam(query, 'offset', 0, 0, SEARCH_MAX_OFFSET);
  const words = searchWords(query.q);
  const matches = (...texts: string[]) => {
    const haystack = texts.join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  };
  const { catalogue, objects } = world;
  const artistNames = (ids: string[]) => ids.map((id) => catalogue.artistById(id).name).join(' ');
  const endpoint = `${world.apiUrl()}/search`;
  const page = <T>(type: SearchType, items: T[], render: (item: T) => unknown) =>
    pagingObject(endpoint, { query: query.q, type }, items, offset, limit, render);
  const episodeRender = (item: Playable) => {
    // SimplifiedEpisodeObject: the episode without its show.
    const simplified: Record<string, unknown> = { ...objects.playable(item) };
    delete simplified.show;
    return simplified;
  };

  const results: Record<string, object> = {};
  for (const type of types as SearchType[]) {
    switch (type) {
      case 'track':
        results.tracks = page(type, [...catalogue.tracks.values()].filter((t) =>
          matches(t.name, artistNames(t.artistIds), catalogue.albumById(t.albumId).name)), (t) => objects.track(t));
        break;
      case 'album':
        results.albums = page(type, [...catalogue.albums.values()].filter((a) => matches(a.name, artistNames(a.artistIds))),
          (a) => objects.simplifiedAlbum(a));
        break;
      case 'artist':
        results.artists = page(type, [...catalogue.artists.values()].filter((a) => matches(a.name)), (a) => objects.artist(a));
        break;
      case 'playlist':
        results.playlists = page(type, [...catalogue.playlists.values()].filter((p) => matches(p.name, p.description)),
          (p) => objects.simplifiedPlaylist(p));
        break;
      case 'show':
        results.shows = page(type, [...catalogue.shows.values()].filter((s) => matches(s.name, s.publisher)), (s) => objects.show(s));
        break;
      case 'episode':
        results.episodes = page(type, [...catalogue.episodes.values()].filter((e) => matches(e.name, e.description)), episodeRender);
        break;
      case 'audiobook':
        results.audiobooks = page(type, [] as never[], () => null);
        break;
    }
  }
  return results;
}

/** The query's words, with field filters (artist:, album:, track:, year:...) reduced to their values. */
function searchWords(q: string): string[] {
  return q.toLowerCase().replace(/\b[a-z]+:/g, ' ').split(/\s+/).filter((w) => w !== '' && !w.startsWith('tag'));
}

function alternatives(scopeByType: Record<string, string>): string[] {
  return [...new Set(Object.values(scopeByType))];
}
