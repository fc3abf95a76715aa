/** The Spotify scopes Backbeat asks for: reading and controlling playback, the library and playlists. */
export const DEFAULT_SCOPES: readonly string[] = [
  'user-read-playback-state',
  'user-modify-playback-state',
  'user-read-currently-playing',
  'user-library-read',
  'user-library-modify',
  'playlist-read-private',
  'user-read-recently-played',
];

export function normalizeScopes(scopes: readonly string[]): string[] {
  return [...new Set(scopes.flatMap((s) => s.split(/\s+/)).filter(Boolean))].sort();
}

export function hasAllScopes(granted: readonly string[], wanted: readonly string[]): boolean {
  const have = new Set(granted);
  return wanted.every((scope) => have.has(scope));
}
