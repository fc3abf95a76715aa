// The Spotify desktop app on this computer in a real VS Code, installed from the packaged .vsix
// (so the lazily loaded D-Bus part is the one users get), before anyone signs in: the emulator's
// desktop app on the harness's private session bus is all there is. Its screenshot is in the README.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import { Page } from 'playwright-core';
import { screenshot, statusBarItem } from '../../sim/editor/browser';
import { until } from '../../sim/until';
import { openSignedOutWorkbench, serveCoversLocally, stopAfterwards, UI_WAIT, Workbench } from './workbench';

const UI_TIMEOUT_MS = 20_000;

describe('The Spotify app on this computer, signed out (code-server + Chromium)', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let page: Page;
  const live = () => wb.stack.emulator.snapshot();
  /** playerctl, an MPRIS client of its own, presses a button of the desktop app. */
  const playerctl = (...args: string[]) =>
    new Promise<void>((resolve, reject) =>
      execFile('playerctl', ['-p', 'spotify', ...args], { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: wb.stack.busAddress } }, (error) => (error ? reject(error) : resolve())),
    );

  before(async function () {
    wb = await openSignedOutWorkbench();
    page = wb.browser.page;
    await serveCoversLocally(wb);
  });

  stopAfterwards(() => wb);

  it('shows what the desktop app plays, says where it came from, and offers to sign in for more', async function () {
    const item = statusBarItem(page, 'nowPlaying');
    await item.filter({ hasText: 'Sign in to Spotify' }).waitFor({ timeout: UI_TIMEOUT_MS });
    wb.stack.emulator.configure({ desktopRunning: true });
    await item.filter({ hasText: 'Teardrop - Massive Attack' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await item.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'via Spotify on this computer' }).first();
    await hover.waitFor({ timeout: UI_TIMEOUT_MS });
    await hover.locator('img[alt="cover"]').evaluate((img: HTMLImageElement) => img.complete || new Promise((r) => (img.onload = r)));
    const text = await hover.innerText();
    for (const expected of ['Teardrop', 'Mezzanine', 'Sign in for more']) assert.ok(text.includes(expected), `tooltip shows ${expected}: ${text}`);
    const box = (await hover.boundingBox())!;
    await page.screenshot({
      path: path.join(wb.screenshotsDir, 'local-player-tooltip.png'),
      clip: { x: 0, y: Math.max(0, box.y - 8), width: Math.max(box.x + box.width + 8, 460), height: page.viewportSize()!.height - box.y + 8 },
    });
    await page.mouse.move(640, 300);
  });

  it('a click pauses the desktop app and a change made in it shows at once, without signing in', async function () {
    const item = statusBarItem(page, 'nowPlaying');
    await item.click();
    await until('the desktop app paused', () => (live().isPlaying ? undefined : true), UI_WAIT);
    await playerctl('next');
    const next = live().itemName!;
    await item.filter({ hasText: next }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepStrictEqual(wb.stack.emulator.requests.filter((r) => r.path.startsWith('/v1/')), [], 'no Web API request');
    await screenshot(page.locator('.part.statusbar'), path.join(wb.screenshotsDir, 'local-player-status-bar.png'));
  });

  it('a seek made in the desktop app’s own window, which Spotify announces to nobody, shows within 5 s', async function () {
    const item = statusBarItem(page, 'nowPlaying');
    wb.stack.emulator.configure({ desktopRunning: true });
    wb.stack.emulator.desktop({ type: 'play' });
    await until('the desktop app playing', () => (live().isPlaying ? true : undefined), UI_WAIT);
    await item.filter({ hasText: live().itemName! }).waitFor({ timeout: UI_TIMEOUT_MS });
    // Well away from where the track is: 3:20 into it.
    wb.stack.emulator.desktop({ type: 'seek', positionMs: 200_000 });
    const seekedAt = Date.now();
    await item.filter({ hasText: /\b3:2\d\b/ }).waitFor({ timeout: 5_000 });
    console.log(`      the seek showed after ${((Date.now() - seekedAt) / 1000).toFixed(1)} s`);
    assert.deepStrictEqual(wb.stack.emulator.requests.filter((r) => r.path.startsWith('/v1/')), [], 'no Web API request');
  });

  it('when the desktop app quits, asks to sign in again', async function () {
    wb.stack.emulator.configure({ desktopRunning: false });
    await statusBarItem(page, 'nowPlaying').filter({ hasText: 'Sign in to Spotify' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
