import * as vscode from 'vscode';
import type { SpotifyClient } from '../../spotify/client';
import type { CatalogueEntry } from '../../spotify/types';
import { entryItem, EntryItem, isEntry, moreItem, MoreItem, waitForChoice } from './items';

/** Play Playlist: the user's playlists, a page at a time (a row loads the next page). */
export async function pickPlaylist(client: Pick<SpotifyClient, 'myPlaylists'>, onError: (error: unknown) => void): Promise<CatalogueEntry | undefined> {
  const picker = vscode.window.createQuickPick<EntryItem | MoreItem>();
  picker.title = 'Spotify: Play Playlist';
  picker.placeholder = 'Your playlists';
  picker.matchOnDescription = true;
  const playlists: CatalogueEntry[] = [];
  let nextOffset: number | undefined = 0;

  const loadMore = async () => {
    if (nextOffset === undefined || picker.busy) return;
    picker.busy = true;
    try {
      const page = await client.myPlaylists(nextOffset);
      playlists.push(...page.items);
      nextOffset = page.nextOffset;
      const rows: (EntryItem | MoreItem)[] = playlists.map((p) => entryItem(p));
      if (nextOffset !== undefined) rows.push(moreItem('More playlists'));
      if (!rows.length) picker.placeholder = 'You have no playlists yet.';
      picker.items = rows;
    } catch (error) {
      onError(error);
      picker.hide();
    } finally {
      picker.busy = false;
    }
  };

  const choice = waitForChoice(picker, () => void loadMore());
  picker.show();
  void loadMore();
  try {
    const chosen = await choice;
    return isEntry(chosen) ? chosen.entry : undefined;
  } finally {
    picker.dispose();
  }
}
