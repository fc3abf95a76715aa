// Every number setting Backbeat reads, with the default and bounds package.json declares for it (a
// unit test holds the two together). Free of `vscode`, so that test runs on Node.

export interface NumberSetting {
  key: string;
  fallback: number;
  min: number;
  max: number;
  /** Declared `integer`: a fraction is rounded. */
  integer?: boolean;
  /** Out of range (or a fraction, when `integer`) gives `fallback`, not the nearest value (a port number is exact or nothing). */
  inexact?: 'fallback';
}

export const SEEK_STEP_SECONDS: NumberSetting = { key: 'seekStepSeconds', fallback: 15, min: 1, max: 600 };
export const VOLUME_STEP: NumberSetting = { key: 'volumeStep', fallback: 10, min: 1, max: 50, integer: true };
export const MAX_LENGTH: NumberSetting = { key: 'statusBar.maxLength', fallback: 60, min: 10, max: 200, integer: true };
/** Faster than 2 s would spend quota on changes nobody notices. */
export const POLL_INTERVAL: NumberSetting = { key: 'pollIntervalSeconds', fallback: 5, min: 2, max: 600 };
/** Below the lowest daily quota reported (about 1,100 in 2026). */
export const DAILY_REQUEST_BUDGET: NumberSetting = { key: 'dailyRequestBudget', fallback: 1000, min: 0, max: 1_000_000, integer: true };
/** 0 picks a free port. */
export const LOOPBACK_PORT: NumberSetting = { key: 'loopbackPort', fallback: 0, min: 0, max: 65535, integer: true, inexact: 'fallback' };

export const NUMBER_SETTINGS: readonly NumberSetting[] = [SEEK_STEP_SECONDS, VOLUME_STEP, MAX_LENGTH, POLL_INTERVAL, DAILY_REQUEST_BUDGET, LOOPBACK_PORT];

/** `value` as `setting` allows it: not a finite number gives the fallback; out of range is clamped, a fraction rounded (or both give the fallback). */
export function numberSettingValue(setting: NumberSetting, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return setting.fallback;
  const exact = value >= setting.min && value <= setting.max && (!setting.integer || Number.isInteger(value));
  if (setting.inexact === 'fallback' && !exact) return setting.fallback;
  const clamped = Math.min(setting.max, Math.max(setting.min, value));
  return setting.integer ? Math.round(clamped) : clamped;
}
