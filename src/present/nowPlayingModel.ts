import { disallowed, PlayerAction } from '../playback/disallowed';
import type { Availability, NowPlayingSource } from '../playback/playbackState';
import { spotifyCoverUrl } from '../spotify/coverUrl';
import type { PlaybackSnapshot, RepeatMode } from '../spotify/types';
import { formatClockTime } from './format';
import { l10n } from '../l10n';

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

function repeatLabel(mode: RepeatMode): string {
  switch (mode) {
    case 'off':
      return l10n.t('Repeat is off: repeat the playlist or album');
    case 'context':
      return l10n.t('Repeats the playlist or album: repeat this track');
    case 'track':
      return l10n.t('Repeats this track: turn repeat off');
  }
}

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
  const needsPremium = l10n.t('Needs Spotify Premium on this account (the Spotify app on this computer plays, pauses, skips and seeks without it).');
  const needsSignIn = l10n.t('Sign in to Spotify for this: the Spotify app on this computer only plays, pauses, skips and seeks.');
  const webOnly = !signedIn ? needsSignIn : input.accountFree ? needsPremium : undefined;
  const transportBlocked = input.accountFree && !viaApp ? needsPremium : undefined;
  const playing = !!snapshot && (!!item || snapshot.isAd);
  /** Why not, first found: nothing plays, the source cannot, Spotify disallows it, `otherwise`. */
  const control = (label: string, action: PlayerAction | undefined, blocked: string | undefined, otherwise?: string): ControlModel => {
    const why = !playing ? l10n.t('Nothing is playing.') : (blocked ?? (action && disallowed(snapshot, action)?.message) ?? otherwise);
    return why ? { label, why } : { label };
  };
  const repeatAction: PlayerAction = snapshot?.repeat === 'context' ? 'toggling_repeat_track' : 'toggling_repeat_context';
  const volumeWhy = webOnly ?? (device && (!device.supportsVolume || device.volumePercent === null) ? l10n.t('This device does not let other apps change its volume.') : undefined);
  const likeWhy = webOnly ?? (item?.isLocal ? l10n.t('A local file cannot be saved to your Spotify library.') : !item?.uri ? l10n.t('Only a Spotify track or episode can be liked.') : undefined);
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
      previous: control(l10n.t('Previous track'), 'skipping_prev', transportBlocked),
      playPause: snapshot?.isPlaying ? control(l10n.t('Pause'), 'pausing', transportBlocked) : control(l10n.t('Play'), 'resuming', transportBlocked),
      next: control(l10n.t('Next track'), 'skipping_next', transportBlocked),
      seek: control(l10n.t('Position in the track'), 'seeking', transportBlocked, item?.durationMs ? undefined : l10n.t('This item has no length to seek in.')),
      shuffle: control(snapshot?.shuffle ? l10n.t('Shuffle is on: turn it off') : l10n.t('Shuffle is off: turn it on'), 'toggling_shuffle', webOnly),
      repeat: control(repeatLabel(snapshot?.repeat ?? 'off'), repeatAction, webOnly),
      like: control(input.liked ? l10n.t('Unlike: remove from your Spotify library') : l10n.t('Like: save to your Spotify library'), undefined, likeWhy),
      volume: control(l10n.t('Volume'), undefined, volumeWhy),
      // Picking a device needs no playback: it is how playback starts.
      device: webOnly ? { label: l10n.t('Select a device'), why: webOnly } : { label: l10n.t('Select a device') },
    },
  };
}

function notice({ availability, snapshot, now }: ModelInput): string | undefined {
  switch (availability.kind) {
    case 'signedOut':
      return l10n.t('Sign in to Spotify to see and control what is playing.');
    case 'unknown':
      return l10n.t('Reading what Spotify is playing…');
    case 'nothingActive':
      return l10n.t('Nothing is playing on Spotify. Start playback on a device, or pick one.');
    case 'unreachable':
      return l10n.t('Spotify could not be reached: {0}', availability.message);
    case 'waiting':
      return availability.quota
        ? l10n.t("Spotify's daily request quota is spent: back at {0}.", formatClockTime(availability.until, now))
        : l10n.t('Spotify asked Backbeat to wait until {0}.', formatClockTime(availability.until, now));
  }
  if (snapshot?.isAd) return l10n.t('Spotify is playing an advertisement. Your music goes on when it ends.');
  if (!snapshot?.item) return snapshot?.device ? l10n.t('Nothing is playing on {0}.', snapshot.device.name) : l10n.t('Nothing is playing on Spotify.');
  return undefined;
}
