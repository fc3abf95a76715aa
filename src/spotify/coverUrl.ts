// A cover is shown (and so fetched, on hover) only from Spotify's own image hosts over https: a
// Web API answer or a local player's artUrl naming any other address must not make the editor
// fetch it. The URL also goes into tooltip markdown, so nothing in it may end the image early.

/** Characters that would end or bend a markdown image `![](url|width=…)`. */
const MARKDOWN_BREAKERS = /[\s()<>[\]|\\"'`]/;

function isSpotifyImageHost(hostname: string): boolean {
  return hostname === 'i.scdn.co' || hostname.endsWith('.spotifycdn.com');
}

/** The URL when it is an https image on Spotify's image hosts (i.scdn.co, *.spotifycdn.com), else undefined. */
export function spotifyCoverUrl(url: string | undefined): string | undefined {
  if (!url || MARKDOWN_BREAKERS.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const plain = parsed.protocol === 'https:' && !parsed.username && !parsed.password && !parsed.port;
  return plain && isSpotifyImageHost(parsed.hostname) ? url : undefined;
}
