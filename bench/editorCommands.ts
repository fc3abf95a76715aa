import type { BenchWindow } from './windowShape';
import type { EditorCommand, PickerUse } from './scenario';

// What the user does in the focused window, through its client as the editor does: a command through
// PlayerCommands (effect shown at once, request, one confirming read, rollback on refusal), and a
// picker through what the pickers ask (the remembered devices and playlists, search, the queue).

/** Resolves with what the user was told, or undefined when the command went through. */
export async function runEditorCommand(window: BenchWindow, command: EditorCommand): Promise<string | undefined> {
  const { commands } = window;
  const told = window.notices.length;
  const accepted = await (command.type === 'seek' ? commands.seek('Seek To', () => command.positionMs) : commands[command.type]());
  return accepted ? undefined : `${command.type}: ${window.notices.slice(told).map((m) => m.text).join('; ') || 'refused'}`;
}

/** Search asks for these kinds, as the Search picker does. */
const SEARCH_KINDS = ['track', 'album', 'artist', 'playlist'] as const;
/** Rows per kind and page, as the Search picker asks. */
const SEARCH_ROWS = 5;

/** Resolves with what went wrong, or undefined when the picker got its rows. */
export async function usePicker(window: BenchWindow, use: PickerUse): Promise<string | undefined> {
  try {
    if (use.type === 'search') for (const query of use.queries) await window.client.search(query, SEARCH_KINDS, 0, SEARCH_ROWS);
    else if (use.type === 'devices') await window.devices.list();
    else if (use.type === 'playlists') await window.playlists.page(0);
    else await window.client.queue();
    return undefined;
  } catch (error) {
    return `${use.type}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
