import { deviceObject } from '../world/devices';
import { PlaybackState } from '../world/playbackState';
import { World } from '../world/world';

/** How many upcoming items GET /me/player/queue shows (Spotify shows about 20). */
const QUEUE_PREVIEW = 20;

/** The part shared by GET /me/player and GET /me/player/currently-playing. */
function nowPlaying(world: World, state: PlaybackState, episodes: boolean): Record<string, unknown> {
  const item = world.catalogue.playable(state.itemUri);
  const isEpisode = item?.kind === 'episode';
  const disallows = Object.fromEntries([...world.player.disallows(state)].map((d) => [d, true]));
  return {
    timestamp: state.timestamp,
    context: state.contextUri ? world.objects.context(state.contextUri) : null,
    // During an ad: the ad's position; the item waits.
    progress_ms: world.player.progress(state),
    // Clients that do not declare additional_types=episode get item null for an episode; an ad is never an item.
    item: item && !state.ad && (!isEpisode || episodes) ? world.objects.playable(item) : null,
    currently_playing_type: state.ad ? 'ad' : isEpisode ? 'episode' : 'track',
    actions: { disallows },
    is_playing: state.isPlaying,
  };
}

/** GET /me/player (CurrentlyPlayingContextObject, as Spotify really sends it). */
export function playbackStateJson(world: World, state: PlaybackState, episodes: boolean): object {
  const device = world.player.deviceByKey(state.activeKey as string);
  const { timestamp, ...rest } = nowPlaying(world, state, episodes);
  return {
    device: deviceObject(device, true, state.volumes[device.key]),
    shuffle_state: state.shuffle,
    smart_shuffle: false,
    repeat_state: state.repeat,
    timestamp,
    ...rest,
  };
}

/** GET /me/player/currently-playing. */
export function currentlyPlayingJson(world: World, state: PlaybackState, episodes: boolean): object {
  return nowPlaying(world, state, episodes);
}

export function devicesJson(world: World, state: PlaybackState): object {
  return {
    devices: world.player.devices.map((d) => deviceObject(d, d.key === state.activeKey, state.volumes[d.key])),
  };
}

/** GET /me/player/queue: the user's queue, then what the context plays next. */
export function queueJson(world: World, state: PlaybackState): object {
  const upcoming = [...state.queue];
  for (let pos = state.orderPos + 1; upcoming.length < QUEUE_PREVIEW; pos++) {
    if (pos >= state.order.length) {
      if (state.repeat !== 'context' || state.order.length === 0) break;
      pos = 0;
    }
    upcoming.push(state.contextItems[state.order[pos]]);
  }
  const render = (uri: string) => {
    const item = world.catalogue.playable(uri);
    return item ? world.objects.playable(item) : null;
  };
  return {
    currently_playing: state.activeKey === null ? null : render(state.itemUri),
    queue: upcoming.map(render).filter((x) => x !== null),
  };
}
