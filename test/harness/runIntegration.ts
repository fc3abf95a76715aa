// The integration suite: mocha runs inside VS Code's real extension host (code-server),
// against the local Spotify emulator, while Chromium shows the workbench and answers
// VS Code's dialogs. Returns the counts the suite reported.
import * as path from 'path';
import { Page } from 'playwright-core';
import { format } from 'util';
import { autoAcceptDialogs, launchBrowser, logIn } from '../../sim/editor/browser';
import { Counts, CRASHED, failIfNothingRan, parseResultLine } from './counts';
import { startStack, StartEmulator } from './emulatorStack';
import { packageExtension } from '../../sim/editor/packageExtension';
import { artifactsDir, cleanArtifactDir, repoRoot } from '../../sim/editor/paths';
import { developmentUrl } from './payload';
import { exitWith } from './summary';
import { TestLog } from './testLog';

const SUITE_TIMEOUT_MS = 5 * 60_000;

interface IntegrationOptions {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  startEmulator?: StartEmulator;
  timeoutMs?: number;
}

export async function runIntegrationSuite(opts: IntegrationOptions = {}): Promise<Counts> {
  const log = new TestLog('integration.log');
  let stack;
  let browser;
  let stopAccepting = () => undefined as void;
  try {
    stack = await startStack({
      autoApprove: true,
      // Another extension reading Backbeat's API, installed the way a user installs one (test/integration/consumer.test.ts).
      vsixToInstall: await packageExtension(path.join(repoRoot, 'test', 'fixtures', 'consumer'), path.join(artifactsDir, 'consumer.vsix')),
      startEmulator: opts.startEmulator,
      // The tests' own files; the playback state on the extension's exports (test/integration/helpers.ts).
      env: { BACKBEAT_TEST_ARTIFACTS: cleanArtifactDir('integration') },
    });
    browser = await launchBrowser();
    stopAccepting = autoAcceptDialogs(browser.context, log.write);
    await logIn(browser.context, stack.codeServer);
    const url = developmentUrl(stack.codeServer.url, {
      extensionDevelopmentPath: opts.extensionDevelopmentPath ?? repoRoot,
      extensionTestsPath: opts.extensionTestsPath ?? path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      workspaceFolder: stack.codeServer.workspaceFolder,
    });
    log.write(`[integration] code-server ${stack.codeServer.url}, emulator ${stack.emulatorOrigin}; log ${log.file}`);
    const counts = await runTestsInWorkbench(browser.page, url, log.write, opts.timeoutMs ?? SUITE_TIMEOUT_MS);
    if (counts.failed > 0) log.write(`[integration] code-server's log: ${stack.codeServer.logFile}`);
    return counts;
  } finally {
    stopAccepting();
    await browser?.close();
    await stack?.stop();
    log.close();
  }
}

/** Opens the payload URL and collects the extension host's test output and exit code. */
async function runTestsInWorkbench(page: Page, url: string, write: (line: string) => void, timeoutMs: number): Promise<Counts> {
  let result: Counts | undefined;
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  // The workbench calls these when it runs extension tests (VS Code's automation hooks).
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
    const text = format(...(Array.isArray(args) ? args : [args])).replace(/\n$/, '');
    for (const line of text.split('\n')) result = parseResultLine(line) ?? result;
    write(text);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
  const gaveUp = new Promise<string>((resolve) => {
    page.once('crash', () => resolve('the workbench page crashed'));
    setTimeout(() => resolve(`no result within ${timeoutMs / 1000} s`), timeoutMs).unref();
  });

  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const outcome = await Promise.race([exited, gaveUp]);
  if (typeof outcome === 'string') {
    write(`[integration] ${outcome}`);
    return { passed: result?.passed ?? 0, failed: Math.max(1, result?.failed ?? 0), skipped: result?.skipped ?? 0, note: outcome };
  }
  if (!result) {
    write(`[integration] the suite exited with ${outcome} without reporting counts`);
    return CRASHED;
  }
  // BACKBEAT_TEST_GREP reaches the extension host through code-server's environment.
  const judged = failIfNothingRan(result, process.env.BACKBEAT_TEST_GREP || undefined);
  // The counts are the truth, except that a non-zero exit must never read as green.
  return outcome !== 0 && judged.failed === 0 ? { ...judged, failed: 1, note: `the extension host's tests exited with ${outcome}` } : judged;
}

if (require.main === module) {
  runIntegrationSuite().then(exitWith, (err) => {
    console.error(err);
    process.exit(1);
  });
}
