import * as vscode from 'vscode';
import type { SpotifyClient } from '../../spotify/client';
import { separator } from './items';
import { queueRowText } from '../../present/pickerRows';
import { l10n } from '../../l10n';

// Show Queue: what plays now and next (the user's queue, then the context). Spotify has no way to
// jump to a queued item, so the list is for reading; closing it changes nothing.

export async function showQueue(client: Pick<SpotifyClient, 'queue'>): Promise<void> {
  const picker = vscode.window.createQuickPick();
  picker.title = l10n.t('Spotify: Queue');
  picker.placeholder = l10n.t('Up next on Spotify');
  picker.busy = true;
  const closed = new Promise<void>((resolve) => {
    picker.onDidHide(() => resolve());
    picker.onDidAccept(() => picker.hide());
  });
  picker.show();
  try {
    const queue = await client.queue();
    const rows: vscode.QuickPickItem[] = [];
    if (queue.current) rows.push(separator(l10n.t('Now playing')), queueRowText(queue.current));
    if (queue.upNext.length) rows.push(separator(l10n.t('Next up')), ...queue.upNext.map(queueRowText));
    if (!rows.length) picker.placeholder = l10n.t('The queue is empty.');
    picker.items = rows;
    picker.busy = false;
    await closed;
  } finally {
    picker.dispose();
  }
}
