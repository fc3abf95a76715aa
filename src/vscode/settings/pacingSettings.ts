import { DAILY_REQUEST_BUDGET, POLL_INTERVAL } from './numberSettings';
import { readNumber } from './settings';

// The settings that pace reads: `backbeat.pollIntervalSeconds` (the fastest steady rhythm) and
// `backbeat.dailyRequestBudget` (requests per rolling 24 h, 0 for none). Out-of-range values are
// clamped, not refused.

export function readPollIntervalSeconds(): number {
  return readNumber(POLL_INTERVAL);
}

export function readDailyRequestBudget(): number {
  return readNumber(DAILY_REQUEST_BUDGET);
}
