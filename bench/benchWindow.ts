import type { Clock } from '../src/clock';
import { Core } from '../src/core';
import { Emitter } from '../src/emitter';
import type { PlaybackState } from '../src/playback/playbackState';
import { DEFAULT_TIMING } from '../src/playback/scheduler';
import type { WindowActivity } from '../src/playback/windowActivity';
import type { SpotifyClient } from '../src/spotify/client';
import { RetryAfterGate } from '../src/spotify/retryAfterGate';
import type { UserMessage } from '../src/ui/errorMessages';
import type { Emulator } from '../emulator';
import type { SharedSecrets } from '../test/support/fakeSecretStorage';
import { RecordingLog } from '../test/support/recordingLog';
import { tokenClient } from '../test/support/emulatorGrant';
import type { Contender } from './contender';

// One simulated VS Code window: the extension's core (src/core.ts), wired exactly as
// src/extension.ts wires it, over SecretStorage shared with the other windows. For a baseline the
// contender's rule for when to read replaces Backbeat's scheduler, and its requests ignore Retry-After.

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
  contender: Contender;
  /** Called as each Web API request is sent. */
  onRequest(): void;
}

export class SimulatedWindow {
  readonly activity = new SimulatedWindowActivity();
  readonly log = new RecordingLog();
  /** What the user was told (a refused command). */
  readonly notices: UserMessage[] = [];
  readonly core: Core;
  readonly clock: Clock;

  constructor(options: OpenWindowOptions) {
    const { emulator, clock, contender } = options;
    this.clock = clock;
    const baseline = contender.scheduling;
    this.core = new Core({
      secrets: options.secrets.window(),
      clock,
      log: this.log,
      window: this.activity,
      apiUrl: () => emulator.apiUrl,
      tokenClient: async () => tokenClient(emulator),
      showNotice: async (message) => void this.notices.push(message),
      timing: () => DEFAULT_TIMING,
      likeShown: () => false,
      onRequest: options.onRequest,
      ...(baseline && { scheduling: (parts) => baseline(parts, this), gate: (c: Clock) => new IgnoredRetryAfter(c) }),
    });
  }

  get client(): SpotifyClient {
    return this.core.client;
  }

  get state(): PlaybackState {
    return this.core.state;
  }

  /** Reads the stored session, as a window does on activation (and starts its reads). */
  async open(): Promise<void> {
    await this.core.start();
    if (!this.core.keeper.current) throw new Error('the simulated window found no session');
  }

  dispose(): void {
    this.core.dispose();
  }
}
