import type { Clock } from '../../src/clock';
import { Core, CoreHost } from '../../src/core';
import { Emitter } from '../../src/emitter';
import { DEFAULT_TIMING } from '../../src/playback/scheduler';
import type { WindowActivity } from '../../src/windowActivity';
import type { UserMessage } from '../../src/present/errorMessages';
import type { Emulator } from '../../emulator';
import { tokenClient } from './emulatorGrant';
import type { SharedSecrets } from './fakeSecretStorage';
import type { LedgerStore } from '../../src/quota/ledgerStore';
import { RecordingLog } from './recordingLog';

// One simulated VS Code window on Node: the extension's core (src/core.ts), wired as
// src/extension.ts wires it, over SecretStorage and a ledger folder shared with the other windows,
// talking to the emulator. Only VS Code's parts are doubles: focus, notifications, storage.

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

interface CoreWindowOptions {
  emulator: Emulator;
  secrets: SharedSecrets;
  /** The request ledger's storage, shared by the windows of one machine. */
  ledger: LedgerStore;
  clock: Clock;
  /** `backbeat.dailyRequestBudget`; 0 for none. */
  dailyRequestBudget: number;
  /** What the host adds or replaces (a request counter, the desktop app, session marks). */
  overrides?: Partial<CoreHost>;
}

export class CoreWindow {
  readonly activity = new SimulatedWindowActivity();
  readonly log = new RecordingLog();
  /** What the user was told. */
  readonly notices: UserMessage[] = [];
  readonly core: Core;

  constructor(options: CoreWindowOptions) {
    const { emulator } = options;
    this.core = new Core({
      secrets: options.secrets.window(),
      clock: options.clock,
      log: this.log,
      window: this.activity,
      apiUrl: () => emulator.apiUrl,
      ledgerStore: options.ledger,
      dailyRequestBudget: () => options.dailyRequestBudget,
      tokenClient: async () => tokenClient(emulator),
      showNotice: async (message) => void this.notices.push(message),
      timing: () => DEFAULT_TIMING,
      likeShown: () => false,
      ...options.overrides,
    });
  }

  /** Reads the stored session and the ledger, as a window does on activation. */
  open(): Promise<void> {
    return this.core.start();
  }

  /** Deactivation; resolves once its ledger lines are stored. */
  async close(): Promise<void> {
    this.core.dispose();
    await this.core.ledger.flushed();
  }
}
