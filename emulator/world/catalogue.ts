import { spotifyId } from '../ids';

// The emulator's music world: a few real albums (real running times), two playlists and a
// podcast episode. Ids are derived from names so they are stable and look like Spotify's.

export interface Artist { kind: 'artist'; id: string; uri: string; name: string; genres: string[] }
export interface Album {
  kind: 'album'; id: string; uri: string; name: string; artistIds: string[]; releaseDate: string;
  label: string; upc: string; trackUris: string[];
}
export interface Track {
  kind: 'track'; id: string; uri: string; name: string; durationMs: number; artistIds: string[];
  albumId: string; trackNumber: number; explicit: boolean; isrc: string;
}
export interface Show { kind: 'show'; id: string; uri: string; name: string; publisher: string; description: string }
export interface Episode {
  kind: 'episode'; id: string; uri: string; name: string; durationMs: number; showId: string;
  releaseDate: string; description: string;
}
export interface Playlist {
  kind: 'playlist'; id: string; uri: string; name: string; description: string;
  ownerId: string; ownerName: string; isPublic: boolean; trackUris: string[]; addedAt: string;
}
/**
 * A file from the user's own computer, added to Spotify: it plays like a track, but has no id, no
 * cover and no place in the library (`spotify:local:artist:album:title:seconds`).
 */
export interface LocalFile { kind: 'local'; uri: string; name: string; artist: string; album: string; durationMs: number }
export type Playable = Track | Episode | LocalFile;

export const USER = {
  id: '31l77y2p6t4q2c7hjwkf3mrpxkza',
  displayName: 'Backbeat Tester',
};

interface AlbumSeed { artist: string; name: string; date: string; label: string; tracks: Array<[string, string]> }

const ALBUMS: AlbumSeed[] = [
  {
    artist: 'Massive Attack', name: 'Mezzanine', date: '1998-04-20', label: 'Virgin Records',
    tracks: [['Angel', '6:18'], ['Risingson', '4:58'], ['Teardrop', '5:30'], ['Inertia Creeps', '5:56'],
      ['Exchange', '4:11'], ['Dissolved Girl', '6:07'], ['Man Next Door', '5:55'], ['Black Milk', '6:20']],
  },
  {
    artist: 'Portishead', name: 'Dummy', date: '1994-08-22', label: 'Go! Discs',
    tracks: [['Mysterons', '5:02'], ['Sour Times', '4:11'], ['Strangers', '3:58'], ['Wandering Star', '4:51'],
      ['Numb', '3:54'], ['Roads', '5:05'], ['Glory Box', '5:06']],
  },
  {
    artist: 'Air', name: 'Moon Safari', date: '1998-01-16', label: 'Parlophone',
    tracks: [["La femme d'argent", '7:11'], ['Sexy Boy', '4:58'], ['All I Need', '4:28'],
      ['Kelly Watch the Stars', '3:46'], ['Talisman', '4:16'], ['Remember', '2:34']],
  },
  {
    artist: 'Bonobo', name: 'Black Sands', date: '2010-03-29', label: 'Ninja Tune',
    tracks: [['Prelude', '1:20'], ['Kiara', '3:48'], ['Kong', '3:53'], ['Eyesdown', '5:25'], ['El Toro', '4:05']],
  },
  {
    artist: 'Radiohead', name: 'OK Computer', date: '1997-05-21', label: 'XL Recordings',
    tracks: [['Airbag', '4:44'], ['Paranoid Android', '6:23'], ['Karma Police', '4:21'], ['No Surprises', '3:49']],
  },
];

const GENRES: Record<string, string[]> = {
  'Massive Attack': ['trip hop', 'bristol sound'],
  'Portishead': ['trip hop', 'bristol sound'],
  'Air': ['french downtempo'],
  'Bonobo': ['downtempo', 'electronica'],
  'Radiohead': ['alternative rock', 'art rock'],
};

function durationMs(minSec: string): number {
  const [minutes, seconds] = minSec.split(':').map(Number);
  return (minutes * 60 + seconds) * 1000;
}

export class Catalogue {
  readonly artists = new Map<string, Artist>();
  readonly albums = new Map<string, Album>();
  readonly tracks = new Map<string, Track>();
  readonly shows = new Map<string, Show>();
  readonly episodes = new Map<string, Episode>();
  readonly playlists = new Map<string, Playlist>();
  /** Local files never show up in search; they play when the phone picks them. */
  readonly localFile: LocalFile = {
    kind: 'local', uri: 'spotify:local:Massive+Attack:Mezzanine+Demos:Teardrop+%28Rough+Mix%29:331',
    name: 'Teardrop (Rough Mix)', artist: 'Massive Attack', album: 'Mezzanine Demos', durationMs: 331_000,
  };

  constructor() {
    ALBUMS.forEach((seed, albumIndex) => this.addAlbum(seed, albumIndex));
    this.addPodcast();
    this.addPlaylists();
  }

  /** The playlist the player starts in, with "Teardrop" playing. */
  get startPlaylist(): Playlist {
    return this.playlistByName('Late Night Coding');
  }

  get teardrop(): Track {
    return this.trackByName('Teardrop');
  }

  get episode(): Episode {
    return [...this.episodes.values()][0];
  }

  trackByName(name: string): Track {
    const track = [...this.tracks.values()].find((t) => t.name === name);
    if (!track) throw new Error(`no track named ${name}`);
    return track;
  }

