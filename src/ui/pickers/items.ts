import * as vscode from 'vscode';
import type { CatalogueEntry, PlayableItem } from '../../spotify/types';
import { entryRowText } from '../../present/pickerRows';
import { l10n } from '../../l10n';

/** Quick pick rows shared by the pickers, so a track looks and queues the same everywhere. */
/** One object, so a click is known by identity; its tooltip is read when shown (translated by then). */
export const QUEUE_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('add'),
  get tooltip() {
    return l10n.t('Add to Queue');
  },
};

export interface EntryItem extends vscode.QuickPickItem {
  entry: CatalogueEntry;
}

/** A row that loads the next page instead of choosing something. */
export interface MoreItem extends vscode.QuickPickItem {
  more: true;
}

/** Only single items can be queued; albums, artists and playlists are played as contexts. */
export function isQueueable(entry: CatalogueEntry): boolean {
  return entry.kind === 'track' || entry.kind === 'episode';
}

/**
 * `searchResult`: the row says its kind in words (search mixes kinds), and stays visible whatever
 * was typed, because Spotify already matched the query and VS Code's own filter must not hide it.
 */
export function entryItem(entry: CatalogueEntry, options: { detail?: string; searchResult?: boolean } = {}): EntryItem {
  return {
    entry,
    ...entryRowText(entry, options.searchResult),
    detail: options.detail,
    alwaysShow: options.searchResult,
    buttons: isQueueable(entry) ? [QUEUE_BUTTON] : [],
  };
}

/** A playing or queued item as a catalogue entry (it plays in its album when chosen). */
export function playableEntry(item: PlayableItem): CatalogueEntry | undefined {
  if (!item.uri) return undefined;
  return { kind: item.kind, uri: item.uri, name: item.name, byline: item.byline };
}

export function moreItem(label: string): MoreItem {
  return { more: true, label: `$(ellipsis) ${label}`, alwaysShow: true };
}

export function separator(label: string): vscode.QuickPickItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

function isMore(item: vscode.QuickPickItem | undefined): item is MoreItem {
  return !!item && 'more' in item;
}

export function isEntry(item: vscode.QuickPickItem | undefined): item is EntryItem {
  return !!item && 'entry' in item;
}

/**
 * Resolves with the accepted row, or undefined when the picker closes. Accepting a "more" row
 * loads the next page instead. Listening starts at once, so closing while loading is never missed.
 */
export function waitForChoice<T extends vscode.QuickPickItem>(picker: vscode.QuickPick<T>, onMore?: () => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    picker.onDidAccept(() => {
      const chosen = picker.selectedItems[0];
      if (isMore(chosen)) onMore?.();
      else resolve(chosen);
    });
    picker.onDidHide(() => resolve(undefined));
  });
}
