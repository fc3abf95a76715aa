import * as vscode from 'vscode';
import type { MyPlaylists } from '../../spotify/myPlaylists';
import type { CatalogueEntry } from '../../spotify/types';
import { entryItem, EntryItem, isEntry, moreItem, MoreItem, waitForChoice } from './items';
import { l10n } from '../../l10n';

// Play Playlist: the user's playlists, a page at a time (a row loads the next page). They are kept
// for the session; the refresh button asks Spotify again.

export async function pickPlaylist(mine: Pick<MyPlaylists, 'page' | 'forget'>, onError: (error: unknown) => void): Promise<CatalogueEntry | undefined> {
  const refreshButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('refresh'), tooltip: l10n.t('Refresh from Spotify') };
  const picker = vscode.window.createQuickPick<EntryItem | MoreItem>();
  picker.title = l10n.t('Spotify: Play Playlist');
  picker.placeholder = l10n.t('Your playlists');
  picker.matchOnDescription = true;
  picker.buttons = [refreshButton];
  const playlists: CatalogueEntry[] = [];
  let nextOffset: number | undefined = 0;

  const loadMore = async () => {
    if (nextOffset === undefined || picker.busy) return;
    picker.busy = true;
    try {
      const page = await mine.page(nextOffset);
      playlists.push(...page.items);
      nextOffset = page.nextOffset;
      const rows: (EntryItem | MoreItem)[] = playlists.map((p) => entryItem(p));
      if (nextOffset !== undefined) rows.push(moreItem(l10n.t('More playlists')));
      if (!rows.length) picker.placeholder = l10n.t('You have no playlists yet.');
      picker.items = rows;
    } catch (error) {
      onError(error);
      picker.hide();
    } finally {
      picker.busy = false;
    }
  };

  const refresh = picker.onDidTriggerButton((button) => {
    if (button !== refreshButton || picker.busy) return;
    mine.forget();
    playlists.length = 0;
    nextOffset = 0;
    void loadMore();
  });
  const choice = waitForChoice(picker, () => void loadMore());
  picker.show();
  void loadMore();
  try {
    const chosen = await choice;
    return isEntry(chosen) ? chosen.entry : undefined;
  } finally {
    refresh.dispose();
    picker.dispose();
  }
}
