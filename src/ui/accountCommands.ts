import * as vscode from 'vscode';
import type { SessionKeeper } from '../auth/sessionKeeper';
import { DEFAULT_SCOPES } from '../auth/scopes';
import { PROVIDER_ID } from '../auth/provider';
import { SECTION } from '../config/settings';
import { isValidClientId } from '../config/serviceUrl';
import type { Log } from '../log';

/** Sign In, Sign Out, Set Client ID and Show Log. */
export function registerAccountCommands(keeper: SessionKeeper, log: Log): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('backbeat.signIn', () => signInCommand(keeper, log)),
    vscode.commands.registerCommand('backbeat.signOut', async () => {
      const account = keeper.current?.account.label;
      await keeper.signOut();
      if (account) void vscode.window.showInformationMessage(`Signed out of Spotify (${account}).`);
    }),
    vscode.commands.registerCommand('backbeat.setClientId', setClientId),
    vscode.commands.registerCommand('backbeat.showLog', () => log.show()),
  ];
}

async function signInCommand(keeper: SessionKeeper, log: Log): Promise<void> {
  if (keeper.current) {
    void vscode.window.showInformationMessage(`Already signed in to Spotify as ${keeper.current.account.label}.`);
    return;
  }
  if (!vscode.workspace.getConfiguration(SECTION).get<string>('clientId')?.trim() && !(await setClientId())) return;
  try {
    await vscode.authentication.getSession(PROVIDER_ID, [...DEFAULT_SCOPES], { createIfNone: true });
  } catch (error) {
    // The provider already told the user what went wrong; a refused consent dialog needs no words.
    log.info(`Sign-in did not complete: ${(error as Error).message}`);
  }
}

/** Asks for the Client ID, checks its shape and stores it in user settings. Returns true when set. */
export async function setClientId(): Promise<boolean> {
  const current = vscode.workspace.getConfiguration(SECTION).get<string>('clientId') ?? '';
  const value = await vscode.window.showInputBox({
    title: 'Spotify Client ID',
    prompt: 'The Client ID of your app in the Spotify developer dashboard (32 hexadecimal characters).',
    value: current,
    ignoreFocusOut: true,
    validateInput: (text) => (isValidClientId(text) ? undefined : 'A Spotify Client ID is 32 characters of 0-9 and a-f.'),
  });
  if (value === undefined) return false;
  await vscode.workspace.getConfiguration(SECTION).update('clientId', value.trim(), vscode.ConfigurationTarget.Global);
  return true;
}
