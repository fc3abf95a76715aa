import type { CatalogueEntry, Device, PlayableItem } from '../spotify/types';
import { escapeIcons, formatTime } from './format';
import { l10n } from '../l10n';

// What a picker row says, from names anyone can choose (playlists, devices, search results): every
// such name is escaped, so `$(…)` in it reads as text instead of an icon, as in the status bar.
// Free of `vscode`, so the rows are tested on Node.

interface RowText {
  label: string;
  description?: string;
  detail?: string;
}

const KIND_ICONS: Record<CatalogueEntry['kind'], string> = {
  track: 'play-circle',
  episode: 'mic',
  album: 'library',
  artist: 'person',
  playlist: 'list-unordered',
};

const kindName = (kind: CatalogueEntry['kind']) => ({ track: l10n.t('Track'), episode: l10n.t('Episode'), album: l10n.t('Album'), artist: l10n.t('Artist'), playlist: l10n.t('Playlist') })[kind];

const DEVICE_ICONS: Record<string, string> = {
  computer: 'device-desktop',
  smartphone: 'device-mobile',
  tablet: 'device-mobile',
  speaker: 'unmute',
  tv: 'screen-full',
  castvideo: 'screen-full',
  avr: 'radio-tower',
  stb: 'radio-tower',
  audiodongle: 'radio-tower',
  gameconsole: 'vm',
  castaudio: 'broadcast',
  automobile: 'broadcast',
};

/** A track, episode, album, artist or playlist; `searchResult`: the row names its kind (search mixes kinds). */
export function entryRowText(entry: CatalogueEntry, searchResult = false): RowText {
  const kind = searchResult ? kindName(entry.kind) : undefined;
  return {
    label: `$(${KIND_ICONS[entry.kind]}) ${escapeIcons(entry.name)}`,
    description: [kind, escapeIcons(entry.byline)].filter(Boolean).join(' · '),
  };
}

export function deviceRowText(device: Device): RowText {
  const notes = [
    device.isRestricted ? l10n.t('does not accept remote control') : undefined,
    device.supportsVolume ? undefined : l10n.t('no volume control'),
  ].filter(Boolean);
  return {
    label: `$(${DEVICE_ICONS[device.type.toLowerCase()] ?? 'broadcast'}) ${escapeIcons(device.name)}`,
    description: device.isActive ? l10n.t('$(check) active') : escapeIcons(device.type),
    detail: notes.length ? notes.join(' · ') : undefined,
  };
}

/** A row of the queue: what plays now or next. */
export function queueRowText(item: PlayableItem): RowText {
  return { label: escapeIcons(item.name), description: `${escapeIcons(item.byline)} · ${formatTime(item.durationMs)}` };
}
