import type { Contender } from './contender';

/** Backbeat itself: the core's own scheduler, as src/extension.ts builds it. */
export const backbeatScheduler: Contender = { name: 'Backbeat (ours)' };
