// Debian's Chromium driven by playwright-core, and the few workbench gestures tests need:
// open the workbench, run a palette command, click dialog buttons, find a status bar item.
import * as fs from 'fs';
import * as path from 'path';
import { BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { freshScratchDir } from './paths';

const CHROMIUM_PATH = '/usr/bin/chromium';
/** The publisher.name prefix VS Code puts on the DOM ids of the extension's status bar items. */
const EXTENSION_ID = 'backbeat.spotify';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // In-host tests start sign-in from code, with no click behind it; a person's click would let
  // VS Code's window.open through, so the browser must not block that popup here.
  '--disable-popup-blocking',
];
const WORKBENCH_TIMEOUT_MS = 60_000;
const UI_TIMEOUT_MS = 15_000;

export interface Browser {
  context: BrowserContext;
  /** The first tab; popups (openExternal) open as further pages of `context`. */
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile shared by the workbench and its popups. */
export async function launchBrowser(opts: { viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} missing; run ensurePrerequisites() first`);
  const profile = freshScratchDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Logs the browser in to code-server as a person does on its login page (a POST of the
 * password); the session cookie then serves every tab and popup of `context`.
 */
export async function logIn(context: BrowserContext, server: { url: string; password: string }): Promise<void> {
  const answer = await context.request.post(new URL('login', server.url).toString(), { form: { password: server.password }, maxRedirects: 0 });
  const cookies = await context.cookies(server.url);
  if (answer.status() !== 302 || !cookies.some((c) => c.name === 'code-server-session')) {
    throw new Error(`code-server refused the login (HTTP ${answer.status()})`);
  }
}

/** Loads the workbench and waits until it is interactive (status bar rendered). */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
}

/** The workbench URL that opens `folder` and runs extension tests from `payload` pairs. */
export function workbenchUrl(baseUrl: string, folder: string, payload?: [string, string][]): string {
  const u = new URL(baseUrl);
  u.searchParams.set('folder', folder);
  if (payload) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

/** Runs a command from the palette by its label as shown ("Spotify: Sign In"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(`>${title}`);
  // A command with a keybinding reads "Title, Ctrl+Alt+Shift+P" to a screen reader.
  const row = page.locator(`.quick-input-list .monaco-list-row:is([aria-label="${cssString(title)}"], [aria-label^="${cssString(title)}, "])`).first();
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  // Enter runs the focused row; a fuzzy match ranked above the exact one must not run instead.
  if (await row.evaluate((el) => el.classList.contains('focused'))) await input.press('Enter');
  else await row.click();
}

/** Clicks a button of the visible modal dialog. */
export async function clickDialogButton(page: Page, name: string, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  await dialogButton(page, name).click({ timeout: timeoutMs });
}

function dialogButton(page: Page, name: string): Locator {
  return page.locator('.monaco-dialog-box').getByRole('button', { name, exact: true });
}

/** The extension's status bar item created with `createStatusBarItem(id, ...)`. */
export function statusBarItem(page: Page, id: string): Locator {
  return page.locator(`[id="${cssString(`${EXTENSION_ID}.${id}`)}"]`);
}

/** Answers VS Code's questions the way a user who wants to sign in would. */
const AUTO_ACCEPT_BUTTONS = ['Allow', 'Open'];
const AUTO_ACCEPT_POLL_MS = 250;

/**
 * Keeps clicking "Allow" (sign-in consent) and "Open" (external link) whenever such a
 * dialog appears on any page of the context, and logs popups so their redirects can be
 * followed in the output. Popups are left to load. Returns a function that stops it.
 */
export function autoAcceptDialogs(context: BrowserContext, log: (line: string) => void = () => undefined): () => void {
  let stopped = false;
  const onPage = (popup: Page) => {
    log(`[browser] popup opened: ${redactUrl(popup.url())}`);
    popup.on('framenavigated', (frame) => {
      if (frame === popup.mainFrame()) log(`[browser] popup at ${redactUrl(frame.url())}`);
    });
  };
  context.on('page', onPage);
  const loop = async () => {
    while (!stopped) {
      for (const page of context.pages()) {
        for (const name of AUTO_ACCEPT_BUTTONS) {
          const button = dialogButton(page, name);
          try {
            if (await button.isVisible()) {
              log(`[browser] clicking "${name}" in a dialog`);
              await button.click({ timeout: 2000 });
            }
          } catch {
            // The page closed or the dialog went away between the check and the click.
          }
        }
      }
      await new Promise((r) => setTimeout(r, AUTO_ACCEPT_POLL_MS));
    }
  };
  void loop();
  return () => {
    stopped = true;
    context.off('page', onPage);
  };
}

/** Saves a screenshot of `target` (a page or an element), creating the folder. */
export async function screenshot(target: Page | Locator, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await target.screenshot({ path: file });
}

/** Query values that grant access never reach logs. */
const SECRET_PARAMS = ['code', 'access_token', 'refresh_token', 'token', 'client_secret', 'code_verifier'];

function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    for (const name of SECRET_PARAMS) if (url.searchParams.has(name)) url.searchParams.set(name, '***');
    // The fragment can carry tokens too (implicit grant).
    if (url.hash) url.hash = '#***';
    return url.toString();
  } catch {
    return raw;
  }
}

function cssString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
