import * as vscode from 'vscode';
import { readServiceUrl, SECTION, userValue } from './settings';

// `backbeat.lyrics` (off by default) lets Backbeat send LRCLIB what plays; `backbeat.lyricsUrl` is
// LRCLIB's address. Both are application-scoped and read from the user's settings only, so a
// workspace can neither turn lyrics on nor send what you play elsewhere.

export const DEFAULT_LYRICS_URL = 'https://lrclib.net';

export function lyricsEnabled(): boolean {
  return userValue<unknown>(vscode.workspace.getConfiguration(SECTION), 'lyrics') === true;
}

/** LRCLIB's origin, checked; throws ServiceUrlError for a URL that is not https or loopback http. */
export function readLyricsUrl(): string {
  return readServiceUrl(vscode.workspace.getConfiguration(SECTION), 'lyricsUrl', DEFAULT_LYRICS_URL);
}
