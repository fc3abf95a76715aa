// Spotify's daily quota as a person meets it in a real VS Code: the spend in the tooltip, then the
// emulator's quota running out (Spotify's real QUOTA_EXCEEDED answer and its long Retry-After), the
// status bar saying when Spotify lets Backbeat back in, one notification naming the cause with a
// link to the README, and a reloaded window that does not knock again.
import * as assert from 'assert';
import * as path from 'path';
import { Page } from 'playwright-core';
import { openWorkbench, runCommand, screenshot, statusBarItem } from '../../sim/editor/browser';
import { until } from '../../sim/until';
import { openSignedOutWorkbench, signInThroughConsent, stopAfterwards, UI_WAIT, Workbench } from './workbench';

const UI_TIMEOUT_MS = 20_000;
/** The emulator's Retry-After once the quota is spent. */
const QUOTA_WAIT_MS = 50_000 * 1000;
/** Long enough for the focused window's steady read (about every 34 s at the default budget) to have come. */
const QUIET_MS = 40_000;
/** The day shows when it is not today (the wait is about 14 h). */
const QUOTA_TEXT = /Spotify quota spent · back at (?:(Sun|Mon|Tue|Wed|Thu|Fri|Sat) )?(\d\d):(\d\d)/;

/** Texts of the notification toasts on screen now. */
function toasts(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts();
}

describe("Spotify's daily quota in VS Code (code-server + Chromium)", function () {
  this.timeout(180_000);
  let wb: Workbench;
  let page: Page;

  before(async function () {
    wb = await openSignedOutWorkbench();
    page = wb.browser.page;
    await signInThroughConsent(wb);
  });

  stopAfterwards(() => wb);

  it("shows the day's requests and the pace in the tooltip", async function () {
    const item = statusBarItem(page, 'nowPlaying');
    await item.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Spotify requests, last 24 h' }).first();
    await hover.waitFor({ timeout: UI_TIMEOUT_MS });
    const spent = wb.stack.emulator.quota().clients[0].used;
    assert.match(await hover.innerText(), new RegExp(`Spotify requests, last 24 h: ${spent} of 1,000 · checking every 34 s`));
    await page.mouse.move(640, 300);
  });

  it('Spotify: Show Request Budget opens the last 24 hours per hour and per kind', async function () {
    await runCommand(page, 'Spotify: Show Request Budget');
    await page.locator('.tab').filter({ hasText: 'Spotify requests' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.getByRole('heading', { name: 'Per kind' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await preview.locator('body').innerText();
    assert.match(text, /Spotify requests, last 24 hours/);
    assert.match(text, /Now playing: window opened or focused again/);
    await screenshot(page, path.join(wb.screenshotsDir, 'request-budget.png'));
    await runCommand(page, 'View: Close All Editors');
  });

  it('QUOTA_EXCEEDED: the status bar says when Spotify lets it back in, one notification names the cause, and a reload does not knock', async function () {
    const emulator = wb.stack.emulator;
    // Spotify counted what Backbeat spent so far: the next request is one too many.
    emulator.configure({ dailyQuota: emulator.quota().clients[0].used });
    const refusedAt = Date.now();
    await runCommand(page, 'Spotify: Next');

    const item = statusBarItem(page, 'nowPlaying');
    const text = await until('the quota in the status bar', async () => QUOTA_TEXT.exec(await item.innerText())?.[0], UI_WAIT);
    const [, weekday, hours, minutes] = QUOTA_TEXT.exec(text)!;
    const back = new Date(refusedAt + QUOTA_WAIT_MS);
    const backToday = back.toDateString() === new Date().toDateString();
    assert.strictEqual(weekday, backToday ? undefined : back.toDateString().slice(0, 3), `${text}, about ${back.toString()}`);
    const shownMinutes = Number(hours) * 60 + Number(minutes);
    const expectedMinutes = back.getHours() * 60 + back.getMinutes();
    assert.ok([0, 1, 2].includes((shownMinutes - expectedMinutes + 1440) % 1440), `back at ${hours}:${minutes}, about ${back.toTimeString()}`);

    const notice = await until('the notification', async () => (await toasts(page)).find((t) => t.includes('daily request quota')), UI_WAIT);
    assert.match(notice, /Spotify's daily request quota for your app is spent \(QUOTA_EXCEEDED\)\. Backbeat sends nothing from any window until (\w{3} )?\d\d:\d\d/);
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'daily request quota' });
    await toast.getByRole('button', { name: 'Learn More' }).waitFor({ timeout: UI_TIMEOUT_MS });
    // For the README: the notification, and the status bar.
    await screenshot(toast, path.join(wb.screenshotsDir, 'quota-notification.png'));
    await screenshot(page.locator('.part.statusbar'), path.join(wb.screenshotsDir, 'quota-status-bar.png'));
    assert.strictEqual(emulator.quota().clients[0].refused, 1, 'one request was refused, and nothing knocked after it');

    // The user presses Next again: nothing is sent, and no second notification piles up.
    await runCommand(page, 'Spotify: Next');
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    await runCommand(page, 'Notifications: Show Notifications');
    const center = page.locator('.notifications-center .notification-list-item-message');
    await center.first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.strictEqual((await center.allInnerTexts()).filter((t) => t.includes('daily request quota')).length, 1, 'one notification');
    await page.keyboard.press('Escape');

    // A reload starts a new extension host: it reads the penalty back and shows it, without asking Spotify.
    await openWorkbench(page, wb.stack.codeServer.url);
    await statusBarItem(page, 'nowPlaying').filter({ hasText: QUOTA_TEXT }).waitFor({ timeout: UI_TIMEOUT_MS * 3 });
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const quota = emulator.quota().clients[0];
    assert.strictEqual(quota.refused, 1, 'the reloaded window sent nothing');
    assert.deepStrictEqual(quota.locks.length, 1);
    assert.strictEqual(quota.lockedUntil, quota.locks[0].from + QUOTA_WAIT_MS, 'the wait was not made longer');
  });
});
