import { DEFAULT_TIMING, PlaybackScheduler } from '../src/playback/scheduler';
import type { Contender } from './contender';

/** Backbeat's own scheduler, wired as src/extension.ts wires it. */
export const backbeatScheduler: Contender = {
  name: 'Backbeat (ours)',
  honoursRetryAfter: true,
  create: ({ client, state, activity, clock, log, gate }) =>
    new PlaybackScheduler({
      reader: client,
      state,
      window: activity,
      clock,
      log,
      timing: () => DEFAULT_TIMING,
      waitUntil: () => gate.blockedUntil,
      onDidChangeWait: gate.onDidChange,
    }),
};
