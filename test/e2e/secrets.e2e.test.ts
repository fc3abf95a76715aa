// Secrets never leak: a whole life of the extension in a real VS Code (sign in, refresh, fail,
// signed out by Spotify, sign in again, sign out), then every output a person or another program
// could read is searched for every token, code and client secret the emulator handed out.
import * as assert from 'assert';
import * as path from 'path';
import { Page } from 'playwright-core';
import { clickDialogButton, runCommand, statusBarItem } from '../../sim/editor/browser';
import { artifactsDir, cleanArtifactDir } from '../../sim/editor/paths';
import { filesUnder, Output, scanInto } from '../support/hardening/leakScan';
import { emptyReport, writeReport } from '../support/hardening/tally';
import { until } from '../../sim/until';
import { openSignedOutWorkbench, stopAfterwards, UI_WAIT, Workbench } from './workbench';

const UI_TIMEOUT_MS = 20_000;
const ACTIVATION_TIMEOUT_MS = 60_000;
/** How often the user presses a failing command: they must still get one notification. */
const PRESSES = 3;

interface StoredEntry extends Output {
  key: string;
}

/**
 * What the workbench keeps in the browser: with code-server, `globalState` (and SecretStorage)
 * live in the page's IndexedDB and localStorage, not on the server's disk.
 */
function browserStorage(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(async () => {
    const done = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const text = (value: unknown) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : typeof value === 'string' ? value : JSON.stringify(value));
    const entries: { place: string; key: string; text: string }[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await done(indexedDB.open(name));
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
        keys.forEach((key, i) => entries.push({ place: `IndexedDB ${name}/${storeName}/${String(key)}`, key: String(key), text: text(values[i]) }));
      }
      db.close();
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      entries.push({ place: `localStorage ${key}`, key, text: localStorage.getItem(key) ?? '' });
    }
    return entries;
  });
}

/** Texts of the notification toasts on screen now. */
function toasts(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts();
}

describe('secrets never leak (code-server + Chromium)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const seenNotifications = new Set<string>();

  before(async function () {
    wb = await openSignedOutWorkbench();
  });

  stopAfterwards(() => wb);

  async function remember(page: Page): Promise<void> {
    for (const text of await toasts(page)) seenNotifications.add(text);
  }

  async function signIn(page: Page): Promise<void> {
    const popupOpened = wb.browser.context.waitForEvent('page', { timeout: UI_TIMEOUT_MS });
    await runCommand(page, 'Spotify: Sign In');
    await clickDialogButton(page, 'Allow', 1000).catch(() => undefined);
    const consent: Page = await popupOpened;
    await consent.getByRole('button', { name: 'Approve' }).click({ timeout: UI_TIMEOUT_MS });
    const item = statusBarItem(page, 'nowPlaying');
    await until('the track in the status bar', async () => ((await item.innerText()).includes('Teardrop') ? true : undefined), UI_WAIT);
  }

  it('signs in, refreshes, fails, is signed out by Spotify, signs in and out: no secret anywhere', async function () {
    const { page } = wb.browser;
    const emulator = wb.stack.emulator;
    const item = statusBarItem(page, 'nowPlaying');
    await item.waitFor({ timeout: ACTIVATION_TIMEOUT_MS });
    const reportDir = cleanArtifactDir('e2e-secrets');

    await signIn(page);

    // Refresh: the access token dies; the next command refreshes it on the way.
    emulator.expireAccessTokens();
    await item.click();
    await until('playback to pause in the emulator', async () => (emulator.snapshot().isPlaying ? undefined : true), UI_WAIT);

    // Fail: Spotify unreachable while the user presses Next again and again.
    await emulator.goOffline();
    for (let i = 0; i < PRESSES; i++) {
      await runCommand(page, 'Spotify: Next');
      await page.waitForTimeout(500);
      await remember(page);
    }
    const offline = [...seenNotifications].filter((t) => /Cannot reach/.test(t));
    assert.strictEqual(offline.length, 1, `one notification for ${PRESSES} presses: ${JSON.stringify([...seenNotifications])}`);
    assert.strictEqual((await toasts(page)).filter((t) => /Cannot reach/.test(t)).length, 1, 'one toast on screen');
    await emulator.goOnline();

    // Spotify revokes the grant: signed out, told once.
    emulator.revokeGrants();
    await runCommand(page, 'Spotify: Next');
    await until('signed out by Spotify', async () => ((await item.innerText()).includes('Sign in') ? true : undefined), UI_WAIT);
    await until('the sign-in-again notification', async () => {
      await remember(page);
      return [...seenNotifications].some((t) => /no longer accepts this sign-in/.test(t)) ? true : undefined;
    }, UI_WAIT);

    await signIn(page);
    await runCommand(page, 'Spotify: Sign Out');
    await until('signed out', async () => ((await item.innerText()).includes('Sign in') ? true : undefined), UI_WAIT);
    await remember(page);

    // The output channel as a person sees it.
    await runCommand(page, 'Spotify: Show Log');
    const logView = page.locator('.output-view .view-lines, .panel .monaco-editor .view-lines').first();
    await logView.waitFor({ timeout: UI_TIMEOUT_MS });
    const logText = await until('log lines', async () => {
      const text = await logView.innerText();
      return /\[(info|warning|error)\]/.test(text) ? text : undefined;
    }, UI_WAIT);
    // Every notification of the session, from the notification center.
    await runCommand(page, 'Notifications: Show Notifications');
    const center = await page.locator('.notifications-center .notification-list-item-message').allInnerTexts();
    const stored = await browserStorage(page);
    // Stop code-server so every log and state database is flushed to disk before reading them.
    const { userDataDir, extensionsDir, workspaceFolder, logFile } = wb.stack.codeServer;
    await wb.stack.codeServer.restart();

    const secrets = emulator.issuedSecrets();
    assert.ok(secrets.length >= 6, `codes, tokens and the client secret to look for (${secrets.length})`);
    const outputs: Output[] = [
      { place: 'the Spotify output channel', text: logText },
      ...[...seenNotifications, ...center].map((text, i) => ({ place: `notification ${i + 1}`, text })),
      ...filesUnder(userDataDir),
      ...filesUnder(extensionsDir),
      ...filesUnder(workspaceFolder),
      // Everything the test run wrote for people to read (logs, screenshots), this run's code-server log included.
      ...filesUnder(artifactsDir, (file) => file.startsWith(reportDir)),
      ...filesUnder(path.dirname(logFile)).filter((o) => o.place === logFile),
      ...stored,
    ];
    const report = emptyReport();
    const leaks = scanInto(report, secrets, outputs);
    writeReport(reportDir, report);
    console.log(`      scanned ${outputs.length} outputs for ${secrets.length} secrets: ${leaks.length} leaks`);
    assert.deepStrictEqual(leaks, []);
    // The places that matter most were really there to search (code-server keeps globalState in the browser).
    const searched = (what: string, test: RegExp) => assert.ok(outputs.some((o) => test.test(o.place)), `${what} was searched`);
    searched('globalState', /vscode-web-state-db-global|state\.vscdb$/);
    searched('the Spotify log channel file', /Spotify\.log$/);
    searched('the user settings', /User[\\/]settings\.json$/);
    searched('the extension as installed', /backbeat\.spotify-[^\\/]+[\\/]package\.json$/);
  });
});
