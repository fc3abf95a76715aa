import { l10n } from '../l10n';

// The Now Playing page's own words. The page runs in the webview, where VS Code's translator is out
// of reach: the extension side puts these, translated, into the page's HTML, and the page fills
// the `{0}` placeholders with `fillPlaceholders` (src/l10n.ts).

export interface NowPlayingTexts {
  /** The page's title and the landmark's name. */
  pageTitle: string;
  region: string;
  player: string;
  devices: string;
  position: string;
  /** A greyed-out control's tooltip: `{0}` what it does, `{1}` why not now. */
  controlWhy: string;
  /** `{0}` the position, `{1}` the length. */
  positionOf: string;
  advertisement: string;
  /** `{0}` the album (or the title). */
  coverOf: string;
  /** `{0}` the device. */
  on: string;
  onThisComputer: string;
  thisComputer: string;
  upNext: string;
  upNextHelp: string;
  /** `{0}` title, `{1}` artists, `{2}` length. */
  queueRow: string;
  lyrics: string;
  lookingForLyrics: string;
}

export function nowPlayingTexts(): NowPlayingTexts {
  return {
    pageTitle: l10n.t('Now Playing'),
    region: l10n.t('Spotify now playing'),
    player: l10n.t('Player'),
    devices: l10n.t('Devices…'),
    position: l10n.t('Position in the track'),
    controlWhy: l10n.t({ message: '{0}: {1}', comment: ['{0} what a button does, {1} why it cannot now'] }),
    positionOf: l10n.t({ message: '{0} of {1}', comment: ['{0} the position in the track, {1} its length, e.g. "1:23 of 4:56"'] }),
    advertisement: l10n.t('Advertisement'),
    coverOf: l10n.t({ message: 'Cover of {0}', comment: ['{0} an album or track name'] }),
    on: l10n.t({ message: 'On {0}', comment: ['{0} a Spotify device name'] }),
    onThisComputer: l10n.t({ message: 'On {0} (Spotify on this computer)', comment: ['{0} a Spotify device name'] }),
    thisComputer: l10n.t('Spotify on this computer'),
    upNext: l10n.t('Up next'),
    upNextHelp: l10n.t('Up next: Enter or double-click plays an item'),
    queueRow: l10n.t({ message: '{0} by {1}, {2}', comment: ['{0} a track, {1} its artists, {2} its length'] }),
    lyrics: l10n.t('Lyrics'),
    lookingForLyrics: l10n.t('Looking for lyrics…'),
  };
}
