import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { systemClock } from '../../src/clock';
import { localPlayerForThisSystem } from '../../src/localPlayer/forThisSystem';
import { check, HelperRun, main, ROOT, within } from './helperRun';

// On a macOS runner without Spotify (desktop-helpers workflow): spotify.jxa.js watch must say
// {"problem":"notInstalled",...} and exit 0 within a few seconds, and Backbeat's bridge must
// start it once, not again and again. Exits non-zero when a check fails.

const HELPERS_DIR = path.join(ROOT, 'src', 'localPlayer', 'macos');
const SCRIPT = path.join(HELPERS_DIR, 'spotify.jxa.js');
const WATCH_MS = 20_000;

main('macOS helper (spotify.jxa.js)', async (runs) => {
  const once = new HelperRun('spotify.jxa.js watch', 'osascript', ['-l', 'JavaScript', SCRIPT, 'watch']);
  runs.push(once);
  const code = await within(once.exited, 10_000, 'exit of spotify.jxa.js watch with Spotify absent');
  check(code === 0, `spotify.jxa.js watch ended with exit code ${code}`);
  check(once.lines.some((l) => l.json?.problem === 'notInstalled' && typeof l.json.message === 'string'), 'no {"problem":"notInstalled","message":...} line');

  // Through the bridge, with an osascript on PATH that counts its runs before it runs the real one.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-osascript-'));
  const count = path.join(dir, 'runs');
  fs.writeFileSync(path.join(dir, 'osascript'), `#!/bin/sh\necho run >> '${count}'\nexec /usr/bin/osascript "$@"\n`, { mode: 0o755 });
  process.env.PATH = `${dir}${path.delimiter}${process.env.PATH}`;
  const warnings: string[] = [];
  const player = localPlayerForThisSystem('darwin', HELPERS_DIR, { clock: systemClock, log: { info: () => undefined, warn: (m) => warnings.push(m) } })!;
  player.start();
  await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
  player.dispose();
  const started = fs.existsSync(count) ? fs.readFileSync(count, 'utf8').trim().split('\n').length : 0;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`bridge log: ${JSON.stringify(warnings)}`);
  check(started === 1, `the bridge started osascript ${started} times in ${WATCH_MS / 1000} s, not once`);
});
