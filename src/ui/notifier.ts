import * as vscode from 'vscode';
import type { Log } from '../log';
import type { ShowNotice } from '../present/notices';

// The notification itself: VS Code's message of the right severity, whose buttons run their commands.
export function showNotification(log: Pick<Log, 'warn'>): ShowNotice {
  return (message) => {
    const show =
      message.severity === 'error'
        ? vscode.window.showErrorMessage
        : message.severity === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    return Promise.resolve(show(message.text, ...message.actions.map((a) => a.title)))
      .then((choice) => {
        const action = message.actions.find((a) => a.title === choice);
        return action && vscode.commands.executeCommand(action.command, ...(action.args ?? []));
      })
      .then(
        () => undefined,
        (e) => log.warn(`Could not run the action: ${(e as Error).message}`),
      );
  };
}
