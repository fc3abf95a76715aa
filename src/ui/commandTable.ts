import * as vscode from 'vscode';

// Commands as data: a table of command id → handler, registered in one place, so a file of commands
// reads as the list it is.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a command's arguments come from anywhere (keybindings, other extensions); each handler checks its own
export type CommandTable = Record<string, (...args: any[]) => unknown>;

export function registerCommandTable(table: CommandTable): vscode.Disposable[] {
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
