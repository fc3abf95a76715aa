import * as vscode from 'vscode';
import type { Clock } from '../../clock';
import type { SpotifyClient } from '../../spotify/client';
import type { CatalogueEntry, PlayedItem } from '../../spotify/types';
import { formatAgo } from '../../present/format';
import { entryItem, EntryItem, isEntry, playableEntry, QUEUE_BUTTON, waitForChoice } from './items';
import { l10n } from '../../l10n';

/** Recently Played: the last tracks, newest first; Enter plays one again (in its context), the button queues it. */
interface RecentlyPlayedOptions {
  clock: Clock;
  onQueue(entry: CatalogueEntry): void;
}

function recentItem(played: PlayedItem, now: number): EntryItem | undefined {
  const entry = playableEntry(played.item);
  return entry && entryItem({ ...entry, contextUri: played.contextUri }, { detail: l10n.t('played {0}', formatAgo(played.playedAt, now)) });
}

export async function pickRecentlyPlayed(client: Pick<SpotifyClient, 'recentlyPlayed'>, options: RecentlyPlayedOptions): Promise<CatalogueEntry | undefined> {
  const picker = vscode.window.createQuickPick<EntryItem>();
  picker.title = l10n.t('Spotify: Recently Played');
  picker.placeholder = l10n.t('Play again…');
  picker.matchOnDescription = true;
  picker.busy = true;
  const choice = waitForChoice(picker);
  const buttons = picker.onDidTriggerItemButton((event) => {
    if (event.button === QUEUE_BUTTON) options.onQueue(event.item.entry);
  });
  picker.show();
  try {
    const now = options.clock.now();
    const items = (await client.recentlyPlayed()).map((p) => recentItem(p, now)).filter((i): i is EntryItem => !!i);
    if (!items.length) picker.placeholder = l10n.t('Nothing played recently.');
    picker.items = items;
    picker.busy = false;
    const chosen = await choice;
    return isEntry(chosen) ? chosen.entry : undefined;
  } finally {
    buttons.dispose();
    picker.dispose();
  }
}
