// The emulator's phone page in the same Chromium as VS Code, as a newcomer uses it in
// `npm run sandbox`: change the music on the phone, watch the status bar follow; make Spotify
// misbehave, watch Backbeat react.
import { Page } from 'playwright-core';
import { statusBarItem } from '../../sim/editor/browser';
import { openSignedOutWorkbench, signInThroughConsent, stopAfterwards, Workbench } from './workbench';

// Long enough for the daily budget's pace (a read about every 34 s while in use, see
// "Spotify's daily quota" in the README) and a busy machine.

const FOLLOW_TIMEOUT_MS = 50_000;
const UI_TIMEOUT_MS = 20_000;

describe('the phone page (code-server + Chromium)', function () {
  // Three changes to follow at the budget's pace, each up to FOLLOW_TIMEOUT_MS, plus sign-in.
  this.timeout(300_000);
  let wb: Workbench;
  let phone: Page;

  before(async function () {
    wb = await openSignedOutWorkbench();
    await signInThroughConsent(wb);
    phone = await wb.browser.context.newPage();
    await phone.goto(`${wb.stack.emulatorOrigin}/`);
  });

  stopAfterwards(() => wb);

  /**
   * The person is back at the keyboard in VS Code. A window left alone for 10 s counts as idle and
   * reads Spotify slowly; a key press brings back the pace of a window in use, reading at once
   * when the last read is older than that pace, as it would for a real person.
   */
  async function backInVSCode(): Promise<void> {
    await wb.browser.page.keyboard.press('Shift');
  }

  it('Next and Pause on the phone show in the status bar; "Daily quota spent" makes Backbeat wait as Spotify asks', async function () {
    const nowPlaying = statusBarItem(wb.browser.page, 'nowPlaying');
    await phone.getByRole('heading', { name: 'Teardrop' }).waitFor({ timeout: UI_TIMEOUT_MS });

    await phone.getByRole('button', { name: 'Next' }).click();
    await phone.getByRole('heading', { name: 'Sour Times' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await backInVSCode();
    await nowPlaying.filter({ hasText: 'Sour Times' }).waitFor({ timeout: FOLLOW_TIMEOUT_MS });

    await phone.getByRole('button', { name: 'Pause' }).click();
    await phone.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    await backInVSCode();
    // The item's icon turns from play to pause.
    await nowPlaying.locator('.codicon-debug-pause').waitFor({ timeout: FOLLOW_TIMEOUT_MS });

    await phone.getByRole('button', { name: 'Daily quota spent (15 min)' }).click();
    await phone.getByRole('status').filter({ hasText: 'QUOTA_EXCEEDED' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await backInVSCode();
    await nowPlaying.filter({ hasText: /wait|quota/i }).waitFor({ timeout: FOLLOW_TIMEOUT_MS });
  });
});
