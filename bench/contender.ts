import type { ReadScheduling } from '../src/playback/scheduler';
import type { Clock } from '../src/clock';
import type { PlaybackState } from '../src/playback/playbackState';
import type { SpotifyClient } from '../src/spotify/client';

/** What a baseline's reading rule sees of the client it reads for (bench/baselines/baselineClient.ts). */
export interface ContenderWindow {
  readonly clock: Clock;
  readonly client: SpotifyClient;
  readonly state: PlaybackState;
  readonly activity: { readonly focused: boolean };
}

/** One row of a table: a Spotify client run in every simulated window. */
export interface Contender {
  /** The row's key in results.json: 'ours', 'ours-1000', 'A', 'B', 'C'. */
  id: string;
  name: string;
  /**
   * Another client's rule for when to read (a baseline, run as its own client); absent for Backbeat,
   * whose core reads as the extension does.
   */
  reading?(window: ContenderWindow): ReadScheduling;
  /** Backbeat's `backbeat.dailyRequestBudget` for this row (baselines keep none). */
  dailyRequestBudget?: number;
  /** Each window follows the emulator's desktop app as the local player (`backbeat.localPlayer` auto). */
  localPlayer?: boolean;
  /** Each window shows the Now Playing view all day, with Up next open and lyrics on (backbeat.lyrics). */
  viewOpen?: boolean;
  /** The local player's helper hangs (writes nothing, heartbeat included) from `atMs` after the start, for `forMs`. */
  helperSilence?: { atMs: number; forMs: number };
}
