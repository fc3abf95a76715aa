import type { Clock } from '../src/clock';
import { Core, CoreHost } from '../src/core';
import { DEFAULT_TIMING } from '../src/playback/scheduler';
import type { LedgerStore } from '../src/quota/ledgerStore';
import { DAILY_REQUEST_BUDGET } from '../src/vscode/settings/numberSettings';
import type { Emulator } from '../emulator';
import { emulatorSettings, emulatorSignInHost } from './emulatorSignIn';
import type { SharedSecrets } from './fakeSecretStorage';
import { MemoryMemento } from './memoryMemento';
import { RecordingLog } from './recordingLog';
import { UserNotices } from './userNotices';
import { SimulatedWindowActivity } from './simulatedWindowActivity';

// One simulated VS Code window on Node, the one way the unit tests, the hardening suite and the
// benchmark build the extension's core (src/core.ts), wired as src/extension.ts wires it, over
// SecretStorage and a ledger shared with the other windows, talking to the emulator. Only VS
// Code's parts are doubles: focus, notifications, storage, settings.

interface CoreWindowOptions {
  emulator: Emulator;
  secrets: SharedSecrets;
  /** The request ledger's storage, shared by the windows of one machine. */
  ledger: LedgerStore;
  clock: Clock;
  /** `backbeat.dailyRequestBudget`, 0 for none; the shipped default when absent. */
  dailyRequestBudget?: number;
  /** The window has focus and is in use from the start (else it opens in the background). */
  focused?: boolean;
  /** What this host adds (a desktop app, a request timeout, a request counter, the like flag shown). */
  host?: Partial<Pick<CoreHost, 'localPlayer' | 'requestTimeoutMs' | 'likeShown' | 'sessionMarks'>>;
}

export class CoreWindow {
  readonly activity: SimulatedWindowActivity;
  readonly log = new RecordingLog();
  /** What the user was shown, each notification open until dismissed. */
  readonly notices = new UserNotices();
  readonly core: Core;

  constructor(options: CoreWindowOptions) {
    const { emulator } = options;
    const budget = options.dailyRequestBudget ?? DAILY_REQUEST_BUDGET.fallback;
    this.activity = new SimulatedWindowActivity(options.focused ?? false, options.focused ?? false);
    this.core = new Core({
      secrets: options.secrets.window(),
      clock: options.clock,
      log: this.log,
      window: this.activity,
      spotify: () => emulatorSettings(emulator),
      memento: new MemoryMemento(),
      signIn: emulatorSignInHost(emulator),
      ledgerStore: options.ledger,
      dailyRequestBudget: () => budget,
      showNotice: this.notices.show,
      timing: () => DEFAULT_TIMING,
      likeShown: () => false,
      ...options.host,
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
