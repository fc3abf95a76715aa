// Backbeat's own view of Spotify objects: only what the UI needs, always complete. Raw API answers
// are turned into these by the parsers, which tolerate missing or mistyped fields.

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
  /** A file from the user's computer (`spotify:local:`): no id, no cover, not for the library. */
  isLocal: boolean;
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
  /** An advertisement plays: there is no item, and Spotify disallows most controls meanwhile. */
  isAd: boolean;
  item?: PlayableItem;
  progressMs: number;
  device?: Device;
  shuffle: boolean;
  repeat: RepeatMode;
  contextUri?: string;
  /** What Spotify refuses right now (`actions.disallows`): keys such as `seeking`, `skipping_next`. */
  disallows: Record<string, boolean>;
}

export interface Account {
  id: string;
  displayName: string;
}

/** What a search can find; each kind plays differently (a track alone, the others as a context). */
export type SearchKind = 'track' | 'album' | 'artist' | 'playlist';

/** One search hit, a playlist, or an album: anything Backbeat can offer in a picker and play. */
export interface CatalogueEntry {
  kind: SearchKind | 'episode';
  uri: string;
  name: string;
  /** Artists, owner or show: the second line in a picker. */
  byline: string;
  /** For tracks: the album they play in, so Enter plays on through it. */
  contextUri?: string;
}

/** One page of a longer list; `nextOffset` is where the next page starts, if there is one. */
export interface Page<T> {
  items: T[];
  nextOffset?: number;
}

export interface SearchResults {
  /** Per kind, in the order asked for; kinds Spotify left out are empty. */
  byKind: Partial<Record<SearchKind, Page<CatalogueEntry>>>;
}

export interface PlaybackQueue {
  current?: PlayableItem;
  upNext: PlayableItem[];
}

export interface PlayedItem {
  item: PlayableItem;
  /** Epoch milliseconds. */
  playedAt: number;
  contextUri?: string;
}

/** What `PUT /me/player/play` should start: a context (optionally at an item) or a list of items. */
export interface PlayTarget {
  contextUri?: string;
  uris?: string[];
  offsetUri?: string;
}
