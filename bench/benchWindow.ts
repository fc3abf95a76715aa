import { SessionKeeper } from '../src/auth/sessionKeeper';
import { SessionStore } from '../src/auth/sessionStore';
import type { Clock } from '../src/clock';
import { Emitter } from '../src/emitter';
import { PlaybackState } from '../src/playback/playbackState';
import type { WindowActivity } from '../src/playback/scheduler';
import { SpotifyClient } from '../src/spotify/client';
import { SpotifyHttp } from '../src/spotify/http';
import { RetryAfterGate } from '../src/spotify/retryAfterGate';
import type { Emulator } from '../emulator';
import type { SharedSecrets } from '../test/support/fakeSecretStorage';
import { RecordingLog } from '../test/support/recordingLog';
import { tokenClient } from '../test/support/emulatorGrant';

/**
 * One simulated VS Code window: its own extension host parts (session keeper over the shared
 * SecretStorage, Retry-After gate, HTTP client, playback state), built from the real classes and
 * wired as `src/extension.ts` wires them. Which scheduler reads for it is the benchmark's variable.
 */
export class SimulatedWindowActivity implements WindowActivity {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  focused = false;
  active = false;

  set(focused: boolean, active: boolean): void {
    if (focused === this.focused && active === this.active) return;
    this.focused = focused;
    this.active = active;
    this.changed.fire();
  }
}

/** The clients the baselines reproduce do not honour Retry-After: their gate never closes. */
class IgnoredRetryAfter extends RetryAfterGate {
  remainingSeconds(): number {
    return 0;
  }
}

export interface OpenWindowOptions {
  emulator: Emulator;
  secrets: SharedSecrets;
  clock: Clock;
  honoursRetryAfter: boolean;
  /** Called as each Web API request is sent. */
  onRequest(): void;
}

export class SimulatedWindow {
  readonly activity = new SimulatedWindowActivity();
  readonly log = new RecordingLog();
  readonly state: PlaybackState;
  readonly client: SpotifyClient;
  readonly gate: RetryAfterGate;
  readonly clock: Clock;
  private readonly store: SessionStore;
  private readonly keeper: SessionKeeper;

  constructor(options: OpenWindowOptions) {
    const { emulator, clock } = options;
    this.clock = clock;
    this.store = new SessionStore(options.secrets.window(), this.log);
    this.keeper = new SessionKeeper({
      store: this.store,
      clock,
      log: this.log,
      tokenClient: async () => tokenClient(emulator),
      onSignedOutByServer: (error) => this.log.error('signed out by Spotify', error),
    });
    this.gate = options.honoursRetryAfter ? new RetryAfterGate(clock) : new IgnoredRetryAfter(clock);
    this.client = new SpotifyClient(new SpotifyHttp({ apiUrl: () => emulator.apiUrl, tokens: this.keeper, gate: this.gate, clock, log: this.log, onRequest: options.onRequest }));
    this.state = new PlaybackState(clock);
  }

  /** Reads the stored session, as a window does on activation. */
  async initialize(): Promise<void> {
    await this.keeper.initialize();
    if (!this.keeper.current) throw new Error('the simulated window found no session');
    this.state.setAvailability({ kind: 'unknown' });
  }

  dispose(): void {
    this.keeper.dispose();
    this.store.dispose();
    this.gate.dispose();
    this.state.dispose();
  }
}
