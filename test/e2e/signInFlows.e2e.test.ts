// Signing in the way a person does in a real VS Code (code-server + Chromium), through each
// flow: the emulator shows its consent page like Spotify, the person clicks Approve in the
// popup; for the paste flow they copy the address the popup ended on into VS Code. Then the
// session survives a restart of code-server and is signed out from the Accounts menu.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Page, Request } from 'playwright-core';
import { openWorkbench, runCommand, screenshot, statusBarItem } from '../../sim/editor/browser';
import { writeUserSettings } from '../../sim/editor/launchCodeServer';
import { until } from '../../sim/until';
import { openSignedOutWorkbench, stopAfterwards, UI_WAIT, Workbench } from './workbench';

const UI_TIMEOUT_MS = 20_000;
/** The extension starts after VS Code's startup finished; slower on a busy machine. */
const ACTIVATION_TIMEOUT_MS = 60_000;
/** How long an opened Accounts menu may take to list the account before it is opened again. */
const MENU_TIMEOUT_MS = 5_000;

describe('Signing in through every flow (code-server + Chromium)', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let page: Page;
  const nowPlaying = () => statusBarItem(page, 'nowPlaying');

  /** Sets backbeat.signInFlow in the user's settings file and reloads the window (code-server does not watch the file). */
  async function useFlow(flow: string): Promise<void> {
    const file = path.join(wb.stack.codeServer.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeUserSettings(wb.stack.codeServer.userDataDir, { ...settings, 'backbeat.signInFlow': flow });
    await openWorkbench(page, wb.stack.codeServer.url);
    await expectSignedOut(ACTIVATION_TIMEOUT_MS);
  }

  /** Runs Spotify: Sign In and approves on the consent page; returns the popup. */
  async function signInAndApprove(): Promise<Page> {
    const popupOpened = wb.browser.context.waitForEvent('page', { timeout: UI_TIMEOUT_MS });
    await runCommand(page, 'Spotify: Sign In');
    const consent = await popupOpened;
    await consent.getByRole('button', { name: 'Approve' }).click({ timeout: UI_TIMEOUT_MS });
    return consent;
  }

  async function expectSignedIn(): Promise<void> {
    await nowPlaying().filter({ hasText: 'Teardrop' }).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  async function expectSignedOut(timeout = UI_TIMEOUT_MS): Promise<void> {
    await nowPlaying().filter({ hasText: 'Sign in to Spotify' }).waitFor({ timeout });
  }

  async function signOutFromPalette(): Promise<void> {
    await runCommand(page, 'Spotify: Sign Out');
    await expectSignedOut();
  }

  before(async function () {
    wb = await openSignedOutWorkbench();
    page = wb.browser.page;
    await expectSignedOut(ACTIVATION_TIMEOUT_MS);
  });

  stopAfterwards(() => wb);

  it('loopback: Approve lands on "You can close this tab" served on 127.0.0.1, and VS Code is signed in', async function () {
    await useFlow('loopback');
    const popup = await signInAndApprove();
    await popup.getByText('You can close this tab').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(popup.url(), /^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    await screenshot(popup, path.join(wb.screenshotsDir, 'sign-in-loopback-done.png'));
    await expectSignedIn();
    await signOutFromPalette();
  });

  it('uriHandler: Approve returns through code-server\u2019s callback route to the extension\u2019s UriHandler', async function () {
    await useFlow('uriHandler');
    const popup = await signInAndApprove();
    await expectSignedIn();
    assert.match(popup.url(), /\/callback\?.*vscode-authority=backbeat\.spotify/);
    await signOutFromPalette();
  });

  it('manual: the address the popup ended on, pasted into VS Code, signs in', async function () {
    await useFlow('manual');
    // Nothing answers at http://127.0.0.1/callback: the address bar still holds the code.
    const landed = wb.browser.context.waitForEvent('request', {
      predicate: (r: Request) => r.url().startsWith('http://127.0.0.1/callback?'),
      timeout: UI_TIMEOUT_MS,
    });
    await signInAndApprove();
    const address = (await landed).url();
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill('https://example.com/not-the-callback');
    await page.locator('.quick-input-widget').getByText(/has no code/).waitFor({ timeout: UI_TIMEOUT_MS });
    // Taken before the real address is in the box: no code ever lands in a picture.
    await screenshot(page.locator('.quick-input-widget'), path.join(wb.screenshotsDir, 'sign-in-paste.png'));
    await input.fill(address);
    await input.press('Enter');
    await expectSignedIn();
  });

  it('still signed in after code-server restarts with the same user data', async function () {
    await wb.stack.codeServer.restart();
    await openWorkbench(page, wb.stack.codeServer.url);
    await nowPlaying().filter({ hasText: 'Teardrop' }).waitFor({ timeout: ACTIVATION_TIMEOUT_MS });
  });

  // Every step waits for what the screen shows, never for a fixed time: on a busy machine the
  // Accounts menu can open before VS Code knows the account, and the confirmation can come late.
  it('signs out from the Accounts menu (Accounts icon -> the account -> Sign Out)', async function () {
    // Each wait below may take its full time on a busy machine: the test's own limit covers them all.
    this.timeout(3 * ACTIVATION_TIMEOUT_MS + UI_TIMEOUT_MS);
    const menu = page.locator('.monaco-menu');
    const account = menu.getByText('Backbeat Tester (Spotify)');
    const signOut = menu.getByText('Sign Out');
    await until('Sign Out under the account in the Accounts menu', async () => {
      await page.locator('.activitybar [aria-label^="Accounts"]').first().click();
      const shown = (what: typeof account) => what.waitFor({ timeout: MENU_TIMEOUT_MS }).then(() => true, () => false);
      if ((await shown(account)) && (await account.hover().then(() => shown(signOut), () => false))) return true;
      await page.keyboard.press('Escape'); // opened before the account was known, or the submenu closed: open it again
      return undefined;
    }, { ...UI_WAIT, timeoutMs: ACTIVATION_TIMEOUT_MS });
    await signOut.click({ timeout: UI_TIMEOUT_MS });
    // VS Code asks to confirm when extensions used the account; then the status bar shows the outcome.
    const confirm = page.locator('.monaco-dialog-box').getByRole('button', { name: 'Sign Out', exact: true });
    const signedOut = nowPlaying().filter({ hasText: 'Sign in to Spotify' });
    await confirm.or(signedOut).first().waitFor({ timeout: ACTIVATION_TIMEOUT_MS });
    if (await confirm.isVisible()) await confirm.click();
    await expectSignedOut(ACTIVATION_TIMEOUT_MS);
  });
});
