import type * as vscode from 'vscode';
import { NumberSetting, onSettingChanged, readNumber } from './settings';

// The settings that pace reads: `backbeat.pollIntervalSeconds` (the fastest steady rhythm) and
// `backbeat.dailyRequestBudget` (requests per rolling 24 h, 0 for none). Out-of-range values are
// clamped, not refused.

/** Faster than 2 s would spend quota on changes nobody notices. */
const POLL_INTERVAL: NumberSetting = { key: 'pollIntervalSeconds', fallback: 5, min: 2, max: 600 };
/** Below the lowest daily quota reported (about 1,100 in 2026). */
const DAILY_REQUEST_BUDGET: NumberSetting = { key: 'dailyRequestBudget', fallback: 1000, min: 0, max: 1_000_000 };

export function readPollIntervalSeconds(): number {
  return readNumber(POLL_INTERVAL);
}

export function readDailyRequestBudget(): number {
  return Math.round(readNumber(DAILY_REQUEST_BUDGET));
}

/** Either setting changed: the next read follows it. */
export function onPacingSettingsChanged(listener: () => void): vscode.Disposable {
  return onSettingChanged([POLL_INTERVAL.key, DAILY_REQUEST_BUDGET.key], listener);
}
