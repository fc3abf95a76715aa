import * as vscode from 'vscode';
import { SECTION } from './settings';

// `backbeat.localPlayer`: `auto` (the default) watches and controls the Spotify app on this
// computer through the OS's media controls; `off` uses the Web API alone.
const KEY = 'localPlayer';

export function localPlayerEnabled(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<unknown>(KEY) !== 'off';
}
