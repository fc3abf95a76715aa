import { SessionKeeper } from '../../src/auth/sessionKeeper';
import { SessionStore } from '../../src/auth/sessionStore';
import type { TokenError } from '../../src/auth/tokenEndpoint';
import { Emulator, EmulatorOptions, startEmulator } from '../../emulator';
import { FakeClock } from '../../sim/fakeClock';
import { SharedSecrets } from '../../sim/fakeSecretStorage';
import { emulatorTokenClient } from '../../sim/emulatorSignIn';
import { RecordingLog } from '../../sim/recordingLog';

// Shared rig for tests of several VS Code windows signed in to one account: an emulator,
// a fake clock, and the keychain all windows share; each window gets its own store and keeper.

interface WindowsRig {
  emu: Emulator;
  clock: FakeClock;
  secrets: SharedSecrets;
  /** Lets the fake clock flow alongside real time until the test ends. */
  runClock(): void;
}

/** For a describe block: a fresh emulator, fake clock and shared keychain for each test. */
export function useWindowsRig(options: EmulatorOptions = {}): WindowsRig {
  let stopClock: () => void = () => undefined;
  const rig = {
    runClock: () => {
      stopClock = rig.clock.run();
    },
  } as WindowsRig;
  beforeEach(async () => {
    rig.emu = await startEmulator(options);
    rig.clock = new FakeClock();
    rig.secrets = new SharedSecrets();
  });
  afterEach(() => {
    stopClock();
    stopClock = () => undefined;
    return rig.emu.close();
  });
  return rig;
}

/** One window's SecretStorage view, store and keeper, refreshing against `emu`. */
export function openKeeperWindow(emu: Emulator, secrets: SharedSecrets, clock: FakeClock, onSignedOutByServer: (e: TokenError) => void) {
  const log = new RecordingLog();
  const storage = secrets.window();
  const store = new SessionStore(storage, log);
  const keeper = new SessionKeeper({
    store,
    clock,
    log,
    tokenClient: async (withSecret) => emulatorTokenClient(emu, withSecret),
    onSignedOutByServer,
  });
  return { log, storage, store, keeper };
}
