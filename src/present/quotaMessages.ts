import { BudgetSpent, QuotaExceeded } from '../quota/quotaErrors';
import type { UserMessage } from './errorMessages';
import { formatClockTime, formatCount } from './format';
import { l10n } from '../l10n';

// What the user is told when the daily quota stops a request: Spotify's penalty (once, naming the
// cause, with the README section that explains it) or Backbeat's own budget.

/** The README section "Spotify's daily quota". */
const QUOTA_HELP_URL = 'https://github.com/backbeat/spotify#spotifys-daily-quota';

const LEARN_MORE = () => ({ title: l10n.t('Learn More'), command: 'vscode.open', args: [QUOTA_HELP_URL] });
const SHOW_BUDGET = () => ({ title: l10n.t('Show Request Budget'), command: 'backbeat.showRequestBudget' });

/** `now`: when the message shows, so "until 19:53" names the day when it is not today. */
export function describeQuotaFailure(error: unknown, now: number): UserMessage | undefined {
  if (error instanceof QuotaExceeded) {
    const back = formatClockTime(error.until, now);
    const text =
      error.reason === 'QUOTA_EXCEEDED'
        ? l10n.t("Spotify's daily request quota for your app is spent (QUOTA_EXCEEDED). Backbeat sends nothing from any window until {0}; asking earlier would only make the wait longer.", back)
        : l10n.t("Spotify asked Backbeat to wait until {0}: a wait that long means your app's daily request quota is spent. Backbeat sends nothing from any window until {0}; asking earlier would only make the wait longer.", back);
    return {
      cause: 'quota_exceeded',
      text,
      severity: 'warning',
      actions: [LEARN_MORE(), SHOW_BUDGET()],
    };
  }
  if (error instanceof BudgetSpent) {
    return {
      cause: 'budget_spent',
      text: Number.isFinite(error.until)
        ? l10n.t("Backbeat's daily budget of {0} Spotify requests is spent until {1}. Raise backbeat.dailyRequestBudget only if your app's quota is higher.", formatCount(error.budget), formatClockTime(error.until, now))
        : l10n.t("Backbeat's daily budget of {0} Spotify requests is spent. Raise backbeat.dailyRequestBudget only if your app's quota is higher.", formatCount(error.budget)),
      severity: 'warning',
      actions: [SHOW_BUDGET(), LEARN_MORE()],
    };
  }
  return undefined;
}
