import { createHash } from 'crypto';
import { Album, Artist, Catalogue, Episode, LocalFile, Playable, Playlist, Show, Track, USER } from './catalogue';

// Renders catalogue entries as the JSON objects the Web API returns (TrackObject, EpisodeObject...).
// `href`s point at the emulator so a client following them stays local; `external_urls` are the
// real open.spotify.com shape.

export class WebObjects {
  constructor(private readonly catalogue: Catalogue, private readonly apiUrl: () => string) {}

  track(track: Track): object {
    return {
      album: this.simplifiedAlbum(this.catalogue.albumById(track.albumId)),
      artists: track.artistIds.map((id) => this.simplifiedArtist(this.catalogue.artistById(id))),
      disc_number: 1,
      duration_ms: track.durationMs,
      explicit: track.explicit,
      external_ids: { isrc: track.isrc },
      external_urls: openUrl('track', track.id),
      href: `${this.apiUrl()}/tracks/${track.id}`,
      id: track.id,
      is_local: false,
      is_playable: true,
      name: track.name,
      preview_url: null,
      track_number: track.trackNumber,
      type: 'track',
      uri: track.uri,
    };
  }

  episode(episode: Episode): object {
    return {
      audio_preview_url: null,
      description: episode.description,
      html_description: `<p>${episode.description}</p>`,
      duration_ms: episode.durationMs,
      explicit: false,
      external_urls: openUrl('episode', episode.id),
      href: `${this.apiUrl()}/episodes/${episode.id}`,
      id: episode.id,
      images: images(episode.uri),
      is_externally_hosted: false,
      is_playable: true,
      language: 'en',
      languages: ['en'],
      name: episode.name,
      release_date: episode.releaseDate,
      release_date_precision: 'day',
      resume_point: { fully_played: false, resume_position_ms: 0 },
      show: this.show(this.catalogue.showById(episode.showId)),
      type: 'episode',
      uri: episode.uri,
    };
  }

  playable(item: Playable): object {
    switch (item.kind) {
      case 'track': return this.track(item);
      case 'episode': return this.episode(item);
      case 'local': return this.localTrack(item);
    }
  }

  /** A local file as Spotify renders it: a track without id, href, links or images. */
  localTrack(file: LocalFile): object {
    const nothing = { external_urls: {}, href: null, id: null, uri: null };
    return {
      album: {
        ...nothing, album_type: null, artists: [], available_markets: [], images: [], name: file.album,
        release_date: null, release_date_precision: null, total_tracks: 0, type: 'album',
      },
      artists: [{ ...nothing, name: file.artist, type: 'artist' }],
      available_markets: [],
      disc_number: 0,
      duration_ms: file.durationMs,
      explicit: false,
      external_ids: {},
      ...nothing,
      is_local: true,
      name: file.name,
      preview_url: null,
      track_number: 0,
      type: 'track',
      uri: file.uri,
    };
  }

  show(show: Show): object {
    const total = [...this.catalogue.episodes.values()].filter((e) => e.showId === show.id).length;
    return {
      available_markets: [],
      copyrights: [],
      description: show.description,
      html_description: `<p>${show.description}</p>`,
      explicit: false,
      external_urls: openUrl('show', show.id),
      href: `${this.apiUrl()}/shows/${show.id}`,
      id: show.id,
      images: images(show.uri),
      is_externally_hosted: false,
      languages: ['en'],
      media_type: 'audio',
      name: show.name,
      publisher: show.publisher,
      total_episodes: total,
      type: 'show',
      uri: show.uri,
    };
  }

  simplifiedArtist(artist: Artist): object {
    return {
      external_urls: openUrl('artist', artist.id),
      href: `${this.apiUrl()}/artists/${artist.id}`,
      id: artist.id,
      name: artist.name,
      type: 'artist',
      uri: artist.uri,
    };
  }

  /** Since February 2026 development-mode apps get no `followers` or `popularity`. */
  artist(artist: Artist): object {
    return {
      ...this.simplifiedArtist(artist),
      genres: artist.genres,
      images: images(artist.uri),
    };
  }

  simplifiedAlbum(album: Album): object {
    return {
      album_type: 'album',
      artists: album.artistIds.map((id) => this.simplifiedArtist(this.catalogue.artistById(id))),
      external_urls: openUrl('album', album.id),
      href: `${this.apiUrl()}/albums/${album.id}`,
      id: album.id,
      images: images(album.uri),
      name: album.name,
      release_date: album.releaseDate,
      release_date_precision: 'day',
      total_tracks: album.trackUris.length,
      type: 'album',
      uri: album.uri,
      // Development-mode apps no longer get available_markets; an empty list keeps the schema's "required".
      available_markets: [],
    };
  }

  simplifiedPlaylist(playlist: Playlist): object {
    const itemsRef = { href: `${this.apiUrl()}/playlists/${playlist.id}/items`, total: playlist.trackUris.length };
    return {
      collaborative: false,
      description: playlist.description,
      external_urls: openUrl('playlist', playlist.id),
      href: `${this.apiUrl()}/playlists/${playlist.id}`,
      id: playlist.id,
      images: images(playlist.uri),
      name: playlist.name,
      owner: this.playlistOwner(playlist.ownerId, playlist.ownerName),
      public: playlist.isPublic,
      snapshot_id: snapshotId(playlist),
      items: itemsRef,
      // Moved to `items` in February 2026; development-mode apps get null here.
      tracks: null,
      type: 'playlist',
      uri: playlist.uri,
    };
  }

  playlistItem(playlist: Playlist, trackUri: string): object {
    const item = this.catalogue.playable(trackUri);
    const rendered = item ? this.playable(item) : null;
    return {
      added_at: playlist.addedAt,
      added_by: this.playlistUser(playlist.ownerId),
      is_local: false,
      item: rendered,
      track: rendered,
    };
  }

  playlistOwner(id: string, displayName: string): object {
    return { ...this.playlistUser(id), display_name: displayName };
  }

  /** ContextObject for a playlist/album/artist/show URI. */
  context(uri: string): object {
    const [, type, id] = uri.split(':');
    return { type, href: `${this.apiUrl()}/${type}s/${id}`, external_urls: openUrl(type, id), uri };
  }

  /** GET /me in a development-mode app: no country, email, product, explicit_content or followers. */
  currentUser(): object {
    return {
      display_name: USER.displayName,
      external_urls: openUrl('user', USER.id),
      href: `${this.apiUrl()}/users/${USER.id}`,
      id: USER.id,
      images: [],
      type: 'user',
      uri: `spotify:user:${USER.id}`,
    };
  }

  private playlistUser(id: string): object {
    return {
      external_urls: openUrl('user', id),
      href: `${this.apiUrl()}/users/${id}`,
      id,
      type: 'user',
      uri: `spotify:user:${id}`,
    };
  }
}

function openUrl(type: string, id: string): { spotify: string } {
  return { spotify: `https://open.spotify.com/${type}/${id}` };
}

/** Cover art in Spotify's three sizes; the URLs look real but are never fetched by tests. */
function images(seed: string): object[] {
  const hash = createHash('sha1').update(seed).digest('hex');
  return [640, 300, 64].map((size, i) => ({
    url: `https://i.scdn.co/image/ab67616d0000${['b273', '1e02', '4851'][i]}${hash}`,
    height: size,
    width: size,
  }));
}

function snapshotId(playlist: Playlist): string {
  return createHash('sha256').update(playlist.trackUris.join(',')).digest('base64url').slice(0, 32);
}
