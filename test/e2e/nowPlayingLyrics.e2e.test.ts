// Lyrics in the Now Playing view in a real VS Code (code-server + Chromium), with `backbeat.lyrics`
// on in the user's settings and the emulator's LRCLIB stand-in answering. The emulator's desktop
// app plays, so the position the highlighted line follows is the one the desktop app reports.
// Its screenshots (dark and light theme) are the ones in the README.
import * as assert from 'assert';
import * as path from 'path';
import { FrameLocator, Page } from 'playwright-core';
import { Catalogue } from '../../emulator/world/catalogue';
import { screenshot, statusBarItem } from '../../sim/editor/browser';
import { until } from '../../sim/until';
import { openSignedOutWorkbench, serveCoversLocally, stopAfterwards, switchToLightTheme, UI_WAIT, Workbench } from './workbench';

const UI_TIMEOUT_MS = 20_000;
/** A seek made in the desktop app is announced to nobody: it shows within 5 s, slower on a busy machine. */
const SEEK_SHOWS_MS = 15_000;
/** The emulator's timed lines for Teardrop (emulator/lyrics/lrclibStandIn.ts). */
const STAMPED_TWICE = 'This line is stamped twice and comes back';
const NOTHING_SENT = 'Nothing here was sent to Spotify';
const ASKED_ONCE = 'LRCLIB is asked once for each track';

