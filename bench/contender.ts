import type { ReadScheduling, SchedulerOptions } from '../src/playback/scheduler';
import type { Clock } from '../src/clock';
import type { PlaybackState } from '../src/playback/playbackState';
import type { SpotifyClient } from '../src/spotify/client';

/** What a baseline sees of the simulated window it reads for (bench/benchWindow.ts). */
export interface ContenderWindow {
  readonly clock: Clock;
  readonly client: SpotifyClient;
  readonly state: PlaybackState;
  readonly activity: { readonly focused: boolean };
}

/** One row of a table: a way of deciding when to read, run in every simulated window. */
export interface Contender {
  /** The row's key in results.json: 'ours', 'ours-1000', 'A', 'B', 'C'. */
  id: string;
  name: string;
  /**
   * Another client's rule for when to read (a baseline); absent for Backbeat's own scheduler. It is
   * built while the window's core is, from the parts the core hands a scheduler.
   */
  scheduling?(parts: SchedulerOptions, window: ContenderWindow): ReadScheduling;
  /** Backbeat's `backbeat.dailyRequestBudget` for this row (baselines keep none). */
  dailyRequestBudget?: number;
  /** Each window follows the emulator's desktop app as the local player (`backbeat.localPlayer` auto). */
  localPlayer?: boolean;
  /** Each window shows the Now Playing view all day, with Up next open and lyrics on (backbeat.lyrics). */
  viewOpen?: boolean;
  /** The local player's helper hangs (writes nothing, heartbeat included) from `atMs` after the start, for `forMs`. */
  helperSilence?: { atMs: number; forMs: number };
}
