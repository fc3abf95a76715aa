import type { Contender } from './contender';

/** `backbeat.dailyRequestBudget`'s default. */
const DEFAULT_DAILY_BUDGET = 1000;

/** Backbeat itself: the core's own scheduler, as src/extension.ts builds it, with the default budget. */
export const backbeatScheduler: Contender = { id: 'ours', name: 'Backbeat (ours)', dailyRequestBudget: DEFAULT_DAILY_BUDGET };

/** Backbeat with another daily budget (the day's rows). */
export function backbeatWithBudget(dailyRequestBudget: number): Contender {
  return { id: `ours-${dailyRequestBudget}`, name: `Backbeat, budget ${dailyRequestBudget.toLocaleString('en-US')}`, dailyRequestBudget };
}

/** The default budget with the Now Playing view open all day, Up next open and lyrics on. */
export const VIEW_OPEN_ROW: Contender = {
  id: 'ours-1000-view-open',
  name: 'Backbeat, budget 1,000, Now Playing view open, lyrics on',
  dailyRequestBudget: DEFAULT_DAILY_BUDGET,
  viewOpen: true,
};

const HOUR_MS = 3_600_000;

/**
 * The desktop day's rows: the default budget with the local player on (as shipped) and off, and on
 * with its helper hanging for 10 minutes from 11:00 (the day starts at 09:00).
 */
export const DESKTOP_DAY_ROWS: Contender[] = [
  { id: 'ours-1000', name: 'Backbeat, budget 1,000, local player on', dailyRequestBudget: DEFAULT_DAILY_BUDGET, localPlayer: true },
  { id: 'ours-1000-no-local', name: 'Backbeat, budget 1,000, local player off', dailyRequestBudget: DEFAULT_DAILY_BUDGET },
  {
    id: 'ours-1000-helper-silent',
    name: 'Backbeat, budget 1,000, local player on, its helper silent 11:00-11:10',
    dailyRequestBudget: DEFAULT_DAILY_BUDGET,
    localPlayer: true,
    helperSilence: { atMs: 2 * HOUR_MS, forMs: 10 * 60_000 },
  },
];
