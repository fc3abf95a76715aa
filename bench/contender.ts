import type { ReadScheduling, SchedulerOptions } from '../src/playback/scheduler';
import type { SimulatedWindow } from './benchWindow';

/** One row of a table: a way of deciding when to read, run in every simulated window. */
export interface Contender {
  /** The row's key in results.json: 'ours', 'ours-1000', 'A', 'B', 'C'. */
  id: string;
  name: string;
  /**
   * Another client's rule for when to read (a baseline); absent for Backbeat's own scheduler. It is
   * built while the window's core is, from the parts the core hands a scheduler.
   */
  scheduling?(parts: SchedulerOptions, window: SimulatedWindow): ReadScheduling;
  /** Backbeat's `backbeat.dailyRequestBudget` for this row (baselines keep none). */
  dailyRequestBudget?: number;
  /** Each window follows the emulator's desktop app as the local player (`backbeat.localPlayer` auto). */
  localPlayer?: boolean;
  /** The local player's helper hangs (writes nothing, heartbeat included) from `atMs` after the start, for `forMs`. */
  helperSilence?: { atMs: number; forMs: number };
}
