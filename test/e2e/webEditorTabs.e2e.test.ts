// Two tabs of one code-server, as a person keeps them: each tab of a web editor reads its own copy
// of SecretStorage, taken when it opened. A sign-out in one tab reaches the other when the person
// switches to it; a sign-in there is offered with a reload (which shows it), since no tab can read
// another's new secrets without one.
import * as assert from 'assert';
import { Page } from 'playwright-core';
import { openWorkbench, runCommand, statusBarItem } from '../../sim/editor/browser';
import { openSignedOutWorkbench, signInThroughConsent, stopAfterwards, Workbench } from './workbench';

const UI_TIMEOUT_MS = 20_000;
/** The extension starts after VS Code's startup finished; slower on a busy machine. */
const ACTIVATION_TIMEOUT_MS = 60_000;

describe('two tabs of one web editor (code-server + Chromium)', function () {
  this.timeout(240_000);
  let wb: Workbench | undefined;
  let first: Page;
  let second: Page;
  const nowPlaying = (page: Page, text: string) => statusBarItem(page, 'nowPlaying').filter({ hasText: text });

  /** Playwright tells every tab it has focus; a person's browser focuses one tab at a time. */
  async function realFocus(page: Page): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
  }

  before(async function () {
    wb = await openSignedOutWorkbench();
    first = wb.browser.page;
    await nowPlaying(first, 'Sign in to Spotify').waitFor({ timeout: ACTIVATION_TIMEOUT_MS });
    second = await wb.browser.context.newPage();
    await openWorkbench(second, wb.stack.codeServer.url);
    await nowPlaying(second, 'Sign in to Spotify').waitFor({ timeout: ACTIVATION_TIMEOUT_MS });
  });
  stopAfterwards(() => wb);

  it('a sign-in in one tab is offered to the other with a reload that shows it; a sign-out reaches the other without one', async function () {
    const opened = wb as Workbench;
    await first.bringToFront();
    await signInThroughConsent(opened);
    // From here on one tab at a time has focus (the sign-in's popup would have taken it from the first).
    await realFocus(first);
    await realFocus(second);

    await second.bringToFront();
    const toasts = second.locator('.notifications-toasts');
    await toasts.getByText('Your Spotify sign-in changed in another tab').waitFor({ timeout: UI_TIMEOUT_MS });
    await toasts.getByRole('button', { name: 'Reload Tab' }).click();
    await nowPlaying(second, 'Teardrop').waitFor({ timeout: ACTIVATION_TIMEOUT_MS });
    await realFocus(second);

    await first.bringToFront();
    await runCommand(first, 'Spotify: Sign Out');
    await nowPlaying(first, 'Sign in to Spotify').waitFor({ timeout: UI_TIMEOUT_MS });
    let reloaded = false;
    second.on('framenavigated', (frame) => {
      if (frame === second.mainFrame()) reloaded = true;
    });
    await second.bringToFront();
    await nowPlaying(second, 'Sign in to Spotify').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.strictEqual(reloaded, false, 'the second tab followed the sign-out without a reload');
  });
});
