// What Spotify's `actions.disallows` refuses right now (seeking or skipping during an ad, shuffle on
// an episode, resuming what already plays). Such a command is not sent: Spotify would only answer
// 403 "Restriction violated", which reads like a device problem. The user gets the reason instead.
import type { PlaybackSnapshot } from '../spotify/types';
import { l10n } from '../l10n';

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

/** Why Spotify refuses `action`, in a whole sentence for each (a translator gets no fragments). */
function refusal(action: PlayerAction, duringAd: boolean): string {
  switch (action) {
    case 'pausing':
      return duringAd ? l10n.t('Spotify does not allow pausing during an ad.') : l10n.t('Spotify does not allow pausing for what is playing now.');
    case 'resuming':
      return duringAd ? l10n.t('Spotify does not allow resuming during an ad.') : l10n.t('Spotify does not allow resuming for what is playing now.');
    case 'seeking':
      return duringAd ? l10n.t('Spotify does not allow seeking during an ad.') : l10n.t('Spotify does not allow seeking for what is playing now.');
    case 'skipping_next':
      return duringAd ? l10n.t('Spotify does not allow skipping to the next track during an ad.') : l10n.t('Spotify does not allow skipping to the next track for what is playing now.');
    case 'skipping_prev':
      return duringAd ? l10n.t('Spotify does not allow going back a track during an ad.') : l10n.t('Spotify does not allow going back a track for what is playing now.');
    case 'toggling_shuffle':
      return duringAd ? l10n.t('Spotify does not allow changing shuffle during an ad.') : l10n.t('Spotify does not allow changing shuffle for what is playing now.');
    case 'toggling_repeat_context':
    case 'toggling_repeat_track':
      return duringAd ? l10n.t('Spotify does not allow changing repeat during an ad.') : l10n.t('Spotify does not allow changing repeat for what is playing now.');
    case 'transferring_playback':
      return duringAd ? l10n.t('Spotify does not allow moving playback to another device during an ad.') : l10n.t('Spotify does not allow moving playback to another device for what is playing now.');
    case 'interrupting_playback':
      return duringAd ? l10n.t('Spotify does not allow starting something else during an ad.') : l10n.t('Spotify does not allow starting something else for what is playing now.');
  }
}

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
  if (snapshot.isAd) return new CommandDisallowed(action, refusal(action, true));
  if (action === 'resuming' && snapshot.isPlaying) return new CommandDisallowed(action, l10n.t('Spotify is already playing.'));
  if (action === 'pausing' && !snapshot.isPlaying) return new CommandDisallowed(action, l10n.t('Spotify is already paused.'));
  return new CommandDisallowed(action, refusal(action, false));
}
