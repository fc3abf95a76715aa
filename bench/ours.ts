import type { Contender } from './contender';

/** `backbeat.dailyRequestBudget`'s default. */
export const DEFAULT_DAILY_BUDGET = 1000;

/** Backbeat itself: the core's own scheduler, as src/extension.ts builds it, with the default budget. */
export const backbeatScheduler: Contender = { id: 'ours', name: 'Backbeat (ours)', dailyRequestBudget: DEFAULT_DAILY_BUDGET };

/** Backbeat with another daily budget (the day's rows). */
export function backbeatWithBudget(dailyRequestBudget: number): Contender {
  return { id: `ours-${dailyRequestBudget}`, name: `Backbeat, budget ${dailyRequestBudget.toLocaleString('en-US')}`, dailyRequestBudget };
}
