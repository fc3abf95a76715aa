import { l10n } from '../l10n';

// Turning lyrics on sends something to a service other than Spotify: one message says what and
// where, once each time the setting turns on (not on every other settings change).

/** What lyrics send, and to whom (`host`: where `backbeat.lyricsUrl` points, lrclib.net by default). */
export function lyricsSharingText(host: string): string {
  return l10n.t('Lyrics are on: for each track you play, Backbeat sends its title, artist, album and duration to LRCLIB at {0}, an open lyrics database that needs no key or account. Nothing else is sent, and no Spotify request is spent.', host);
}

/** A settings-change listener that calls `announce` when `isOn` goes from false to true. */
export function whenTurnedOn(isOn: () => boolean, announce: () => void): () => void {
  let wasOn = isOn();
  return () => {
    const on = isOn();
    if (on && !wasOn) announce();
    wasOn = on;
  };
}
