import type { World } from '../world/world';

// What the Spotify desktop app on the emulator's `computer` shows: the player's state, also while
// another device plays (the real app then shows that device's track as its remote control). The
// MPRIS publisher (desktopApp.ts) and in-process doubles of the app read the same view.

interface DesktopItem {
  uri: string;
  title: string;
  artists: string[];
  album: string;
  artUrl: string;
  durationMs: number;
  webUrl: string;
  trackNumber: number;
}

export interface DesktopView {
  playing: boolean;
  item: DesktopItem | undefined;
  positionMs: number;
  shuffle: boolean;
  repeat: 'off' | 'track' | 'context';
  /** The computer's volume (0-100). */
  volumePercent: number | null;
}

export function desktopView(world: World): DesktopView {
  const player = world.player;
  const live = player.live();
  const playable = world.catalogue.playable(live.itemUri);
  return {
    playing: live.isPlaying && live.activeKey !== null,
    item: playable && desktopItem(world, playable.uri),
    positionMs: player.progress(live),
    shuffle: live.shuffle,
    repeat: live.repeat,
    volumePercent: live.volumes.computer ?? null,
  };
}

function desktopItem(world: World, uri: string): DesktopItem | undefined {
  const item = world.catalogue.playable(uri);
  if (!item) return undefined;
  const json = world.objects.playable(item) as {
    name: string; duration_ms: number; external_urls: { spotify: string };
    artists?: { name: string }[]; album?: { name: string; images: { url: string }[] };
    show?: { name: string; publisher: string }; images?: { url: string }[]; track_number?: number;
  };
  return {
    uri,
    title: json.name,
    artists: json.artists?.map((a) => a.name) ?? (json.show ? [json.show.publisher] : []),
    album: json.album?.name ?? json.show?.name ?? '',
    artUrl: json.album?.images[0]?.url ?? json.images?.[0]?.url ?? '',
    durationMs: json.duration_ms,
    webUrl: json.external_urls.spotify,
    trackNumber: json.track_number ?? 0,
  };
}
