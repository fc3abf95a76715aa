// `npm run sandbox`: the freshly built extension in a real VS Code (code-server) talking
// to the local Spotify emulator, for trying it by hand in a browser. Runs until Ctrl+C.
// Its VS Code profile (<cache>/sandbox) is kept between runs; the emulator starts fresh.
import * as path from 'path';
import { ensureCodeServer } from './codeServer';
import { EMULATOR_HOST, startStack } from './emulatorStack';
import { preferPort } from './net';
import { packageExtension } from './packageExtension';
import { cacheDir } from './paths';
import { ensurePrerequisites } from './prerequisites';

const PREFERRED_CODE_SERVER_PORT = 8080;
const PREFERRED_EMULATOR_PORT = 8890;

async function main(): Promise<void> {
  await ensurePrerequisites();
  await ensureCodeServer();
  const home = path.join(cacheDir, 'sandbox');
  const vsix = await packageExtension(undefined, path.join(home, 'backbeat-spotify.vsix'));
  const stack = await startStack({
    autoApprove: false,
    emulatorPort: await preferPort(PREFERRED_EMULATOR_PORT, EMULATOR_HOST),
    codeServerPort: await preferPort(PREFERRED_CODE_SERVER_PORT),
    userDataDir: path.join(home, 'user-data'),
    extensionsDir: path.join(home, 'extensions'),
    workspaceFolder: path.join(home, 'workspace'),
    vsixToInstall: vsix,
    // A newcomer sees both sources: the desktop app on this "computer" and the Web API.
    desktopRunning: true,
  });
  const { emulator, codeServer } = stack;

  console.log(`
Backbeat sandbox is running.

  Open VS Code:      ${codeServer.url}
  Your phone:        ${stack.emulatorOrigin}/
                     what plays, play/pause, next, seek, "Play on", and buttons that make
                     Spotify misbehave (429, daily quota spent, 503, revoked or six-month-old sign-in)
  Spotify emulator:  accounts ${emulator.accountsUrl}
                     web API  ${emulator.apiUrl}
                     control  ${emulator.controlUrl}
  Client id:         ${emulator.clientId}
  Desktop app:       the emulator's computer, as org.mpris.MediaPlayer2.spotify on a private
                     D-Bus session bus; try: DBUS_SESSION_BUS_ADDRESS='${stack.busAddress}' playerctl -p spotify next
  Server log:        ${codeServer.logFile}

The status bar already follows the emulator's desktop app before you sign in.
Run "Spotify: Sign In" from the command palette (F1), then change the music on the phone
and watch the status bar follow. Both servers listen on loopback only: open the URLs in a
browser on this machine. Press Ctrl+C to stop.
`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('\nstopping...');
  await stack.stop();
  console.log('sandbox stopped');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
