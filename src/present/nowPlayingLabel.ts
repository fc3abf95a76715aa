import type { PlaybackSnapshot } from '../spotify/types';
import { escapeIcons, formatTime, shorten } from './format';
import { l10n } from '../l10n';

// The status bar text for something playing: icon, "title - artist" cut to `maxLength`, and
// the position when wanted. Only the title is shortened, so the time always stays readable.
// An ad has no item: it says so, rather than looking like nothing plays.

interface LabelOptions {
  showProgress: boolean;
  maxLength: number;
  /** The last read failed: the text says so with a warning icon. */
  stale: boolean;
}

export function nowPlayingLabel(snapshot: PlaybackSnapshot, progressMs: number, options: LabelOptions): string {
  const item = snapshot.item;
  if (snapshot.isAd) return `${options.stale ? '$(warning)' : '$(megaphone)'} ${l10n.t('Advertisement')}`;
  if (!item) return '';
  const icon = options.stale ? '$(warning)' : snapshot.isPlaying ? '$(play)' : '$(debug-pause)';
  const title = shorten(`${item.name}${item.byline ? ` - ${item.byline}` : ''}`, options.maxLength);
  const time = options.showProgress && item.durationMs > 0 ? `  ${formatTime(progressMs)} / ${formatTime(item.durationMs)}` : '';
  return `${icon} ${escapeIcons(title)}${time}`;
}
