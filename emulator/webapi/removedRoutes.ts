import { apiError } from '../errors';
import { Route } from './route';

// Endpoints Spotify removed for development-mode apps (February 2026 migration guide). They answer
// 403 {"error":{"status":403,"message":"Forbidden"}}, not 404, once the token is checked
// (bjarneo/cliamp #54, spotify/spotify-web-api-ts-sdk #159, LargeModGames/spotatui #517).

/** Read endpoints gone for development-mode apps. */
const REMOVED_READS = [
  // Every "get several" batch endpoint (`?ids=`); the single-item ones (`/tracks/{id}`) remain.
  '/tracks', '/albums', '/artists', '/episodes', '/shows', '/audiobooks', '/chapters',
  '/artists/{id}/top-tracks',
  '/browse/new-releases', '/browse/categories', '/browse/categories/{category_id}',
  '/markets',
];

/** `/playlists/{id}/tracks` moved to `/items`, for reading and writing alike. */
const MOVED_PLAYLIST_TRACKS = '/playlists/{playlist_id}/tracks';

const forbidden = () => apiError(403, 'Forbidden');

export function removedRoutes(): Route[] {
  return [
    ...REMOVED_READS.map((path): Route => ({ method: 'GET', path, handle: forbidden })),
    ...['GET', 'POST', 'PUT', 'DELETE'].map((method): Route => ({ method, path: MOVED_PLAYLIST_TRACKS, handle: forbidden })),
  ];
}
