import type { SimulatedWindow } from './benchWindow';
import type { EditorCommand } from './scenario';

// A command from the focused window, through the core's PlayerCommands exactly as the editor's
// command runs it (effect shown at once, request, one confirming read, rollback on refusal).

/** Resolves with what the user was told, or undefined when the command went through. */
export async function runEditorCommand(window: SimulatedWindow, command: EditorCommand): Promise<string | undefined> {
  const { commands } = window.core;
  const told = window.notices.length;
  const accepted = await (command.type === 'seek' ? commands.seek('Seek To', () => command.positionMs) : commands[command.type]());
  return accepted ? undefined : `${command.type}: ${window.notices.slice(told).map((m) => m.text).join('; ') || 'refused'}`;
}
