import * as path from 'path';
import { check, HelperRun, main, ROOT, within } from './helperRun';

// On a Windows runner (desktop-helpers workflow): publishMediaSession.ps1 publishes a media
// session with a non-ASCII title; smtc.ps1, told by BACKBEAT_SMTC_APP to follow that app, must
// report it and its changes without being asked, obey commands, keep the title intact in UTF-8
// and beat at least every 5 s. Exits non-zero when a check fails.

const HELPER = path.join(ROOT, 'src', 'localPlayer', 'windows', 'smtc.ps1');
const PUBLISHER = path.join(ROOT, 'test', 'platform', 'windows', 'publishMediaSession.ps1');
// As smtcPlayer.ts starts the helper.
const POWERSHELL_ARGS = ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File'];
const TITLE = 'Hopp\u00edpolla \u2013 \u30db\u30c3\u30d4\u30dd\u30c3\u30e9';
const ARTIST = 'Sigur R\u00f3s';
const NEXT_TITLE = 'Gl\u00f3s\u00f3li';
const HEARTBEAT_MAX_MS = 5_000;

main('Windows helper (smtc.ps1)', async (runs) => {
  const app = new HelperRun('publishMediaSession.ps1', 'powershell', [...POWERSHELL_ARGS, PUBLISHER], { BACKBEAT_TEST_TITLE: TITLE, BACKBEAT_TEST_ARTIST: ARTIST });
  runs.push(app);
  const published = await app.waitFor('published session', (j) => Array.isArray(j.published), 60_000);
  console.log(`sessions Windows lists: ${JSON.stringify(published.published)}`);

  const helper = new HelperRun('smtc.ps1', 'powershell', [...POWERSHELL_ARGS, HELPER], { BACKBEAT_SMTC_APP: process.env.BACKBEAT_SMTC_APP ?? 'powershell' });
  runs.push(helper);
  await helper.waitFor('{"polling":true}', (j) => j.polling === true, 30_000);
  const first = await helper.waitFor('state of the published track, before any command', (j) => j.running === true && j.title === TITLE, 20_000);
  check(JSON.stringify(first.artists) === JSON.stringify([ARTIST]), `artists ${JSON.stringify(first.artists)}, not [${ARTIST}]`);
  check(first.status === 'playing', `status ${String(first.status)}, not playing`);
  check(first.durationMs === 330_573, `durationMs ${String(first.durationMs)}, not 330573`);
  check(typeof first.positionMs === 'number' && first.positionMs >= 61_000, `positionMs ${String(first.positionMs)}, not from 61 s on`);

  let from = helper.lines.length;
  app.write(`title ${NEXT_TITLE}`);
  await helper.waitFor('state of the next track, without a command', (j) => j.title === NEXT_TITLE, 10_000, from);

  from = helper.lines.length;
  helper.write('1 pause');
  await helper.waitFor('ok for "1 pause"', (j) => j.ack === 1 && j.ok === true, 3_000, from);
  await helper.waitFor('paused state', (j) => j.running === true && j.status === 'paused', 5_000, from);
  from = helper.lines.length;
  helper.write('2 play');
  await helper.waitFor('ok for "2 play"', (j) => j.ack === 2 && j.ok === true, 3_000, from);
  await helper.waitFor('playing state', (j) => j.running === true && j.status === 'playing', 5_000, from);
  from = helper.lines.length;
  helper.write('3 rewind');
  await helper.waitFor('refusal of "3 rewind"', (j) => j.ack === 3 && j.ok === false && typeof j.error === 'string', 3_000, from);

  // Long enough to see several heartbeats.
  while (helper.elapsed < 15_000) await new Promise((resolve) => setTimeout(resolve, 500));
  const beats = [0, ...helper.lines.filter((l) => l.json?.alive === true).map((l) => l.at), helper.elapsed];
  const longest = Math.max(...beats.slice(1).map((at, i) => at - beats[i]));
  check(beats.length > 4, `only ${beats.length - 2} heartbeats in ${helper.elapsed} ms`);
  // The first gap includes starting PowerShell; every later one is the script's own.
  const later = beats.slice(2).map((at, i) => at - beats[i + 1]);
  check(Math.max(...later) <= HEARTBEAT_MAX_MS, `a ${Math.max(...later)} ms gap between heartbeats (longest with start-up: ${longest} ms)`);

  const bytes = Buffer.concat(helper.raw);
  check(!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf), 'stdout starts with a byte order mark');
  check(!bytes.toString('utf8').includes('\ufffd'), 'stdout is not valid UTF-8');
  check(helper.lines.every((l) => l.json), `a line that is not a JSON object: ${helper.lines.find((l) => !l.json)?.text}`);

  helper.end();
  const code = await within(helper.exited, 10_000, 'end of smtc.ps1 after stdin closed');
  check(code === 0, `smtc.ps1 ended with exit code ${code}`);
  app.end();
  await within(app.exited, 10_000, 'end of publishMediaSession.ps1');
});
