// A person whose Spotify account is not on their app's User Management list signs in, in a real
// VS Code: Spotify lets them approve, then refuses the first request with a plain-text 403. They
// are told what to do in the dashboard, with the dashboard and the Client ID one click away.
import * as assert from 'assert';
import * as path from 'path';
import { Locator, Page } from 'playwright-core';
import { NOT_REGISTERED_MESSAGES } from '../../emulator/options';
import { runCommand, screenshot, statusBarItem } from '../../sim/editor/browser';
import { openSignedOutWorkbench, stopAfterwards, Workbench } from './workbench';

const UI_TIMEOUT_MS = 20_000;
const ACTIVATION_TIMEOUT_MS = 60_000;
const DASHBOARD = 'https://developer.spotify.com/dashboard';

function toast(page: Page, text: string): Locator {
  return page.locator('.notifications-toasts .notification-toast').filter({ hasText: text });
}

describe('Signing in with an account missing from the app\u2019s allow-list (code-server + Chromium)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async function () {
    wb = await openSignedOutWorkbench();
    // Spotify's dashboard stands in locally: the test only needs to see the browser go there.
    await wb.browser.context.route(`${DASHBOARD}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Dashboard</title>' }));
  });

  stopAfterwards(() => wb);

  it('says to add the account under User Management, offers the dashboard and the Client ID, and stays signed out', async function () {
    const { page, context } = wb.browser;
    const nowPlaying = statusBarItem(page, 'nowPlaying');
    await nowPlaying.filter({ hasText: 'Sign in to Spotify' }).waitFor({ timeout: ACTIVATION_TIMEOUT_MS });
    // One of the wordings that never says "not registered in": a plain-text body, as Spotify sends it.
    wb.stack.emulator.configure({ userRegistered: false, notRegisteredMessage: NOT_REGISTERED_MESSAGES[1], notRegisteredBody: 'text' });

    const popupOpened = context.waitForEvent('page', { timeout: UI_TIMEOUT_MS });
    await runCommand(page, 'Spotify: Sign In');
    const consent = await popupOpened;
    await consent.getByRole('button', { name: 'Approve' }).click({ timeout: UI_TIMEOUT_MS });

    const refusal = toast(page, 'User Management');
    await refusal.waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await refusal.innerText();
    assert.match(text, /does not let this account use your app yet/);
    assert.ok(text.includes(`Client ID ${wb.stack.emulator.clientId}`), text);
    const buttons = await refusal.getByRole('button').allInnerTexts();
    for (const wanted of ['Open Developer Dashboard', 'Copy Client ID']) assert.ok(buttons.includes(wanted), `${wanted} in ${JSON.stringify(buttons)}`);
    assert.ok(!buttons.includes('Select Device'), 'not a device problem');
    await screenshot(refusal, path.join(wb.screenshotsDir, 'sign-in-not-on-user-list.png'));
    await nowPlaying.filter({ hasText: 'Sign in to Spotify' }).waitFor({ timeout: UI_TIMEOUT_MS });

    const dashboardOpened = context.waitForEvent('page', { predicate: (p) => p.url().startsWith(DASHBOARD), timeout: UI_TIMEOUT_MS });
    await refusal.getByRole('button', { name: 'Open Developer Dashboard' }).click();
    await dashboardOpened;

    // The other button's command, from the palette: the Client ID lands on the clipboard.
    await runCommand(page, 'Spotify: Copy Client ID');
    await page.locator('.part.statusbar').getByText(`Copied the Client ID ${wb.stack.emulator.clientId}`).waitFor({ timeout: UI_TIMEOUT_MS });
    wb.stack.emulator.configure({ userRegistered: true });
  });
});
