// The two ways a request is stopped before it leaves: Spotify's daily quota is spent (its penalty
// holds every window until the stated time), or Backbeat's own daily budget has nothing left for it.

/** Spotify answered QUOTA_EXCEEDED (or a Retry-After too long for a rate limit): nothing is sent until `until`. */
export class QuotaExceeded extends Error {
  constructor(
    readonly until: number,
    readonly reason: string | undefined,
  ) {
    super(`Spotify's daily request quota for this app is spent${reason ? ` (${reason})` : ''}; nothing is sent until ${new Date(until).toISOString()}.`);
  }
}

/** `backbeat.dailyRequestBudget` is spent for this kind of request until `until`. */
export class BudgetSpent extends Error {
  constructor(
    readonly budget: number,
    readonly until: number,
  ) {
    super(`Backbeat's daily budget of ${budget} Spotify requests is spent for now.`);
  }
}
