/** Every scope Spotify knows, each with the plain words the consent page shows for it. */
const SCOPE_WORDS: Record<string, string> = {
  'user-read-playback-state': 'Read your currently playing content and Spotify Connect devices information',
  'user-modify-playback-state': 'Control playback on your Spotify clients and Spotify Connect devices',
  'user-read-currently-playing': 'Read your currently playing content',
  'user-library-read': 'Access your saved content',
  'user-library-modify': 'Manage your saved content',
  'playlist-read-private': 'Access your private playlists',
  'playlist-read-collaborative': 'Access your collaborative playlists',
  'playlist-modify-public': 'Manage your public playlists',
  'playlist-modify-private': 'Manage your private playlists',
  'user-read-recently-played': 'Access your recently played items',
  'user-read-private': 'Access your subscription details',
  'user-read-email': 'Get your real email address',
  'user-follow-read': 'Access your followers and who you are following',
  'user-follow-modify': 'Manage who you are following',
  'user-top-read': 'Read your top artists and content',
  'user-read-playback-position': 'Read your position in content you have played',
  'app-remote-control': 'Communicate with the Spotify app on your device',
  'streaming': 'Play content and control playback on your other devices',
  'ugc-image-upload': 'Upload images to Spotify on your behalf',
};

export const SCOPES_ALL: readonly string[] = Object.freeze(Object.keys(SCOPE_WORDS));

export function isKnownScope(scope: string): boolean {
  return Object.prototype.hasOwnProperty.call(SCOPE_WORDS, scope);
}

export function describeScope(scope: string): string {
  return SCOPE_WORDS[scope] ?? scope;
}

/** Spotify's `scope` parameter: space separated (some clients send '+' which decodes to space). */
export function parseScopes(raw: string | undefined): string[] {
  return (raw ?? '').split(/[\s,]+/).filter((s) => s.length > 0);
}
