import * as fs from 'fs';
import * as path from 'path';
import { launchBrowser, logIn, openWorkbench, statusBarItem } from '../sim/editor/browser';
import { launchCodeServer } from '../sim/editor/launchCodeServer';
import { packageExtension } from '../sim/editor/packageExtension';
import { until } from '../sim/until';

// Time spent in `activate`, as the extension itself logs it ("Activated in N ms"), over several
// real activations: the packaged extension installed in code-server, each workbench load in
// Chromium starting a fresh extension host.

const ACTIVATION_LINE = /Activated in (\d+) ms/;
/** The status bar item's id (src/ui/nowPlayingItem.ts, which needs `vscode` and cannot be imported here). */
const NOW_PLAYING_ID = 'nowPlaying';
/** Generous: a loaded machine takes a while to start an extension host. */
const LOG_TIMEOUT_MS = 90_000;

export async function measureActivations(count: number): Promise<number[]> {
  const vsix = await packageExtension();
  const server = await launchCodeServer({ vsixToInstall: vsix });
  const browser = await launchBrowser();
  try {
    await logIn(browser.context, server);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      await openWorkbench(browser.page, server.url);
      await statusBarItem(browser.page, NOW_PLAYING_ID).waitFor({ timeout: LOG_TIMEOUT_MS });
      times.push(...(await waitForNewTimes(server.userDataDir, times.length)).slice(times.length));
    }
    return times;
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Every "Activated in" time logged so far, once there are more than `known`. */
function waitForNewTimes(userDataDir: string, known: number): Promise<number[]> {
  return until(
    'an "Activated in" line from the extension',
    () => {
      const times = loggedTimes(path.join(userDataDir, 'logs'));
      return times.length > known && times;
    },
    { timeoutMs: LOG_TIMEOUT_MS, pollMs: 200 },
  );
}

function loggedTimes(logsDir: string): number[] {
  const files = fs.existsSync(logsDir) ? (fs.readdirSync(logsDir, { recursive: true }) as string[]) : [];
  return files
    .filter((f) => f.endsWith('Spotify.log'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(logsDir, f), 'utf8').split('\n'))
    .map((line) => ACTIVATION_LINE.exec(line)?.[1])
    .filter((ms): ms is string => ms !== undefined)
    .map(Number);
}
