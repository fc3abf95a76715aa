// A playing track as the status bar would show it, for tests to vary.
import type { PlaybackSnapshot } from '../../src/spotify/types';

export function snapshot(overrides: Partial<PlaybackSnapshot> = {}): PlaybackSnapshot {
  return {
    isPlaying: true,
    isAd: false,
    item: { kind: 'track', uri: 'spotify:track:1', isLocal: false, name: 'Teardrop', byline: 'Massive Attack', collection: 'Mezzanine', durationMs: 330_000 },
    progressMs: 60_000,
    shuffle: false,
    repeat: 'off',
    disallows: {},
    ...overrides,
  };
}
