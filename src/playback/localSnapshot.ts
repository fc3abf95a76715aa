import type { LocalPlayerState, LocalTrack } from '../localPlayer/localPlayer';
import type { Device, PlayableItem, PlaybackSnapshot } from '../spotify/types';
import { l10n } from '../l10n';

// The local app's report in the shape every view renders. What the OS path does not carry (the
// device's volume, shuffle, repeat, the context; on Windows the URI and cover) is borrowed from the
// last Web API answer when it describes the same track on a computer.

/** The device the local app plays on, when the Web API has not named it. */
const thisComputer = (): Device => ({
  id: null,
  name: l10n.t('This computer'),
  type: 'Computer',
  isActive: true,
  isRestricted: false,
  supportsVolume: false,
  volumePercent: null,
});

/** The same item: by URI when both have one, else by title. */
export function sameItem(item: PlayableItem, track: LocalTrack): boolean {
  if (item.uri && track.uri) return item.uri === track.uri;
  return item.name.trim().toLowerCase() === track.title.trim().toLowerCase();
}

export function isComputer(device: Device | undefined): boolean {
  return device?.type === 'Computer';
}

export function snapshotFromLocal(local: LocalPlayerState & { track: LocalTrack }, web: PlaybackSnapshot | undefined): PlaybackSnapshot {
  const track = local.track;
  const known = web?.item && sameItem(web.item, track) ? web.item : undefined;
  const uri = track.uri ?? known?.uri;
  const [, type, id] = uri?.split(':') ?? [];
  const onComputer = isComputer(web?.device) ? web : undefined;
  const common = {
    isPlaying: local.status === 'playing',
    progressMs: local.positionMs,
    device: onComputer?.device ?? thisComputer(),
    shuffle: onComputer?.shuffle ?? false,
    repeat: onComputer?.repeat ?? 'off',
  } as const;
  // An ad is shown as the Web API shows one: no item, and no skipping or seeking meanwhile.
  if (type === 'ad') return { ...common, isAd: true, disallows: { skipping_next: true, skipping_prev: true, seeking: true } };
  const item: PlayableItem = {
    kind: type === 'episode' ? 'episode' : 'track',
    id: type === 'local' ? undefined : (id ?? known?.id),
    uri,
    isLocal: type === 'local',
    name: track.title,
    byline: track.artists.join(', ') || known?.byline || '',
    collection: track.album ?? known?.collection,
    durationMs: track.durationMs || known?.durationMs || 0,
    imageUrl: track.artUrl ?? known?.imageUrl,
    webUrl: type === 'track' || type === 'episode' ? `https://open.spotify.com/${type}/${id}` : known?.webUrl,
  };
  return { ...common, isAd: false, item, contextUri: known && onComputer ? onComputer.contextUri : undefined, disallows: {} };
}
