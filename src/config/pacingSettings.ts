import * as vscode from 'vscode';
import { SECTION } from './settings';

// The settings that pace reads: `backbeat.pollIntervalSeconds` (the fastest steady rhythm) and
// `backbeat.dailyRequestBudget` (requests per rolling 24 h, 0 for none). Out-of-range values are
// clamped, not refused.

interface NumberSetting {
  key: string;
  fallback: number;
  min: number;
  max: number;
}

/** Faster than 2 s would spend quota on changes nobody notices. */
const POLL_INTERVAL: NumberSetting = { key: 'pollIntervalSeconds', fallback: 5, min: 2, max: 600 };
/** Below the lowest daily quota reported (about 1,100 in 2026). */
const DAILY_REQUEST_BUDGET: NumberSetting = { key: 'dailyRequestBudget', fallback: 1000, min: 0, max: 1_000_000 };

function read(setting: NumberSetting): number {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>(setting.key);
  if (typeof value !== 'number' || !Number.isFinite(value)) return setting.fallback;
  return Math.min(setting.max, Math.max(setting.min, value));
}

export function readPollIntervalSeconds(): number {
  return read(POLL_INTERVAL);
}

export function readDailyRequestBudget(): number {
  return Math.round(read(DAILY_REQUEST_BUDGET));
}

/** Either setting changed: the next read follows it. */
export function onPacingSettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if ([POLL_INTERVAL, DAILY_REQUEST_BUDGET].some((s) => e.affectsConfiguration(`${SECTION}.${s.key}`))) listener();
  });
}
