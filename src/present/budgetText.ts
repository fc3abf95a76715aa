import type { BudgetStatus } from '../quota/requestBudget';
import { formatClockTime, formatCount, formatInterval } from './format';

// The daily budget in words for the status bar and its tooltip (kept free of `vscode` so the
// wording is tested on Node).

/** The status bar while Spotify's quota penalty holds. */
export function quotaSpentLabel(until: number, now: number): string {
  return `$(watch) Spotify quota spent · back at ${formatClockTime(until, now)}`;
}

/** Added to the now-playing text while the budget stops steady reads: what shows may be out of date. */
export const BUDGET_SPENT_SUFFIX = ' · $(watch) budget spent';

/** Steady reads have stopped (their share, or the whole budget, is spent). */
export function readsPaused(status: BudgetStatus): boolean {
  return status.readsPausedUntil > 0;
}

/**
 * The tooltip's spend line: "Spotify requests, last 24 h: 412 of 1,000 · checking every 20 s".
 * `checkEveryMs` is the steady rhythm while the window is in use.
 */
export function spendLine(status: BudgetStatus, checkEveryMs: number | undefined, now: number): string {
  const spent = status.limit > 0 ? `${formatCount(status.used)} of ${formatCount(status.limit)}` : `${formatCount(status.used)} (no daily budget)`;
  const head = `Spotify requests, last 24 h: ${spent}`;
  if (status.penalty) return `${head} · Spotify's quota is spent until ${formatClockTime(status.penalty.until, now)}`;
  if (status.commandsRefusedUntil) return `${head} · budget spent: commands work again at ${formatClockTime(status.commandsRefusedUntil, now)}`;
  if (status.readsPausedUntil) {
    return `${head} · checks paused until ${formatClockTime(status.readsPausedUntil, now)}; ${formatCount(status.limit - status.used)} kept for your commands`;
  }
  return checkEveryMs === undefined ? head : `${head} · checking every ${formatInterval(checkEveryMs)}`;
}
