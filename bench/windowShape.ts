import type { Clock } from '../src/clock';
import type { PlaybackState } from '../src/playback/playbackState';
import type { PlayerCommands } from '../src/playback/playerCommands';
import type { UserMessage } from '../src/present/errorMessages';
import type { LedgerStore } from '../src/quota/ledgerStore';
import type { SpotifyClient } from '../src/spotify/client';
import type { DeviceList } from '../src/spotify/deviceList';
import type { MyPlaylists } from '../src/spotify/myPlaylists';
import type { Emulator } from '../emulator';
import type { EmulatorDesktopPlayer } from '../sim/emulatorDesktopPlayer';
import type { SharedSecrets } from '../sim/fakeSecretStorage';
import type { SimulatedWindowActivity } from '../sim/simulatedWindowActivity';
import type { Contender } from './contender';

// The shape of a simulated window the scenario drives, whichever client is in it (bench/benchWindow.ts).

/** What the scenario (bench/simulation.ts, bench/editorCommands.ts) and the staleness meter use of a window. */
export interface BenchWindow {
  readonly activity: SimulatedWindowActivity;
  /** What the status bar shows. */
  readonly state: PlaybackState;
  readonly client: SpotifyClient;
  readonly commands: PlayerCommands;
  readonly devices: DeviceList;
  readonly playlists: MyPlaylists;
  /** What the user was told (a refused command). */
  readonly notices: readonly UserMessage[];
  /** The desktop app as a helper with a heartbeat (macOS, Windows), when the row follows it. */
  readonly local?: EmulatorDesktopPlayer;
  /** Reads the stored session, as a window does on activation, and starts reading. */
  open(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenWindowOptions {
  emulator: Emulator;
  secrets: SharedSecrets;
  ledger: LedgerStore;
  clock: Clock;
  contender: Contender;
}
