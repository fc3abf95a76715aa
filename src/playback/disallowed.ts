// What Spotify's `actions.disallows` refuses right now (seeking or skipping during an ad, shuffle on
// an episode, resuming what already plays). Such a command is not sent: Spotify would only answer
// 403 "Restriction violated", which reads like a device problem. The user gets the reason instead.
import type { PlaybackSnapshot } from '../spotify/types';

/** The keys of Spotify's DisallowsObject that Backbeat's controls map to. */
export type PlayerAction =
  | 'pausing'
  | 'resuming'
  | 'seeking'
  | 'skipping_next'
  | 'skipping_prev'
  | 'toggling_shuffle'
  | 'toggling_repeat_context'
  | 'toggling_repeat_track'
  | 'transferring_playback'
  | 'interrupting_playback';

const DOING: Record<PlayerAction, string> = {
  pausing: 'pausing',
  resuming: 'resuming',
  seeking: 'seeking',
  skipping_next: 'skipping to the next track',
  skipping_prev: 'going back a track',
  toggling_shuffle: 'changing shuffle',
  toggling_repeat_context: 'changing repeat',
  toggling_repeat_track: 'changing repeat',
  transferring_playback: 'moving playback to another device',
  interrupting_playback: 'starting something else',
};

/** A command the playback state disallows; its message says why in one line. */
export class CommandDisallowed extends Error {
  constructor(
    readonly action: PlayerAction,
    message: string,
  ) {
    super(message);
  }
}

/** Why `action` cannot be done now, or undefined when Spotify allows it (or nothing is known). */
export function disallowed(snapshot: PlaybackSnapshot | undefined, action: PlayerAction): CommandDisallowed | undefined {
  if (!snapshot?.disallows[action]) return undefined;
  if (snapshot.isAd) return new CommandDisallowed(action, `Spotify does not allow ${DOING[action]} during an ad.`);
  if (action === 'resuming' && snapshot.isPlaying) return new CommandDisallowed(action, 'Spotify is already playing.');
  if (action === 'pausing' && !snapshot.isPlaying) return new CommandDisallowed(action, 'Spotify is already paused.');
  return new CommandDisallowed(action, `Spotify does not allow ${DOING[action]} for what is playing now.`);
}
