// `npm run sandbox`: the freshly built extension in a real VS Code (code-server) talking
// to the local Spotify emulator, for trying it by hand in a browser. Runs until Ctrl+C.
// Its VS Code profile (<cache>/sandbox) is kept between runs unless `-- --fresh`; the
// emulator starts fresh. code-server asks for a password made up at each start.
import * as fs from 'fs';
import * as path from 'path';
import { ensureCodeServer } from '../../sim/editor/codeServer';
import { EMULATOR_HOST, startStack } from './emulatorStack';
import { preferPort } from '../../sim/editor/net';
import { packageExtension } from '../../sim/editor/packageExtension';
import { cacheDir } from '../../sim/editor/paths';
import { ensurePrerequisites } from './prerequisites';
import { parseSandboxArgs, sandboxBanner } from './sandboxBanner';

const PREFERRED_EMULATOR_PORT = 8890;

async function main(): Promise<void> {
  const { fresh } = parseSandboxArgs(process.argv.slice(2));
  await ensurePrerequisites();
  await ensureCodeServer();
  const home = path.join(cacheDir, 'sandbox');
  if (fresh) fs.rmSync(home, { recursive: true, force: true });
  const vsix = await packageExtension(undefined, path.join(home, 'backbeat-spotify.vsix'));
  const stack = await startStack({
    autoApprove: false,
    emulatorPort: await preferPort(PREFERRED_EMULATOR_PORT, EMULATOR_HOST),
    // code-server on a free port (startStack's default), behind its password.
    userDataDir: path.join(home, 'user-data'),
    extensionsDir: path.join(home, 'extensions'),
    workspaceFolder: path.join(home, 'workspace'),
    vsixToInstall: vsix,
    // A newcomer sees both sources: the desktop app on this "computer" and the Web API.
    desktopRunning: true,
  });
  const { emulator, codeServer } = stack;

  console.log(sandboxBanner({
    codeServerUrl: codeServer.url,
    password: codeServer.password,
    phoneUrl: `${stack.emulatorOrigin}/`,
    accountsUrl: emulator.accountsUrl,
    apiUrl: emulator.apiUrl,
    controlUrl: emulator.controlUrl,
    clientId: emulator.clientId,
    busAddress: stack.busAddress,
    serverLog: codeServer.logFile,
    profileDir: home,
    fresh,
  }));

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
