import * as vscode from 'vscode';
import { SECTION } from '../config/settings';

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

function bounded(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

export function readPlayerSettings(): PlayerSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const controls = config.get<unknown>('statusBar.controls');
  return {
    seekStepMs: bounded(config.get('seekStepSeconds'), 15, 1, 600) * 1000,
    volumeStep: Math.round(bounded(config.get('volumeStep'), 10, 1, 50)),
    showProgress: config.get<boolean>('statusBar.showProgress') !== false,
    maxLength: Math.round(bounded(config.get('statusBar.maxLength'), 60, 10, 200)),
    controls: Array.isArray(controls) ? CONTROL_NAMES.filter((name) => controls.includes(name)) : [],
  };
}

export function onPlayerSettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.statusBar`) || e.affectsConfiguration(`${SECTION}.seekStepSeconds`) || e.affectsConfiguration(`${SECTION}.volumeStep`)) {
      listener();
    }
  });
}
