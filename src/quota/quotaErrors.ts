import { l10n } from '../l10n';

// The two ways a request is stopped before it leaves: Spotify's daily quota is spent (its penalty
// holds every window until the stated time), or Backbeat's own daily budget has nothing left for it.

/** Spotify answered QUOTA_EXCEEDED (or a Retry-After too long for a rate limit): nothing is sent until `until`. */
export class QuotaExceeded extends Error {
  constructor(
    readonly until: number,
    readonly reason: string | undefined,
  ) {
    const at = new Date(until).toISOString();
    super(
      reason
        ? l10n.t("Spotify's daily request quota for this app is spent ({0}); nothing is sent until {1}.", reason, at)
        : l10n.t("Spotify's daily request quota for this app is spent; nothing is sent until {0}.", at),
    );
  }
}

/** `backbeat.dailyRequestBudget` is spent for this kind of request until `until`. */
export class BudgetSpent extends Error {
  constructor(
    readonly budget: number,
    readonly until: number,
  ) {
    super(l10n.t("Backbeat's daily budget of {0} Spotify requests is spent for now.", budget));
  }
}
