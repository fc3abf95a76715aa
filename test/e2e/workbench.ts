// What every e2e test starts from: the packaged extension installed in code-server,
// wired to the emulator (with its consent page, like real Spotify), the workbench open in
// Chromium, nobody signed in.
import * as path from 'path';
import { autoAcceptDialogs, Browser, clickDialogButton, launchBrowser, logIn, openWorkbench, runCommand, screenshot, statusBarItem } from '../../sim/editor/browser';
import { Stack, startStack, StartEmulator } from '../harness/emulatorStack';
import { packageExtension } from '../../sim/editor/packageExtension';
import { artifactsDir, repoRoot } from '../../sim/editor/paths';
import type { UntilOptions } from '../../sim/until';

export interface Workbench {
  stack: Stack;
  browser: Browser;
  /** Where screenshots go: .test-artifacts/screenshots, or media/screenshots under `npm run screenshots`. */
  screenshotsDir: string;
  stop(): Promise<void>;
}

interface WorkbenchOptions {
  /** Another extension folder to package (checking the harness with a stand-in). */
  extensionRoot?: string;
  startEmulator?: StartEmulator;
  screenshotsDir?: string;
  /** More user settings, over the harness's (e.g. `backbeat.lyrics`). */
  userSettings?: Record<string, unknown>;
}

/**
 * The hooks a suite needs around its workbench: on a failure, a screenshot of what the user saw
 * next to code-server's log; at the end, everything stopped.
 */
export function stopAfterwards(workbench: () => Workbench | undefined): void {
  afterEach(async function () {
    const wb = workbench();
    if (this.currentTest?.state !== 'failed' || !wb) return;
    const file = path.join(artifactsDir, `e2e-failure-${this.currentTest.title.replace(/\W+/g, '-')}.png`);
    await screenshot(wb.browser.page, file).catch(() => undefined);
    console.log(`      screenshot: ${file}\n      code-server log: ${wb.stack.codeServer.logFile}`);
  });
  after(async function () {
    await workbench()?.stop();
  });
}

export async function openSignedOutWorkbench(opts: WorkbenchOptions = {}): Promise<Workbench> {
  const vsix = await packageExtension(opts.extensionRoot ?? repoRoot);
  const stack = await startStack({
    autoApprove: false,
    vsixToInstall: vsix,
    startEmulator: opts.startEmulator,
    // Screenshots go in the README: show VS Code's default look.
    userSettings: { 'workbench.colorTheme': 'Default Dark Modern', ...opts.userSettings },
  });
  let browser: Browser | undefined;
  let stopAccepting = () => undefined as void;
  try {
    browser = await launchBrowser();
    stopAccepting = autoAcceptDialogs(browser.context, (line) => console.log(`      ${line}`));
    await logIn(browser.context, stack.codeServer);
    await openWorkbench(browser.page, stack.codeServer.url);
  } catch (err) {
    stopAccepting();
    await browser?.close();
    await stack.stop();
    throw err;
  }
  const opened = browser;
  return {
    stack,
    browser: opened,
    screenshotsDir: opts.screenshotsDir ?? process.env.BACKBEAT_SCREENSHOTS_DIR ?? path.join(artifactsDir, 'screenshots'),
    async stop() {
      stopAccepting();
      await opened.close();
      await stack.stop();
    },
  };
}

const UI_TIMEOUT_MS = 20_000;
/** How `until` waits on the page and the emulator: the page answers slower than Node. */
export const UI_WAIT: UntilOptions = { timeoutMs: UI_TIMEOUT_MS, pollMs: 200 };

/**
 * Signs in as a person does: "Spotify: Sign In", Approve on the consent page in the popup, and
 * the track in the status bar. The extension must be up (its status bar item showing).
 */
export async function signInThroughConsent(wb: Workbench): Promise<void> {
  const { page, context } = wb.browser;
  await statusBarItem(page, 'nowPlaying').filter({ hasText: 'Sign in to Spotify' }).waitFor({ timeout: UI_TIMEOUT_MS });
  const popupOpened = context.waitForEvent('page', { timeout: UI_TIMEOUT_MS });
  await runCommand(page, 'Spotify: Sign In');
  // VS Code may ask first; the auto-accepter answers, this only makes the step explicit when it is up now.
  await clickDialogButton(page, 'Allow', 1000).catch(() => undefined);
  const consent = await popupOpened;
  await consent.getByRole('button', { name: 'Approve' }).click({ timeout: UI_TIMEOUT_MS });
  await statusBarItem(page, 'nowPlaying').filter({ hasText: 'Teardrop' }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Spotify's image CDN stands in locally, as the emulator does for the API: covers load from media/icon.png. */
export async function serveCoversLocally(wb: Workbench): Promise<void> {
  await wb.browser.context.route('https://i.scdn.co/**', (route) => route.fulfill({ path: path.join(repoRoot, 'media', 'icon.png'), contentType: 'image/png' }));
}

/** Where most suites start: signed in through Spotify's consent page, covers served locally. */
export async function openSignedInWorkbench(): Promise<Workbench> {
  const wb = await openSignedOutWorkbench();
  await serveCoversLocally(wb);
  await signInThroughConsent(wb);
  return wb;
}

/** Switches the workbench to VS Code's Light Modern theme, as a person does from the palette. */
export async function switchToLightTheme(page: Workbench['browser']['page']): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill('Light Modern');
  await page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: 'Light Modern' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await input.press('Enter');
  await page.locator('.monaco-workbench.vs').waitFor({ timeout: UI_TIMEOUT_MS });
}
