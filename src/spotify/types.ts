/**
 * Backbeat's own view of Spotify objects: only what the UI needs, always complete. Raw API answers
 * are turned into these by the parsers, which tolerate missing or mistyped fields.
 */
export type RepeatMode = 'off' | 'context' | 'track';

export interface Device {
  /** Spotify lets some devices (e.g. cast groups) have no id; they cannot be targeted. */
  id: string | null;
  name: string;
  type: string;
  isActive: boolean;
  isRestricted: boolean;
  supportsVolume: boolean;
  volumePercent: number | null;
}

export interface PlayableItem {
  kind: 'track' | 'episode';
  id?: string;
  uri?: string;
  name: string;
  /** Artists for a track, the show for an episode. */
  byline: string;
  /** Album for a track, show for an episode. */
  collection?: string;
  durationMs: number;
  imageUrl?: string;
  webUrl?: string;
}

export interface PlaybackSnapshot {
  isPlaying: boolean;
  item?: PlayableItem;
  progressMs: number;
  device?: Device;
  shuffle: boolean;
  repeat: RepeatMode;
  contextUri?: string;
  disallows: Record<string, boolean>;
}

export interface Account {
  id: string;
  displayName: string;
}
