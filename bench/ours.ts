import type { Contender } from './contender';

/** `backbeat.dailyRequestBudget`'s default. */
const DEFAULT_DAILY_BUDGET = 1000;

/** Backbeat itself: the core's own scheduler, as src/extension.ts builds it, with the default budget. */
export const backbeatScheduler: Contender = { id: 'ours', name: 'Backbeat (ours)', dailyRequestBudget: DEFAULT_DAILY_BUDGET };

/** Backbeat with another daily budget (the day's rows). */
export function backbeatWithBudget(dailyRequestBudget: number): Contender {
  return { id: `ours-${dailyRequestBudget}`, name: `Backbeat, budget ${dailyRequestBudget.toLocaleString('en-US')}`, dailyRequestBudget };
}

/** The desktop day's rows: the default budget with the local player on (as shipped) and off. */
export const DESKTOP_DAY_ROWS: Contender[] = [
  { id: 'ours-1000', name: 'Backbeat, budget 1,000, local player on', dailyRequestBudget: DEFAULT_DAILY_BUDGET, localPlayer: true },
  { id: 'ours-1000-no-local', name: 'Backbeat, budget 1,000, local player off', dailyRequestBudget: DEFAULT_DAILY_BUDGET },
];
