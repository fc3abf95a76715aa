import type { CatalogueEntry, Device, PlayableItem } from '../spotify/types';
import { escapeIcons, formatTime } from './format';

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

const KIND_NAMES: Record<CatalogueEntry['kind'], string> = { track: 'Track', episode: 'Episode', album: 'Album', artist: 'Artist', playlist: 'Playlist' };

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
  const kind = searchResult ? KIND_NAMES[entry.kind] : undefined;
  return {
    label: `$(${KIND_ICONS[entry.kind]}) ${escapeIcons(entry.name)}`,
    description: [kind, escapeIcons(entry.byline)].filter(Boolean).join(' · '),
  };
}

export function deviceRowText(device: Device): RowText {
  const notes = [
    device.isRestricted ? 'does not accept remote control' : undefined,
    device.supportsVolume ? undefined : 'no volume control',
  ].filter(Boolean);
  return {
    label: `$(${DEVICE_ICONS[device.type.toLowerCase()] ?? 'broadcast'}) ${escapeIcons(device.name)}`,
    description: device.isActive ? '$(check) active' : escapeIcons(device.type),
    detail: notes.length ? notes.join(' · ') : undefined,
  };
}

/** A row of the queue: what plays now or next. */
export function queueRowText(item: PlayableItem): RowText {
  return { label: escapeIcons(item.name), description: `${escapeIcons(item.byline)} · ${formatTime(item.durationMs)}` };
}
