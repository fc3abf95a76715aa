// Controlling Spotify the way a person does in a real VS Code: the palette, the status bar, the
// device picker and search. The screenshots it takes are the ones in the README.
import * as assert from 'assert';
import * as path from 'path';
import { Locator, Page } from 'playwright-core';
import { runCommand, screenshot, statusBarItem } from '../../sim/editor/browser';
import { until } from '../../sim/until';
import { openSignedInWorkbench, stopAfterwards, UI_WAIT, Workbench } from './workbench';

const UI_TIMEOUT_MS = 20_000;

function quickPickRow(page: Page, text: string): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: text }).first();
}

describe('Controlling playback in VS Code (code-server + Chromium)', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let page: Page;
  const live = () => wb.stack.emulator.snapshot();
  const shot = (name: string) => path.join(wb.screenshotsDir, name);

  before(async function () {
    wb = await openSignedInWorkbench();
    page = wb.browser.page;
  });

  stopAfterwards(() => wb);

  it('status bar: the track with a moving position, controls, and a tooltip with cover, details and links', async function () {
    const item = statusBarItem(page, 'nowPlaying');
    const first = await until('a position in the status bar', async () => /\d:\d\d \/ 5:30/.exec(await item.innerText())?.[0], UI_WAIT);
    await until('the position to move on by itself', async () => !(await item.innerText()).includes(first), UI_WAIT);
    for (const control of ['previous', 'playPause', 'next']) {
      const button = statusBarItem(page, `control.${control}`);
      await button.waitFor({ timeout: UI_TIMEOUT_MS });
      assert.ok(await button.getAttribute('aria-label'), `${control} has an accessible label`);
    }
    await screenshot(page.locator('.part.statusbar'), shot('status-bar.png'));

    await item.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Mezzanine' }).first();
    await hover.waitFor({ timeout: UI_TIMEOUT_MS });
    await hover.locator('img[alt="cover"]').evaluate((img: HTMLImageElement) => img.complete || new Promise((r) => (img.onload = r)));
    const text = await hover.innerText();
    for (const expected of ['Teardrop', 'Massive Attack', 'Backbeat Test Computer', '60%']) assert.ok(text.includes(expected), `tooltip shows ${expected}: ${text}`);
    const box = (await hover.boundingBox())!;
    await page.screenshot({ path: shot('tooltip.png'), clip: { x: Math.max(0, box.x - 8), y: Math.max(0, box.y - 8), width: box.width + 16, height: page.viewportSize()!.height - box.y + 8 } });
    const links = await hover.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') || a.getAttribute('href') || ''));
    assert.ok(links.some((l) => l.startsWith('command:backbeat.next')), `a link to Next: ${JSON.stringify(links)} ${await hover.innerHTML()}`);
    await page.mouse.move(640, 300);
  });

  it('play/pause from the palette and from the status bar', async function () {
    await runCommand(page, 'Spotify: Play/Pause');
    await until('paused in the emulator', () => !live().isPlaying, UI_WAIT);
    await statusBarItem(page, 'control.playPause').click();
    await until('playing again', () => live().isPlaying, UI_WAIT);
  });

  it('next from the status bar and from the palette', async function () {
    await statusBarItem(page, 'control.next').click();
    await until('the next track', () => live().itemName === 'Sour Times', UI_WAIT);
    await statusBarItem(page, 'nowPlaying').filter({ hasText: 'Sour Times' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await runCommand(page, 'Spotify: Next');
    await until('the track after', () => live().itemName === 'Glory Box', UI_WAIT);
  });

  it('select device: a picker with the devices, the active one marked; choosing moves playback', async function () {
    await runCommand(page, 'Spotify: Select Device...');
    const phone = quickPickRow(page, 'Pixel Phone');
    await phone.waitFor({ timeout: UI_TIMEOUT_MS });
    await quickPickRow(page, 'Kitchen Speaker').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.strictEqual(await quickPickRow(page, 'Living Room Group').count(), 0, 'a device without an id is not offered');
    assert.match(await quickPickRow(page, 'Backbeat Test Computer').innerText(), /active/);
    await screenshot(page.locator('.quick-input-widget'), shot('device-picker.png'));
    await phone.click();
    await until('playing on the phone', () => live().deviceName === 'Pixel Phone' && live().isPlaying, UI_WAIT);
  });

  it('search: tracks, albums and artists as you type; Enter plays', async function () {
    await runCommand(page, 'Spotify: Search...');
    // The palette's input becomes the search's once its placeholder shows.
    const input = page.locator('.quick-input-widget .quick-input-box input[placeholder="Type to search Spotify"]');
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    await input.pressSequentially('massive', { delay: 40 });
    const track = quickPickRow(page, 'Teardrop');
    await track.waitFor({ timeout: UI_TIMEOUT_MS });
    await quickPickRow(page, 'Mezzanine').waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page.locator('.quick-input-widget'), shot('search.png'));
    const listed = await page.locator('.quick-input-widget .quick-input-list').innerText();
    for (const kind of ['Track', 'Album', 'Artist']) assert.ok(listed.includes(kind), `${kind}s in the list: ${listed}`);
    await input.fill('karma police');
    await quickPickRow(page, 'Karma Police').waitFor({ timeout: UI_TIMEOUT_MS });
    await until('the first row to be Karma Police', async () => (await page.locator('.quick-input-list .monaco-list-row.focused').innerText()).includes('Karma Police'), UI_WAIT);
    await input.press('Enter');
    await until('Karma Police playing', () => live().itemName === 'Karma Police' && live().isPlaying, UI_WAIT);
  });

  it('an ad: "Advertisement" in the status bar, the skip buttons greyed out and saying why', async function () {
    wb.stack.emulator.phone({ type: 'ad', durationMs: 60_000 });
    const item = statusBarItem(page, 'nowPlaying');
    await item.filter({ hasText: 'Advertisement' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const next = statusBarItem(page, 'control.next');
    await until('Next greyed out', async () => (await next.getAttribute('aria-label'))?.includes('during an ad'), UI_WAIT);
    assert.strictEqual(await next.getAttribute('aria-label'), 'Spotify does not allow skipping to the next track during an ad.');
    await screenshot(page.locator('.part.statusbar'), shot('status-bar-ad.png'));
    const sent = wb.stack.emulator.requests.length;
    await next.click();
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(wb.stack.emulator.requests.slice(sent).filter((r) => r.method !== 'GET'), [], 'a greyed-out button sends nothing');
    assert.ok(live().playingAd);
  });
});
