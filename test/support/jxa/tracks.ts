import type { SpotifyTrack } from './spotifyApp';

// Tracks as Spotify's dictionary gives them: ids spotify:track:<22 base-62>, durations in
// milliseconds to the millisecond, covers on i.scdn.co (a 640 px cover's prefix and 24 hex digits).

const cover = (hex: string) => `https://i.scdn.co/image/ab67616d0000b273${hex}`;

export const TRACKS = {
  hoppipolla: {
    id: 'spotify:track:6eTGxxQxiTFE6LfZHC33Wm',
    name: 'Hoppípolla',
    artist: 'Sigur Rós',
    album: 'Takk...',
    durationMs: 268_733,
    artworkUrl: cover('9e4b6ab1e8a4b2e3c3c5f7a1'),
  },
  yoruNiKakeru: {
    id: 'spotify:track:3dPtXHP0oXQ4HCWHsOA9js',
    name: '夜に駆ける',
    artist: 'YOASOBI',
    album: '夜に駆ける',
    durationMs: 261_013,
    artworkUrl: cover('c5716278abba6a103ad13aa7'),
  },
  teardrop: {
    id: 'spotify:track:67Hna13dNDkZvBpTXRIaOJ',
    name: 'Teardrop',
    artist: 'Massive Attack',
    album: 'Mezzanine',
    durationMs: 330_573,
    artworkUrl: cover('b131bd18deac072dda8a920e'),
  },
} satisfies Record<string, SpotifyTrack>;
