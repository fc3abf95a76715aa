import { SessionStore } from '../../src/auth/sessionStore';
import { startEmulator, VIRTUAL_START_MS, type Emulator, type EmulatorOptions } from '../../emulator';
import { CoreWindow } from '../../sim/coreWindow';
import { signInToEmulator } from '../../sim/emulatorSignIn';
import { SharedSecrets } from '../../sim/fakeSecretStorage';
import type { InFlightRequests } from '../../sim/inFlightRequests';
import { MemoryLedgerStore } from '../../sim/memoryLedgerStore';
import { MemorySessionMarks } from '../../sim/memorySessionMarks';
import { RecordingLog } from '../../sim/recordingLog';
import { FakeClock } from '../../sim/fakeClock';

// One computer for tests of several windows: the emulator on a virtual clock that waits for HTTP,
// a signed-in session in the keychain the windows share, and the request ledger's storage.

interface SimulatedMachine {
  emulator: Emulator;
  clock: FakeClock;
  secrets: SharedSecrets;
  /** A VS Code window opening on this machine (a restart is a new one). */
  open(dailyRequestBudget?: number): Promise<CoreWindow>;
  /** Web API requests the emulator served the windows, oldest first. */
  apiRequests(): { time: number; status: number; path: string }[];
  close(): Promise<void>;
}

interface MachineOptions {
  emulator?: EmulatorOptions;
  /** false: windows hear nothing of each other's sign-ins. */
  secretsAnnounced?: boolean;
  /** Each window reads its own copy of SecretStorage, taken when it opened (code-server's tabs). */
  tabCopies?: boolean;
}

export async function simulatedMachine(inFlight: InFlightRequests, options: MachineOptions = {}): Promise<SimulatedMachine> {
  const clock = new FakeClock(VIRTUAL_START_MS, inFlight);
  const emulator = await startEmulator({ ...options.emulator, clock: clock.world, tokenLifetimeSeconds: 3 * 24 * 3600 });
  const secrets = new SharedSecrets(options.secretsAnnounced ?? true, options.tabCopies ?? false);
  const sessionMarks = new MemorySessionMarks();
  const log = new RecordingLog();
  await new SessionStore(secrets.window(), log).write(await signInToEmulator(emulator, clock, log));
  // The sign-in's own request (GET /me) is the machine's set-up, not the windows'.
  const setUp = emulator.requests.length;
  const ledger = new MemoryLedgerStore();
  const windows: CoreWindow[] = [];
  return {
    emulator,
    clock,
    secrets,
    async open(dailyRequestBudget?: number) {
      const window = new CoreWindow({ emulator, secrets, ledger, clock, dailyRequestBudget, host: { sessionMarks } });
      windows.push(window);
      await window.open();
      return window;
    },
    apiRequests: () => emulator.requests.slice(setUp).filter((r) => r.path.startsWith('/v1')),
    async close() {
      await Promise.all(windows.map((w) => w.close()));
      await emulator.close();
    },
  };
}
