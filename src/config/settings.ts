import * as vscode from 'vscode';
import { checkServiceUrl } from './serviceUrl';

export const SECTION = 'backbeat';

export interface SpotifySettings {
  clientId: string | undefined;
  accountsUrl: string;
  apiUrl: string;
}

const DEFAULT_ACCOUNTS_URL = 'https://accounts.spotify.com';
const DEFAULT_API_URL = 'https://api.spotify.com/v1';

/**
 * Reads the settings the auth and API layers need. The URL settings are application-scoped in
 * package.json; reading them through `inspect` as well makes sure a workspace value is ignored
 * even if an older VS Code offered to store one.
 */
export function readSettings(): SpotifySettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    clientId: readClientId() || undefined,
    accountsUrl: checkServiceUrl(`${SECTION}.accountsUrl`, userValue(config, 'accountsUrl') ?? DEFAULT_ACCOUNTS_URL),
    apiUrl: checkServiceUrl(`${SECTION}.apiUrl`, userValue(config, 'apiUrl') ?? DEFAULT_API_URL),
  };
}

/** The Client ID alone ('' when unset): never throws, whatever the other settings say. */
export function readClientId(): string {
  return (vscode.workspace.getConfiguration(SECTION).get<string>('clientId') ?? '').trim();
}

function userValue(config: vscode.WorkspaceConfiguration, key: string): string | undefined {
  const inspected = config.inspect<string>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

export function onSettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener();
  });
}
