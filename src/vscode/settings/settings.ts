import * as vscode from 'vscode';
import type { SpotifySettings } from '../../auth/spotifySettings';
import { NumberSetting, numberSettingValue } from './numberSettings';
import { checkServiceUrl } from '../../spotify/serviceUrl';

// Every `backbeat.*` setting is read in src/vscode/settings/, each with its default and bounds beside its
// reader; the rest of the code imports the typed readers. Read on every use, so a change applies
// at once.

export const SECTION = 'backbeat';

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
    accountsUrl: readServiceUrl(config, 'accountsUrl', DEFAULT_ACCOUNTS_URL),
    apiUrl: readServiceUrl(config, 'apiUrl', DEFAULT_API_URL),
  };
}

/** An application-scoped service URL, checked (https, or http on loopback); throws ServiceUrlError. */
export function readServiceUrl(config: vscode.WorkspaceConfiguration, key: string, fallback: string): string {
  return checkServiceUrl(`${SECTION}.${key}`, userValue(config, key) ?? fallback);
}

/** The Client ID alone ('' when unset): never throws, whatever the other settings say. */
export function readClientId(): string {
  return (vscode.workspace.getConfiguration(SECTION).get<string>('clientId') ?? '').trim();
}

/** Stores the Client ID in user settings. */
export async function storeClientId(value: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('clientId', value.trim(), vscode.ConfigurationTarget.Global);
}

/** The user's (or the default) value of an application-scoped setting: a workspace's is ignored. */
export function userValue<T = string>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/** Reads a number setting with its default and bounds (numberSettings.ts). */
export function readNumber(setting: NumberSetting): number {
  return numberSettingValue(setting, vscode.workspace.getConfiguration(SECTION).get<unknown>(setting.key));
}

/** Calls `listener` when one of `keys` changes (a key also covers those under it, as `statusBar`). */
export function onSettingChanged(keys: readonly string[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (keys.some((key) => e.affectsConfiguration(`${SECTION}.${key}`))) listener();
  });
}

/** Any `backbeat.*` setting changed. */
export function onSettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener();
  });
}
