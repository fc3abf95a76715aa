import { disallowed, PlayerAction } from '../playback/disallowed';
import type { Availability, NowPlayingSource } from '../playback/playbackState';
import { spotifyCoverUrl } from '../spotify/coverUrl';
import type { PlaybackSnapshot, RepeatMode } from '../spotify/types';
import { formatClockTime } from './format';

// What the Now Playing view shows, built from the same PlaybackState the status bar renders: plain
// data for the webview (no HTML), with every control saying whether it can be used now and, when
// not, why (Spotify's `actions.disallows`, a device without volume, a Free account without the
// Spotify app on this computer, being signed out).

export type ControlName = 'previous' | 'playPause' | 'next' | 'shuffle' | 'repeat' | 'like' | 'volume' | 'seek' | 'device';

export interface ControlModel {
  /** What it does, for screen readers and the tooltip. */
  label: string;
  /** Why it cannot be used now; absent when it can. */
  why?: string;
}

export interface TrackModel {
  title: string;
  artists: string;
  album?: string;
  /** Only an https address on Spotify's image hosts. */
  coverUrl?: string;
  durationMs: number;
  isLocalFile: boolean;
}

export interface NowPlayingModel {
  /** A line instead of (or above) the track: signed out, nothing playing, a wait, an error. */
  notice?: string;
  track?: TrackModel;
  isAd: boolean;
  isPlaying: boolean;
  /** The position when this model was made; the page moves it on locally while playing. */
  positionMs: number;
  device?: { name: string; volumePercent: number | null };
  shuffle: boolean;
  repeat: RepeatMode;
  liked?: boolean;
  source: NowPlayingSource;
  controls: Record<ControlName, ControlModel>;
}

export interface ModelInput {
  availability: Availability;
  /** The Web API side's status: signed out leaves only what the desktop app can do. */
  webAvailability: Availability;
  snapshot: PlaybackSnapshot | undefined;
  source: NowPlayingSource;
  positionMs: number;
  liked: boolean | undefined;
  /** Spotify answered PREMIUM_REQUIRED: only the desktop app can be controlled. */
  accountFree: boolean;
  /** Wall clock now, for "back at 19:53". */
  now: number;
}

const REPEAT_LABELS: Record<RepeatMode, string> = {
  off: 'Repeat is off: repeat the playlist or album',
  context: 'Repeats the playlist or album: repeat this track',
  track: 'Repeats this track: turn repeat off',
};
const NEEDS_PREMIUM = 'Needs Spotify Premium on this account (the Spotify app on this computer plays, pauses, skips and seeks without it).';
const NEEDS_SIGN_IN = 'Sign in to Spotify for this: the Spotify app on this computer only plays, pauses, skips and seeks.';
const NOTHING = 'Nothing is playing.';

export function nowPlayingModel(input: ModelInput): NowPlayingModel {
  const { snapshot, availability } = input;
  const signedIn = input.webAvailability.kind !== 'signedOut';
  const item = snapshot?.item;
  const track: TrackModel | undefined = item && {
    title: item.name,
    artists: item.byline,
    album: item.collection,
    coverUrl: spotifyCoverUrl(item.imageUrl),
    durationMs: item.durationMs,
    isLocalFile: item.isLocal,
  };
  const device = snapshot?.device;
  // The desktop app takes transport commands without Premium; everything else needs the Web API.
  const viaApp = input.source === 'local';
  const webOnly = !signedIn ? NEEDS_SIGN_IN : input.accountFree ? NEEDS_PREMIUM : undefined;
  const transportBlocked = input.accountFree && !viaApp ? NEEDS_PREMIUM : undefined;
  const playing = !!snapshot && (!!item || snapshot.isAd);
  /** Why not, first found: nothing plays, the source cannot, Spotify disallows it, `otherwise`. */
  const control = (label: string, action: PlayerAction | undefined, blocked: string | undefined, otherwise?: string): ControlModel => {
    const why = !playing ? NOTHING : (blocked ?? (action && disallowed(snapshot, action)?.message) ?? otherwise);
    return why ? { label, why } : { label };
  };
  const repeatAction: PlayerAction = snapshot?.repeat === 'context' ? 'toggling_repeat_track' : 'toggling_repeat_context';
  const volumeWhy = webOnly ?? (device && (!device.supportsVolume || device.volumePercent === null) ? 'This device does not let other apps change its volume.' : undefined);
  const likeWhy = webOnly ?? (item?.isLocal ? 'A local file cannot be saved to your Spotify library.' : !item?.uri ? 'Only a Spotify track or episode can be liked.' : undefined);
  return {
    notice: notice(input),
    track: availability.kind === 'signedOut' ? undefined : track,
    isAd: !!snapshot?.isAd,
    isPlaying: !!snapshot?.isPlaying,
    positionMs: Math.max(0, Math.round(input.positionMs)),
    device: device && { name: device.name, volumePercent: device.volumePercent },
    shuffle: !!snapshot?.shuffle,
    repeat: snapshot?.repeat ?? 'off',
    liked: input.liked,
    source: input.source,
    controls: {
      previous: control('Previous track', 'skipping_prev', transportBlocked),
      playPause: snapshot?.isPlaying ? control('Pause', 'pausing', transportBlocked) : control('Play', 'resuming', transportBlocked),
      next: control('Next track', 'skipping_next', transportBlocked),
      seek: control('Position in the track', 'seeking', transportBlocked, item?.durationMs ? undefined : 'This item has no length to seek in.'),
      shuffle: control(snapshot?.shuffle ? 'Shuffle is on: turn it off' : 'Shuffle is off: turn it on', 'toggling_shuffle', webOnly),
      repeat: control(REPEAT_LABELS[snapshot?.repeat ?? 'off'], repeatAction, webOnly),
      like: control(input.liked ? 'Unlike: remove from your Spotify library' : 'Like: save to your Spotify library', undefined, likeWhy),
      volume: control('Volume', undefined, volumeWhy),
      // Picking a device needs no playback: it is how playback starts.
      device: webOnly ? { label: 'Select a device', why: webOnly } : { label: 'Select a device' },
    },
  };
}

function notice({ availability, snapshot, now }: ModelInput): string | undefined {
  switch (availability.kind) {
    case 'signedOut':
      return 'Sign in to Spotify to see and control what is playing.';
    case 'unknown':
      return 'Reading what Spotify is playing…';
    case 'nothingActive':
      return 'Nothing is playing on Spotify. Start playback on a device, or pick one.';
    case 'unreachable':
      return `Spotify could not be reached: ${availability.message}`;
    case 'waiting':
      return availability.quota
        ? `Spotify's daily request quota is spent: back at ${formatClockTime(availability.until, now)}.`
        : `Spotify asked Backbeat to wait until ${formatClockTime(availability.until, now)}.`;
  }
  if (snapshot?.isAd) return 'Spotify is playing an advertisement. Your music goes on when it ends.';
  if (!snapshot?.item) return snapshot?.device ? `Nothing is playing on ${snapshot.device.name}.` : 'Nothing is playing on Spotify.';
  return undefined;
}
