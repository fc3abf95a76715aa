import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { LOOK_AGAIN_MS } from '../../../src/localPlayer/absentBridge';
import { BURST_STATES, FLOOD_INTERVAL_MS } from '../../../src/localPlayer/helperPlayer';
import { LINE_MAX_CHARS, readLines } from '../../../src/localPlayer/helperProcess';
import { appleScriptPlayer } from '../../../src/localPlayer/macos/appleScriptPlayer';
import { provenAlive, SILENT_MS } from '../../../src/localPlayer/provenAlive';
import { HELPERS, RECORDINGS_DIR, StubbedBridge } from '../../support/helperStubs';
import { until } from '../../../sim/until';

// A helper process is trusted only while it speaks: the real bridge and a real process (the
// stand-in osascript on PATH, test/support/stubs), watched on a fake clock.

describe('helper processes: liveness, bounds, and a machine without Spotify', () => {
  let bridge: StubbedBridge | undefined;
  afterEach(() => bridge?.close());

  it('a helper that stops speaking is killed after 15 s, and started again with back-off', async () => {
    // The recording's one line, then nothing: a helper hung in an Apple event.
    bridge = new StubbedBridge((deps) => provenAlive(appleScriptPlayer(HELPERS.macos, deps), deps.clock, deps.log), 'macos-playing.jsonl');
    await until('the first line', () => bridge!.player.state?.running);
    await bridge.clock.advance(SILENT_MS);
    assert.strictEqual(bridge.player.state, undefined, 'its last state is gone: the Web API is the truth meanwhile');
    assert.ok(bridge.log.lines.some((l) => l.includes('said nothing for 15 s')));
    await bridge.clock.advance(1_000);
    await until('a second helper, reporting', () => bridge!.seen.filter((s) => s?.running).length === 2);
    assert.strictEqual(bridge.stubs.calls().length, 2, 'one restart');
  });

  it('says once that Spotify is not installed and does not start the helper again until a start after a long while', async () => {
    bridge = new StubbedBridge((deps) => provenAlive(appleScriptPlayer(HELPERS.macos, deps), deps.clock, deps.log), 'macos-not-installed.jsonl', { exitAfterReplay: true });
    await until('the helper ended', () => bridge!.player.state?.running === false);
    await bridge.clock.advance(10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.strictEqual(bridge.stubs.calls().length, 1, 'no restart storm');
    bridge.player.stop();
    bridge.player.start();
    assert.strictEqual(bridge.stubs.calls().length, 1, 'a focus soon after does not look again');
    assert.strictEqual(bridge.log.lines.filter((l) => l.includes('not installed')).length, 1, 'said once');
    assert.ok(!bridge.log.lines.some((l) => l.includes('ended (') || l.includes('said nothing')), 'no warning: it is a fact, not a fault');
    await bridge.clock.advance(LOOK_AGAIN_MS);
    bridge.player.stop();
    bridge.player.start();
    await until('a second look', () => bridge!.stubs.calls().length === 2);
  });

  describe('reading lines', () => {
    const lines = (chunks: string[]) => {
      const stream = new PassThrough();
      const seen: string[] = [];
      readLines(stream, (line) => seen.push(line));
      chunks.forEach((c) => stream.write(c));
      return new Promise<string[]>((resolve) => setImmediate(() => resolve(seen)));
    };

    it('joins lines split across chunks, and drops a line longer than 64 KiB whole', async () => {
      const long = 'x'.repeat(LINE_MAX_CHARS / 4);
      assert.deepStrictEqual(
        await lines(['{"a":', '1}\r\n{"b"', ':2}\n', long, long, long, long, 'tail of the long line\n{"c":3}\n', '\n  \n']),
        ['{"a":1}', '{"b":2}', '{"c":3}'],
      );
    });

    it('drops a 20 MB flood without a line end, and reads the line after it', async () => {
      const chunk = 'y'.repeat(1024 * 1024);
      assert.deepStrictEqual(await lines([...Array.from({ length: 20 }, () => chunk), '\n{"ok":true}\n']), ['{"ok":true}']);
    });
  });
});

describe('a helper that floods', () => {
  let bridge: StubbedBridge | undefined;
  let dir: string | undefined;
  afterEach(() => {
    bridge?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is heard at once for a burst, then at most every 100 ms, and its newest state wins', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-flood-'));
    const flood = path.join(dir, 'flood.jsonl');
    const line = (n: number) => JSON.stringify({ running: true, status: 'playing', title: `Track ${n}`, artists: ['Flood'], durationMs: 200_573, positionMs: n, can: { playPause: true } });
    fs.writeFileSync(flood, Array.from({ length: 5_000 }, (_, n) => line(n)).join('\n') + '\n');
    bridge = new StubbedBridge((deps) => appleScriptPlayer(HELPERS.macos, deps), path.relative(RECORDINGS_DIR, flood));
    await until('the first state', () => bridge!.seen.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.strictEqual(bridge.seen.length, BURST_STATES, `a burst heard at once, the rest of 5,000 held`);
    await bridge.clock.advance(FLOOD_INTERVAL_MS);
    assert.strictEqual(bridge.player.state?.track?.title, 'Track 4999', 'the newest state, once the interval is over');
    assert.strictEqual(bridge.seen.length, BURST_STATES + 1);
  });
});