  playlistByName(name: string): Playlist {
    const playlist = [...this.playlists.values()].find((p) => p.name === name);
    if (!playlist) throw new Error(`no playlist named ${name}`);
    return playlist;
  }

  /** A track, an episode or the local file, by URI. */
  playable(uri: string): Playable | undefined {
    return this.tracks.get(uri) ?? this.episodes.get(uri) ?? (uri === this.localFile.uri ? this.localFile : undefined);
  }

  /** The items a context URI (album, playlist, artist, show) plays, in order; undefined if unknown. */
  contextItems(contextUri: string): string[] | undefined {
    const album = this.albums.get(contextUri);
    if (album) return [...album.trackUris];
    const playlist = this.playlists.get(contextUri);
    if (playlist) return [...playlist.trackUris];
    const artist = this.artists.get(contextUri);
    if (artist) return [...this.tracks.values()].filter((t) => t.artistIds.includes(artist.id)).map((t) => t.uri);
    const show = this.shows.get(contextUri);
    if (show) return [...this.episodes.values()].filter((e) => e.showId === show.id).map((e) => e.uri);
    return undefined;
  }

  artistById(id: string): Artist {
    return this.byId(this.artists, id);
  }

  albumById(id: string): Album {
    return this.byId(this.albums, id);
  }

  showById(id: string): Show {
    return this.byId(this.shows, id);
  }

  playlistById(id: string): Playlist | undefined {
    return [...this.playlists.values()].find((p) => p.id === id);
  }

  private byId<T extends { id: string }>(map: Map<string, T>, id: string): T {
    const found = [...map.values()].find((v) => v.id === id);
    if (!found) throw new Error(`catalogue has no item with id ${id}`);
    return found;
  }

  private artistFor(name: string): Artist {
    const existing = [...this.artists.values()].find((a) => a.name === name);
    if (existing) return existing;
    const id = spotifyId(`artist:${name}`);
    const artist: Artist = {
      kind: 'artist', id, uri: `spotify:artist:${id}`, name, genres: GENRES[name] ?? [],
    };
    this.artists.set(artist.uri, artist);
    return artist;
  }

  private addAlbum(seed: AlbumSeed, albumIndex: number): void {
    const artist = this.artistFor(seed.artist);
    const id = spotifyId(`album:${seed.artist}:${seed.name}`);
    const album: Album = {
      kind: 'album', id, uri: `spotify:album:${id}`, name: seed.name, artistIds: [artist.id],
      releaseDate: seed.date, label: seed.label, upc: `72438${String(45599 + albumIndex * 1111).padStart(7, '0')}`,
      trackUris: [],
    };
    seed.tracks.forEach(([name, length], index) => {
      const trackId = spotifyId(`track:${seed.artist}:${name}`);
      const track: Track = {
        kind: 'track', id: trackId, uri: `spotify:track:${trackId}`, name, durationMs: durationMs(length),
        artistIds: [artist.id], albumId: id, trackNumber: index + 1, explicit: false,
        isrc: `GBAAA98${String(albumIndex * 100 + index).padStart(5, '0')}`,
      };
      this.tracks.set(track.uri, track);
      album.trackUris.push(track.uri);
    });
    this.albums.set(album.uri, album);
  }

  private addPodcast(): void {
    const showId = spotifyId('show:Song Exploder');
    const show: Show = {
      kind: 'show', id: showId, uri: `spotify:show:${showId}`, name: 'Song Exploder', publisher: 'Hrishikesh Hirway',
      description: 'Musicians take apart their songs and piece by piece tell the story of how they were made.',
    };
    this.shows.set(show.uri, show);
    const episodeId = spotifyId('episode:Song Exploder:Teardrop');
    const episode: Episode = {
      kind: 'episode', id: episodeId, uri: `spotify:episode:${episodeId}`, name: 'Massive Attack - Teardrop',
      durationMs: durationMs('21:47'), showId, releaseDate: '2024-03-12',
      description: 'Robert Del Naja and Elizabeth Fraser on the making of "Teardrop".',
    };
    this.episodes.set(episode.uri, episode);
  }

  private addPlaylists(): void {
    const names = ['Angel', 'Teardrop', 'Sour Times', 'Glory Box', "La femme d'argent", 'Kelly Watch the Stars',
      'Kiara', 'Kong', 'Eyesdown', 'Roads', 'Karma Police', 'No Surprises'];
    this.addPlaylist('Late Night Coding', 'Downtempo to write code to.', USER.id, USER.displayName,
      names.map((n) => this.trackByName(n).uri));
    this.addPlaylist('Deep Focus', 'Keep calm and focus with ambient and post-rock music.', 'spotify', 'Spotify',
      ['Prelude', 'Remember', 'Numb', 'Airbag', 'El Toro', 'Strangers'].map((n) => this.trackByName(n).uri));
  }

  private addPlaylist(name: string, description: string, ownerId: string, ownerName: string, trackUris: string[]): void {
    const id = spotifyId(`playlist:${name}`);
    this.playlists.set(`spotify:playlist:${id}`, {
      kind: 'playlist', id, uri: `spotify:playlist:${id}`, name, description, ownerId, ownerName,
      isPublic: ownerId !== USER.id, trackUris, addedAt: '2025-11-02T21:14:09Z',
    });
  }
}
