import type { Disposable } from '../../src/disposable';
import { SessionKeeper } from '../../src/auth/sessionKeeper';
import { SessionStore } from '../../src/auth/sessionStore';
import type { Clock } from '../../src/clock';
import { PlaybackState } from '../../src/playback/playbackState';
import { PlayerCommands } from '../../src/playback/playerCommands';
import type { ReadScheduling } from '../../src/playback/scheduler';
import type { UserMessage } from '../../src/present/errorMessages';
import { Notices } from '../../src/present/notices';
import { SpotifyClient } from '../../src/spotify/client';
import { DeviceList } from '../../src/spotify/deviceList';
import { SpotifyHttp } from '../../src/spotify/http';
import { MyPlaylists } from '../../src/spotify/myPlaylists';
import { RetryAfterGate } from '../../src/spotify/retryAfterGate';
import { RecordingLog } from '../../sim/recordingLog';
import { SimulatedWindowActivity } from '../../sim/simulatedWindowActivity';
import type { BenchWindow, OpenWindowOptions } from '../windowShape';
import type { Contender, ContenderWindow } from '../contender';

// A baseline: another Spotify extension in one simulated window, not Backbeat's core. It has what
// such an extension has, from the same parts: its tokens (SessionStore and SessionKeeper over the
// keychain the windows share), a Web API client that ignores Retry-After and keeps no budget, the
// playback state it shows, the commands the scenario runs, and its own rule for when to read.

/** The clients the baselines reproduce do not honour Retry-After: their gate never closes. */
class IgnoredRetryAfter extends RetryAfterGate {
  remainingSeconds(): number {
    return 0;
  }
}

export class BaselineClient implements BenchWindow, ContenderWindow {
  readonly activity = new SimulatedWindowActivity();
  readonly notices: UserMessage[] = [];
  readonly clock: Clock;
  readonly state: PlaybackState;
  readonly client: SpotifyClient;
  readonly devices: DeviceList;
  readonly playlists: MyPlaylists;
  readonly commands: PlayerCommands;
  private readonly gate: RetryAfterGate;
  private readonly store: SessionStore;
  private readonly keeper: SessionKeeper;
  private readonly reading: ReadScheduling;
  private readonly subscription: Disposable;

  constructor(options: OpenWindowOptions, reading: NonNullable<Contender['reading']>) {
    const { clock, emulator } = options;
    const log = new RecordingLog();
    const notices = new Notices(log, clock, async (message) => void this.notices.push(message));
    this.clock = clock;
    this.gate = new IgnoredRetryAfter(clock);
    this.store = new SessionStore(options.secrets.window(), log);
    this.keeper = new SessionKeeper({
      store: this.store,
      clock,
      log,
      tokenClient: async () => ({ accountsUrl: emulator.accountsUrl, clientId: emulator.clientId }),
      onSignedOutByServer: (error) => notices.report(error, 'Refresh'),
    });
    this.client = new SpotifyClient(
      new SpotifyHttp({ apiUrl: () => emulator.apiUrl, tokens: this.keeper, gate: this.gate, clock, log }),
    );
    this.devices = new DeviceList(this.client, clock);
    this.playlists = new MyPlaylists(this.client);
    this.state = new PlaybackState(clock);
    this.reading = reading(this);
    this.commands = new PlayerCommands({ client: this.client, devices: this.devices, state: this.state, scheduler: this.reading, notices, log });
    this.subscription = this.keeper.onDidChange(() => this.followSession());
  }

  async open(): Promise<void> {
    await this.keeper.initialize();
    if (!this.keeper.current) throw new Error('the simulated window found no session');
    this.followSession();
  }

  /** Any change of the session (a sign-in, a new token) starts it over: what it remembered goes, its reading restarts. */
  private followSession(): void {
    this.devices.forget();
    this.playlists.forget();
    this.reading.setEnabled(!!this.keeper.current);
  }

  async close(): Promise<void> {
    this.subscription.dispose();
    this.reading.dispose();
    this.keeper.dispose();
    this.store.dispose();
    this.gate.dispose();
    this.state.dispose();
  }
}
