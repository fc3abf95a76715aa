// The Now Playing view in a real VS Code (code-server + Chromium): open it from the activity bar,
// control the emulator's player from it, watch it follow a change made on the phone page, and read
// the queue. Its screenshots (dark and light theme) are the ones in the README.
import * as assert from 'assert';
import * as path from 'path';
import { FrameLocator, Page } from 'playwright-core';
import { runCommand, screenshot } from '../../sim/editor/browser';
import { until } from '../../sim/until';
import { openSignedInWorkbench, stopAfterwards, switchToLightTheme, UI_WAIT, Workbench } from './workbench';

const UI_TIMEOUT_MS = 20_000;
/** A change on the phone shows at the budget's pace (a read about every 34 s while in use). */
const FOLLOW_TIMEOUT_MS = 50_000;

describe('the Now Playing view (code-server + Chromium)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let page: Page;
  let view: FrameLocator;
  const live = () => wb.stack.emulator.snapshot();
  const shot = (name: string) => path.join(wb.screenshotsDir, name);

  before(async function () {
    wb = await openSignedInWorkbench();
    page = wb.browser.page;
  });

  stopAfterwards(() => wb);

  it('opens from the Spotify activity bar icon and shows the cover, the track, the device and labelled controls', async function () {
    await page.locator('.activitybar .action-item a[aria-label^="Spotify"]').first().click({ timeout: UI_TIMEOUT_MS });
    view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('.title').filter({ hasText: 'Teardrop' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await view.locator('.player').innerText();
    for (const expected of ['Massive Attack', 'Mezzanine', 'Backbeat Test Computer']) assert.ok(text.includes(expected), `the view shows ${expected}: ${text}`);
    await until('the cover loaded', () => view.locator('img.cover').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), UI_WAIT);
    for (const control of ['previous', 'playPause', 'next', 'shuffle', 'repeat', 'like']) {
      assert.ok(await view.locator(`button.control.${control}`).getAttribute('aria-label'), `${control} has an accessible label`);
    }
    assert.strictEqual(await view.locator('.bar').getAttribute('role'), 'slider');
  });

  it('play/pause, next, a click or an arrow key on the bar and the volume slider change the emulator\u2019s player', async function () {
    await view.locator('button.control.playPause').click();
    await until('paused in the emulator', () => !live().isPlaying, UI_WAIT);
    await view.locator('button.control.playPause[aria-label="Play"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await view.locator('button.control.playPause').click();
    await until('playing again', () => live().isPlaying, UI_WAIT);

    await view.locator('button.control.next').click();
    await until('the next track', () => live().itemName === 'Sour Times', UI_WAIT);
    await view.locator('.title').filter({ hasText: 'Sour Times' }).waitFor({ timeout: UI_TIMEOUT_MS });

    const bar = view.locator('.bar');
    const box = (await bar.boundingBox())!;
    await bar.click({ position: { x: box.width * 0.75, y: box.height / 2 } });
    const duration = live().itemDurationMs!;
    await until('sought to three quarters', () => Math.abs(live().progressMs - duration * 0.75) < 10_000, UI_WAIT);
    const at = live().progressMs;
    await bar.focus();
    await bar.press('ArrowRight');
    await until('5 s further on from the arrow key', () => live().progressMs - at >= 4_500 && live().progressMs - at < 12_000, UI_WAIT);

    await view.locator('input.volume').fill('30');
    await until('the volume at 30', () => live().volumePercent === 30, UI_WAIT);
  });

  it('follows a change made on the phone page: the title and the cover', async function () {
    const phone = await wb.browser.context.newPage();
    await phone.goto(`${wb.stack.emulatorOrigin}/`);
    const before = live().itemName!;
    await phone.getByRole('button', { name: 'Next' }).click();
    await until('the phone moved on', () => live().itemName !== before, UI_WAIT);
    const expected = live().itemName!;
    await phone.close();
    // The person is back at the keyboard: a window in use reads at the budget's pace.
    await page.keyboard.press('Shift');
    await view.locator('.title').filter({ hasText: expected }).waitFor({ timeout: FOLLOW_TIMEOUT_MS });
    await until('the cover shown', () => view.locator('img.cover').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), UI_WAIT);
  });

  it('Up next lists what the emulator has queued; a double-click plays an item', async function () {
    await runCommand(page, 'Spotify: Add to Queue...');
    const input = page.locator('.quick-input-widget .quick-input-box input[placeholder="Type to search Spotify"]');
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    await input.pressSequentially('karma police', { delay: 40 });
    await until('Karma Police first', async () => (await page.locator('.quick-input-list .monaco-list-row.focused').innerText()).includes('Karma Police'), UI_WAIT);
    await input.press('Enter');
    await until('queued in the emulator', () => live().queueUris.length === 1, UI_WAIT);

    await view.locator('details.queue summary').click();
    const first = view.locator('.queue-item').first();
    await first.filter({ hasText: 'Karma Police' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page.locator('.part.sidebar'), shot('now-playing-dark.png'));
    const second = view.locator('.queue-item').nth(1);
    const title = await second.locator('.queue-title').innerText();
    await second.dblclick();
    await until(`${title} playing`, () => live().itemName === title && live().isPlaying, UI_WAIT);
  });

  it('looks the part in a light theme too', async function () {
    await switchToLightTheme(page);
    await view.locator('.title').filter({ hasText: live().itemName! }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page.locator('.part.sidebar'), shot('now-playing-light.png'));
  });

  it('an ad: skipping and seeking greyed out, saying why, and a click sends nothing', async function () {
    wb.stack.emulator.phone({ type: 'ad', durationMs: 60_000 });
    await page.keyboard.press('Shift');
    const next = view.locator('button.control.next');
    await until('Next greyed out', async () => (await next.getAttribute('aria-disabled')) === 'true', { ...UI_WAIT, timeoutMs: FOLLOW_TIMEOUT_MS });
    assert.strictEqual(await next.getAttribute('aria-description'), 'Spotify does not allow skipping to the next track during an ad.');
    assert.strictEqual(await view.locator('.bar').getAttribute('aria-disabled'), 'true');
    const sent = wb.stack.emulator.requests.length;
    // A person can still click them (Playwright would wait for them to be enabled).
    await next.click({ force: true });
    await view.locator('.bar').click({ force: true });
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(wb.stack.emulator.requests.slice(sent).filter((r) => r.method !== 'GET'), [], 'a greyed-out control sends nothing');
    assert.ok(live().playingAd);
  });
});
