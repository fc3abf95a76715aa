import * as vscode from 'vscode';
import { MAX_LENGTH, SEEK_STEP_SECONDS, VOLUME_STEP } from './numberSettings';
import { onSettingChanged, readNumber, SECTION } from './settings';

// The settings that shape the controls and the status bar. Read on every use, so a change
// applies at once; out-of-range values fall back to the documented bounds.

export type ControlName = 'previous' | 'playPause' | 'next' | 'like';

export interface PlayerSettings {
  seekStepMs: number;
  volumeStep: number;
  showProgress: boolean;
  maxLength: number;
  controls: ControlName[];
}

const CONTROL_NAMES: readonly ControlName[] = ['previous', 'playPause', 'next', 'like'];

export function readPlayerSettings(): PlayerSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const controls = config.get<unknown>('statusBar.controls');
  return {
    seekStepMs: readNumber(SEEK_STEP_SECONDS) * 1000,
    volumeStep: readNumber(VOLUME_STEP),
    showProgress: config.get<boolean>('statusBar.showProgress') !== false,
    maxLength: readNumber(MAX_LENGTH),
    controls: Array.isArray(controls) ? CONTROL_NAMES.filter((name) => controls.includes(name)) : [],
  };
}

export function onPlayerSettingsChanged(listener: () => void): vscode.Disposable {
  return onSettingChanged(['statusBar', SEEK_STEP_SECONDS.key, VOLUME_STEP.key], listener);
}
