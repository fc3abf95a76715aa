import * as vscode from 'vscode';
import type { Clock } from '../../clock';
import type { Disposable } from '../../disposable';
import type { SpotifyClient } from '../../spotify/client';
import type { CatalogueEntry, SearchKind, SearchResults } from '../../spotify/types';
import { entryItem, EntryItem, isEntry, moreItem, MoreItem, QUEUE_BUTTON, waitForChoice } from './items';
import { l10n } from '../../l10n';

// One quick pick over Spotify's search: results appear as the user types (after a pause, so
// typing a word costs one request, not one per key), each row saying its kind, with a row to
// load more. VS Code orders the rows by how well they match what was typed. Enter chooses; the
// queue button on a track queues it and keeps the picker open.

const SEARCH_DEBOUNCE_MS = 300;
/** Rows per kind and page: four kinds of five fit the picker without scrolling much. */
const PER_KIND = 5;

interface SearchPickerOptions {
  title: string;
  kinds: readonly SearchKind[];
  clock: Clock;
  /** The queue button was pressed on a track. */
  onQueue(entry: CatalogueEntry): void;
  /** A search failed: tell the user (the picker stays open). */
  onError(error: unknown): void;
}

type Row = EntryItem | MoreItem | vscode.QuickPickItem;

export async function pickFromSearch(client: Pick<SpotifyClient, 'search'>, options: SearchPickerOptions): Promise<CatalogueEntry | undefined> {
  const picker = vscode.window.createQuickPick<Row>();
  picker.title = options.title;
  picker.placeholder = l10n.t('Type to search Spotify');
  picker.matchOnDescription = true;
  const found = new Map<SearchKind, CatalogueEntry[]>();
  let query = '';
  /** The query the rows answer. */
  let searched = '';
  let nextOffset: number | undefined;
  /** Answers to an older query are dropped: the user has typed on. */
  let generation = 0;
  let pending: Disposable | undefined;

  const show = () => {
    const rows: Row[] = [];
    for (const kind of options.kinds) {
      rows.push(...(found.get(kind) ?? []).map((e) => entryItem(e, { searchResult: true })));
    }
    if (nextOffset !== undefined) rows.push(moreItem(l10n.t('More results')));
    if (!rows.length && searched === query && query) rows.push({ label: l10n.t('$(info) Nothing on Spotify matches "{0}"', query), alwaysShow: true });
    picker.items = rows;
  };

  const load = async (offset: number) => {
    const mine = ++generation;
    picker.busy = true;
    try {
      const results = await client.search(query, options.kinds, offset, PER_KIND);
      if (mine !== generation) return;
      if (offset === 0) found.clear();
      append(found, results);
      nextOffset = furthest(results);
      searched = query;
      show();
    } catch (error) {
      if (mine === generation) options.onError(error);
    } finally {
      if (mine === generation) picker.busy = false;
    }
  };

  const subscriptions = [
    picker.onDidChangeValue((value) => {
      pending?.dispose();
      query = value.trim();
      generation++;
      picker.busy = false;
      if (!query) {
        found.clear();
        nextOffset = undefined;
        show();
        return;
      }
      pending = options.clock.setTimeout(() => void load(0), SEARCH_DEBOUNCE_MS);
    }),
    picker.onDidTriggerItemButton((event) => {
      if (event.button === QUEUE_BUTTON && isEntry(event.item)) options.onQueue(event.item.entry);
    }),
  ];
  const choice = waitForChoice(picker, () => nextOffset !== undefined && void load(nextOffset));
  picker.show();
  try {
    const chosen = await choice;
    return isEntry(chosen) ? chosen.entry : undefined;
  } finally {
    pending?.dispose();
    subscriptions.forEach((s) => s.dispose());
    picker.dispose();
  }
}

function append(found: Map<SearchKind, CatalogueEntry[]>, results: SearchResults): void {
  for (const [kind, page] of Object.entries(results.byKind) as [SearchKind, SearchResults['byKind'][SearchKind]][]) {
    found.set(kind, [...(found.get(kind) ?? []), ...(page?.items ?? [])]);
  }
}

/** All kinds are asked with the same offset, so any kind with more has its next page there. */
function furthest(results: SearchResults): number | undefined {
  const offsets = Object.values(results.byKind)
    .map((page) => page?.nextOffset)
    .filter((o): o is number => o !== undefined);
  return offsets.length ? Math.max(...offsets) : undefined;
}
