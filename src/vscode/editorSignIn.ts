// The sign-in's interface to the person, as VS Code shows it: a progress notification with
// Cancel, and the "Try another way" question as a notification with one button.
import * as vscode from 'vscode';
import type { SignInUi } from '../auth/signIn';

export const editorSignInUi: SignInUi = {
  withProgress: async (title, task) =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, cancel) =>
      task((message) => progress.report({ message }), cancel),
    ),
  offer: async (message, button) => (await vscode.window.showInformationMessage(message, button)) === button,
};