describe('Lyrics in the Now Playing view (code-server + Chromium)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let page: Page;
  let view: FrameLocator;
  const catalogue = new Catalogue();
  const live = () => wb.stack.emulator.snapshot();
  const desktopPlays = (name: string) => wb.stack.emulator.desktop({ type: 'play', uri: catalogue.trackByName(name).uri });
  /**
   * The highlighted line: its text, its place among the lines, how many lines are highlighted, and
   * whether a person sees it: inside the lyrics box, with the page itself not scrolled away from the player.
   */
  const highlighted = () =>
    view.locator('.lyrics-body').evaluate((body) => {
      const lines = Array.from(body.querySelectorAll('.lyric'));
      const current = lines.filter((line) => line.classList.contains('current'));
      const box = body.getBoundingClientRect();
      const line = current[0]?.getBoundingClientRect();
      const seen = !!line && line.height > 0 && line.top >= box.top - 1 && line.bottom <= box.bottom + 1 && document.scrollingElement!.scrollTop === 0;
      return { text: current[0]?.textContent ?? undefined, index: lines.indexOf(current[0]), count: current.length, seen, lines: lines.map((l) => l.textContent) };
    });
  const highlightIs = (text: string, which: 'first' | 'last' = 'first', timeoutMs = SEEK_SHOWS_MS) =>
    until(
      `"${text}" highlighted`,
      async () => {
        const now = await highlighted();
        const index = which === 'first' ? now.lines.indexOf(text) : now.lines.lastIndexOf(text);
        return now.count === 1 && now.text === text && now.index === index && now.seen ? true : undefined;
      },
      { ...UI_WAIT, timeoutMs },
    );
  const lyricsText = () => view.locator('.lyrics-body').innerText();
  /** The status bar still follows the desktop app: the extension keeps working. */
  const statusBarShows = (name: string) => statusBarItem(page, 'nowPlaying').filter({ hasText: name }).waitFor({ timeout: UI_TIMEOUT_MS });

  before(async function () {
    wb = await openSignedOutWorkbench({ userSettings: { 'backbeat.lyrics': true } });
    page = wb.browser.page;
    await serveCoversLocally(wb);
  });

  stopAfterwards(() => wb);

  it('highlights the line whose time has come in the desktop app, moves on with it and after a seek', async function () {
    await statusBarItem(page, 'nowPlaying').filter({ hasText: 'Sign in to Spotify' }).waitFor({ timeout: UI_TIMEOUT_MS });
    wb.stack.emulator.configure({ desktopRunning: true });
    desktopPlays('Teardrop');
    await statusBarShows('Teardrop');
    await page.locator('.activitybar .action-item a[aria-label^="Spotify"]').first().click({ timeout: UI_TIMEOUT_MS });
    view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('.title').filter({ hasText: 'Teardrop' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await view.locator('.lyric').filter({ hasText: ASKED_ONCE }).waitFor({ timeout: UI_TIMEOUT_MS });

    // 1:40 into the track: the line of 1:10 is the current one, the next comes at 1:58.75.
    wb.stack.emulator.desktop({ type: 'seek', positionMs: 100_000 });
    await highlightIs(NOTHING_SENT);
    // Playing on, the next line lights up by itself when its time comes.
    await highlightIs(ASKED_ONCE, 'first', 30_000);
    // A seek in the desktop app, forwards then back: the line stamped at 0:33 and 2:45 is current each time, at its own place.
    wb.stack.emulator.desktop({ type: 'seek', positionMs: 170_000 });
    await highlightIs(STAMPED_TWICE, 'last');
    // A stamp with no words (3:30, a pause in the singing) is still a line a person can see lit.
    wb.stack.emulator.desktop({ type: 'seek', positionMs: 215_000 });
    await highlightIs('');
    wb.stack.emulator.desktop({ type: 'seek', positionMs: 40_000 });
    await highlightIs(STAMPED_TWICE, 'first');
    assert.deepStrictEqual(wb.stack.emulator.requests.filter((r) => r.path.startsWith('/v1/')), [], 'no Web API request');
  });

  it('looks the part with lyrics on, in the dark and the light theme', async function () {
    // Paused (the desktop app announces it), the highlighted line stays put for the pictures.
    wb.stack.emulator.desktop({ type: 'pause' });
    await view.locator('button.control.playPause[aria-label="Play"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await highlightIs(STAMPED_TWICE, 'first');
    await screenshot(page.locator('.part.sidebar'), path.join(wb.screenshotsDir, 'now-playing-lyrics-dark.png'));
    await switchToLightTheme(page);
    await highlightIs(STAMPED_TWICE, 'first');
    await screenshot(page.locator('.part.sidebar'), path.join(wb.screenshotsDir, 'now-playing-lyrics-light.png'));
  });

  it('malformed LRC shows only its well-stamped lines, a 404 and a 5 MB answer say "No lyrics found", and the status bar still follows', async function () {
    desktopPlays('Risingson');
    await statusBarShows('Risingson');
    await view.locator('.title').filter({ hasText: 'Risingson' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await until('the two well-stamped lines', async () => ((await highlighted()).lines.join('|') === 'A line with a good stamp|A second good line' ? true : undefined), UI_WAIT);
    const malformed = await lyricsText();
    for (const broken of ['0x:12', 'seconds past sixty', 'no stamp at all', '[']) assert.ok(!malformed.includes(broken), `no broken line shows: ${malformed}`);

    desktopPlays('Inertia Creeps');
    await statusBarShows('Inertia Creeps');
    await view.locator('.title').filter({ hasText: 'Inertia Creeps' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await until('"No lyrics found" for a 404', async () => ((await lyricsText()).trim() === 'No lyrics found' ? true : undefined), UI_WAIT);

    wb.stack.emulator.configure({ lyricsHugeAnswers: true });
    const asked = wb.stack.emulator.lyricsRequests.length;
    desktopPlays('Angel');
    await statusBarShows('Angel');
    await view.locator('.title').filter({ hasText: 'Angel' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await until('LRCLIB asked about Angel', () => (wb.stack.emulator.lyricsRequests.length > asked ? true : undefined), UI_WAIT);
    await until('"No lyrics found" for a 5 MB answer', async () => ((await lyricsText()).trim() === 'No lyrics found' ? true : undefined), UI_WAIT);
    wb.stack.emulator.configure({ lyricsHugeAnswers: false });

    // The extension keeps working: the status bar and the view follow the next track.
    wb.stack.emulator.desktop({ type: 'next' });
    const next = live().itemName!;
    await statusBarShows(next);
    await view.locator('.title').filter({ hasText: next }).waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
