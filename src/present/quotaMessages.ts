import { BudgetSpent, QuotaExceeded } from '../quota/quotaErrors';
import type { UserMessage } from './errorMessages';
import { formatClockTime, formatCount } from './format';

// What the user is told when the daily quota stops a request: Spotify's penalty (once, naming the
// cause, with the README section that explains it) or Backbeat's own budget.

/** The README section "Spotify's daily quota". */
const QUOTA_HELP_URL = 'https://github.com/backbeat/spotify#spotifys-daily-quota';

const LEARN_MORE = { title: 'Learn More', command: 'vscode.open', args: [QUOTA_HELP_URL] };
const SHOW_BUDGET = { title: 'Show Request Budget', command: 'backbeat.showRequestBudget' };

/** `now`: when the message shows, so "until 19:53" names the day when it is not today. */
export function describeQuotaFailure(error: unknown, now: number): UserMessage | undefined {
  if (error instanceof QuotaExceeded) {
    const back = formatClockTime(error.until, now);
    const cause =
      error.reason === 'QUOTA_EXCEEDED'
        ? `Spotify's daily request quota for your app is spent (QUOTA_EXCEEDED).`
        : `Spotify asked Backbeat to wait until ${back}: a wait that long means your app's daily request quota is spent.`;
    return {
      cause: 'quota_exceeded',
      text: `${cause} Backbeat sends nothing from any window until ${back}; asking earlier would only make the wait longer.`,
      severity: 'warning',
      actions: [LEARN_MORE, SHOW_BUDGET],
    };
  }
  if (error instanceof BudgetSpent) {
    return {
      cause: 'budget_spent',
      text: `Backbeat's daily budget of ${formatCount(error.budget)} Spotify requests is spent${Number.isFinite(error.until) ? ` until ${formatClockTime(error.until, now)}` : ''}. Raise backbeat.dailyRequestBudget only if your app's quota is higher.`,
      severity: 'warning',
      actions: [SHOW_BUDGET, LEARN_MORE],
    };
  }
  return undefined;
}
