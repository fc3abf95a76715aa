// The local Spotify emulator plus a code-server whose settings and environment point the
// extension at it: what the integration suite, the e2e test and the sandbox all need. A private
// D-Bus session bus joins them: the emulator publishes its computer's Spotify desktop app there
// (MPRIS) and the extension host finds it through DBUS_SESSION_BUS_ADDRESS, so one emulator
// drives both the Web API and the local path.
import { startPrivateBus } from '../../sim/privateBus';
import { CodeServer, CodeServerOptions, launchCodeServer } from '../../sim/editor/launchCodeServer';
import { freePort } from '../../sim/editor/net';

type EmulatorModule = typeof import('../../emulator');
export type StartEmulator = EmulatorModule['startEmulator'];
type Emulator = Awaited<ReturnType<StartEmulator>>;

/** Loopback address other than 127.0.0.1: code-server rewrites openExternal links to
 *  127.0.0.1/localhost into its own proxy route, so the emulator must live elsewhere. */
export const EMULATOR_HOST = '127.0.0.2';

interface StackOptions extends Omit<CodeServerOptions, 'port' | 'trustedDomains'> {
  /** false shows the emulator's consent page, as real Spotify would. */
  autoApprove: boolean;
  emulatorPort?: number;
  codeServerPort?: number;
  /** Replaces the emulator module (a stand-in while checking the harness itself). */
  startEmulator?: StartEmulator;
  /** The emulator's desktop app runs from the start (tests that want it turn it on with `desktopRunning`). */
  desktopRunning?: boolean;
}

export interface Stack {
  emulator: Emulator;
  codeServer: CodeServer;
  /** Origin of the emulator, e.g. http://127.0.0.2:8890 */
  emulatorOrigin: string;
  /** The private D-Bus session bus the emulator's desktop app is published on. */
  busAddress: string;
  stop(): Promise<void>;
}

/** The settings that send the extension to the emulator instead of Spotify. */
export function emulatorSettings(emulator: Emulator): Record<string, unknown> {
  return {
    'backbeat.clientId': emulator.clientId,
    'backbeat.accountsUrl': emulator.accountsUrl,
    'backbeat.apiUrl': emulator.apiUrl,
    // Lyrics, once turned on, ask the emulator's LRCLIB stand-in, never lrclib.net.
    'backbeat.lyricsUrl': emulator.lyricsUrl,
  };
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const startEmulator = opts.startEmulator ?? (await import('../../emulator')).startEmulator;
  // code-server's sign-in callback URL changes per request, so the emulator must accept
  // any redirect under code-server's origin; its port is therefore chosen first.
  const codeServerPort = opts.codeServerPort ?? (await freePort());
  const bus = startPrivateBus();
  const emulator = await startEmulator({
    desktopBus: bus.address,
    desktopRunning: opts.desktopRunning ?? false,
    host: EMULATOR_HOST,
    port: opts.emulatorPort ?? 0,
    autoApprove: opts.autoApprove,
    // localhost too: a person may open the sandbox as http://localhost:PORT.
    redirectUris: [`http://127.0.0.1:${codeServerPort}/*`, `http://localhost:${codeServerPort}/*`],
  }).catch((error: unknown) => {
    bus.stop();
    throw error;
  });
  const emulatorOrigin = new URL(emulator.accountsUrl).origin;
  try {
    const codeServer = await launchCodeServer({
      ...opts,
      port: codeServerPort,
      userSettings: { ...emulatorSettings(emulator), ...opts.userSettings },
      env: { BACKBEAT_EMULATOR_CONTROL: emulator.controlUrl, DBUS_SESSION_BUS_ADDRESS: bus.address, ...opts.env },
      trustedDomains: [emulatorOrigin],
    });
    return {
      emulator,
      codeServer,
      emulatorOrigin,
      busAddress: bus.address,
      async stop() {
        await codeServer.stop();
        await emulator.close();
        bus.stop();
      },
    };
  } catch (err) {
    await emulator.close();
    bus.stop();
    throw err;
  }
}
