// `npm run test:desktop`: the same integration suite in desktop VS Code, downloaded by
// @vscode/test-electron (needs the internet, unlike `npm test`, which uses code-server).
import * as fs from 'fs';
import * as path from 'path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { EMULATOR_HOST, emulatorSettings } from './emulatorStack';
import { BASE_SETTINGS, writeUserSettings } from '../../sim/editor/launchCodeServer';
import { cacheDir, cleanArtifactDir, freshScratchDir, repoRoot } from '../../sim/editor/paths';

async function main(): Promise<number> {
  const { startEmulator } = await import('../../emulator');
  // Desktop VS Code signs in through vscode://backbeat.spotify/callback, one of the
  // emulator's default redirect URIs; consent is automatic since no browser is driven.
  const emulator = await startEmulator({ host: EMULATOR_HOST, port: 0, autoApprove: true });
  const runDir = freshScratchDir('desktop');
  const userDataDir = path.join(runDir, 'user-data');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  writeUserSettings(userDataDir, { ...BASE_SETTINGS, ...emulatorSettings(emulator) });
  try {
    await runTests({
      version: process.env.BACKBEAT_VSCODE_VERSION ?? 'stable',
      cachePath: path.join(cacheDir, 'vscode-test'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [
        workspace,
        '--user-data-dir', userDataDir,
        '--extensions-dir', path.join(runDir, 'extensions'),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
      extensionTestsEnv: { BACKBEAT_EMULATOR_CONTROL: emulator.controlUrl, BACKBEAT_TEST_ARTIFACTS: cleanArtifactDir('integration-desktop') },
    });
    return 0;
  } catch (err) {
    if (err instanceof TestRunFailedError) {
      console.error(`desktop integration tests failed: ${err.message}`);
    } else {
      console.error(
        `Could not download or start desktop VS Code (${err instanceof Error ? err.message : String(err)}).\n` +
          'This needs the internet. Without it, `npm test` runs the same suite in code-server.',
      );
    }
    return 1;
  } finally {
    await emulator.close();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
