import * as vscode from 'vscode';
import { EmulatorControl } from '../../emulator/controlClient';
import type { BackbeatApi } from '../../api/backbeat';
import { until, type UntilOptions } from '../../sim/until';

/** Shared steps of the in-VS-Code suites: the running extension, the emulator, sign-in and waits. */
export const EXTENSION_ID = 'backbeat.spotify';

export function emulator(): EmulatorControl {
  const url = process.env.BACKBEAT_EMULATOR_CONTROL;
  if (!url) throw new Error('BACKBEAT_EMULATOR_CONTROL is not set: run this suite through the test harness.');
  return new EmulatorControl(url);
}

export async function extensionApi(): Promise<BackbeatApi> {
  const extension = vscode.extensions.getExtension<BackbeatApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** How `until` waits in the extension host: VS Code answers slower than a unit test's doubles. */
export const VSCODE_WAIT: UntilOptions = { timeoutMs: 15_000, pollMs: 100 };

/** The account VS Code's Accounts menu shows for the `spotify` provider, if any. */
export async function signedInAccount(): Promise<vscode.AuthenticationSessionAccountInformation | undefined> {
  return (await vscode.authentication.getAccounts('spotify'))[0];
}

/** Signs in through the real command; the harness's browser follows the emulator's redirects. */
export async function signIn(): Promise<vscode.AuthenticationSessionAccountInformation> {
  await vscode.commands.executeCommand('backbeat.signIn');
  return until('a Spotify account', signedInAccount, VSCODE_WAIT);
}

export async function signOut(): Promise<void> {
  await vscode.commands.executeCommand('backbeat.signOut');
  await until('signed out', async () => !(await signedInAccount()), VSCODE_WAIT);
}
