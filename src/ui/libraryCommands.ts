import * as vscode from 'vscode';
import { registerCommandTable } from './commandTable';
import { namingMissingScope } from '../spotify/errors';
import type { CatalogueEntry, PlayTarget } from '../spotify/types';
import { escapeIcons } from '../present/format';
import type { PlaybackCommandDeps } from './playbackCommands';
import { isQueueable } from './pickers/items';
import { pickPlaylist } from './pickers/playlistPicker';
import { showQueue } from './pickers/queuePicker';
import { pickRecentlyPlayed } from './pickers/recentlyPlayedPicker';
import { pickFromSearch } from './pickers/searchPicker';
import { l10n } from '../l10n';

// Finding and keeping music: Like/Unlike, Search, Play Playlist, Add to Queue, Show Queue,
// Recently Played, Copy Track Link and Open in Spotify. Anything they send goes through `run`.

const CONFIRMATION_MS = 3000;
/** The scopes the library endpoints need for a track (Spotify lists others, for other kinds of items). */
const LIBRARY_WRITE_SCOPE = 'user-library-modify';
const LIBRARY_READ_SCOPE = 'user-library-read';

/** A track plays on through its album (or the context it was played in); anything else is the context. */
function playTarget(entry: CatalogueEntry): PlayTarget {
  if (entry.kind === 'track' || entry.kind === 'episode') {
    return entry.contextUri ? { contextUri: entry.contextUri, offsetUri: entry.uri } : { uris: [entry.uri] };
  }
  return { contextUri: entry.uri };
}

export function registerLibraryCommands(deps: PlaybackCommandDeps): vscode.Disposable[] {
  const { client, state, likes } = deps;

  const playEntry = (entry: CatalogueEntry) =>
    deps.commands.run({
      name: `Play ${entry.name}`,
      action: 'interrupting_playback',
      guess: (s) => ({ ...s, isPlaying: true }),
      send: () => client.play(playTarget(entry)),
    });

  const queue = async (entry: CatalogueEntry) => {
    if (!isQueueable(entry)) return;
    // The queue is not part of the playback state: nothing to read back.
    const queued = await deps.commands.run({ name: 'Add to Queue', send: () => client.addToQueue(entry.uri), confirm: false });
    if (queued) vscode.window.setStatusBarMessage(l10n.t('$(add) Queued “{0}”', escapeIcons(entry.name)), CONFIRMATION_MS);
  };

  const onError = (name: string) => (error: unknown) => void deps.commands.report(name, error);

  const search = async (title: string, kinds: Parameters<typeof pickFromSearch>[1]['kinds'], accept: (entry: CatalogueEntry) => unknown) => {
    const entry = await pickFromSearch(client, { title, kinds, clock: deps.clock, onQueue: (e) => void queue(e), onError: onError(title) });
    if (entry) await accept(entry);
  };

  const toggleLike = async () => {
    const item = state.snapshot?.item;
    if (!item?.uri) {
      void vscode.window.showInformationMessage(l10n.t('Nothing is playing on Spotify to like.'));
      return;
    }
    if (item.isLocal) {
      void vscode.window.showInformationMessage(l10n.t('\u201c{0}\u201d is a local file: Spotify keeps only its own tracks in your library.', item.name));
      return;
    }
    const uri = item.uri;
    let liked;
    try {
      liked = await likes.likedNow();
    } catch (error) {
      await deps.commands.report('Like', namingMissingScope(error, LIBRARY_READ_SCOPE, l10n.t('Checking whether it is liked'), deps.grantedScopes()));
      return;
    }
    // Also what a missing permission names: "Like needs the Spotify permission …".
    const name = liked ? l10n.t('Unlike') : l10n.t('Like');
    const done = await deps.commands.run({
      name,
      show: () => likes.assume(!liked),
      send: () => (liked ? client.unsave([uri]) : client.save([uri])),
      confirm: false,
      explain: (error) => namingMissingScope(error, LIBRARY_WRITE_SCOPE, name, deps.grantedScopes()),
    });
    if (done) vscode.window.setStatusBarMessage(liked ? l10n.t('$(heart) Removed “{0}” from your library', escapeIcons(item.name)) : l10n.t('$(heart-filled) Liked “{0}”', escapeIcons(item.name)), CONFIRMATION_MS);
  };

  /** The web link of what is playing, or undefined after telling the user there is none. */
  const currentLink = (): { url: string; name: string } | undefined => {
    const item = state.snapshot?.item;
    if (item?.webUrl) return { url: item.webUrl, name: item.name };
    void vscode.window.showInformationMessage(item ? l10n.t('Spotify gave no link for “{0}”.', item.name) : l10n.t('Nothing is playing on Spotify.'));
    return undefined;
  };

  return registerCommandTable({
    'backbeat.toggleLike': toggleLike,
    'backbeat.search': () => search(l10n.t('Spotify: Search'), ['track', 'album', 'artist', 'playlist'], playEntry),
    'backbeat.addToQueue': () => search(l10n.t('Spotify: Add to Queue'), ['track'], queue),
    'backbeat.playPlaylist': async () => {
      const playlist = await pickPlaylist(deps.playlists, onError('Play Playlist'));
      if (playlist) await playEntry(playlist);
    },
    'backbeat.showQueue': () => showQueue(client).catch(onError('Show Queue')),
    'backbeat.recentlyPlayed': async () => {
      const entry = await pickRecentlyPlayed(client, { clock: deps.clock, onQueue: (e) => void queue(e) }).catch(onError('Recently Played'));
      if (entry) await playEntry(entry);
    },
    'backbeat.copyTrackLink': async () => {
      const link = currentLink();
      if (!link) return undefined;
      await vscode.env.clipboard.writeText(link.url);
      vscode.window.setStatusBarMessage(l10n.t('$(link) Copied the link to “{0}”', escapeIcons(link.name)), CONFIRMATION_MS);
      return link.url;
    },
    'backbeat.openInSpotify': () => {
      const link = currentLink();
      return link ? vscode.env.openExternal(vscode.Uri.parse(link.url)) : false;
    },
  });
}
