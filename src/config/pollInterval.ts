import * as vscode from 'vscode';
import { SECTION } from './settings';

/**
 * `backbeat.pollIntervalSeconds`: how often a focused window in use reads the playback state.
 * Users trade freshness for Spotify quota with it; out-of-range values are clamped, not refused.
 */
const KEY = 'pollIntervalSeconds';
const DEFAULT_POLL_INTERVAL_SECONDS = 5;
/** Faster than this would spend a shared quota for changes nobody notices. */
const MIN_POLL_INTERVAL_SECONDS = 2;
const MAX_POLL_INTERVAL_SECONDS = 600;

function clampPollInterval(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_POLL_INTERVAL_SECONDS;
  return Math.min(MAX_POLL_INTERVAL_SECONDS, Math.max(MIN_POLL_INTERVAL_SECONDS, value));
}

export function readPollIntervalSeconds(): number {
  return clampPollInterval(vscode.workspace.getConfiguration(SECTION).get<unknown>(KEY));
}

export function onPollIntervalChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.${KEY}`)) listener();
  });
}
