import type { BudgetStatus } from '../quota/requestBudget';
import { formatClockTime, formatCount, formatInterval } from './format';
import { l10n } from '../l10n';

// The daily budget in words for the status bar and its tooltip (kept free of `vscode` so the
// wording is tested on Node).

/** The status bar while Spotify's quota penalty holds. */
export function quotaSpentLabel(until: number, now: number): string {
  return l10n.t('$(watch) Spotify quota spent · back at {0}', formatClockTime(until, now));
}

/** The now-playing text while the budget stops steady reads: what shows may be out of date. */
export function withBudgetSpent(label: string): string {
  return l10n.t('{0} · $(watch) budget spent', label);
}

/** Steady reads have stopped (their share, or the whole budget, is spent). */
export function readsPaused(status: BudgetStatus): boolean {
  return status.readsPausedUntil > 0;
}

/**
 * The tooltip's spend line: "Spotify requests, last 24 h: 412 of 1,000 · checking every 20 s".
 * `checkEveryMs` is the steady rhythm while the window is in use.
 */
export function spendLine(status: BudgetStatus, checkEveryMs: number | undefined, now: number): string {
  const head =
    status.limit > 0
      ? l10n.t('Spotify requests, last 24 h: {0} of {1}', formatCount(status.used), formatCount(status.limit))
      : l10n.t('Spotify requests, last 24 h: {0} (no daily budget)', formatCount(status.used));
  if (status.penalty) return l10n.t("{0} · Spotify's quota is spent until {1}", head, formatClockTime(status.penalty.until, now));
  if (status.commandsRefusedUntil) return l10n.t('{0} · budget spent: commands work again at {1}', head, formatClockTime(status.commandsRefusedUntil, now));
  if (status.readsPausedUntil) {
    return l10n.t('{0} · checks paused until {1}; {2} kept for your commands', head, formatClockTime(status.readsPausedUntil, now), formatCount(status.limit - status.used));
  }
  return checkEveryMs === undefined ? head : l10n.t('{0} · checking every {1}', head, formatInterval(checkEveryMs));
}
