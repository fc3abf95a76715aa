import * as assert from 'assert';
import { appleScriptPlayer, automationDenied } from '../../../src/localPlayer/macos/appleScriptPlayer';
import * as fs from 'fs';
import * as path from 'path';
import { HELPERS, HelperStubs, RECORDINGS_DIR, StubbedBridge } from '../../support/helperStubs';
import { MACOS_RECORDINGS, record } from '../../support/jxa/macosRecordings';
import { until } from '../../../sim/until';

// The macOS bridge against a stand-in osascript on PATH that replays an output of
// spotify.jxa.js and notes each command. The outputs are what the real script prints in the
// stand-in JXA runtime (test/support/jxa; no Mac runs here), checked by the last test.

describe('macOS bridge: osascript and spotify.jxa.js (stub osascript on PATH)', () => {
  let bridge: StubbedBridge;
  const begin = (options: ConstructorParameters<typeof HelperStubs>[1] = {}, recording = 'macos-watch.jsonl') =>
    (bridge = new StubbedBridge((deps) => appleScriptPlayer(HELPERS.macos, deps), recording, options));

  afterEach(() => bridge?.close());

  it('reads every change the script reports, down to the app quitting', async () => {
    begin();
    await until('the app quitting', () => bridge.seen.at(-1)?.running === false);
    const [first, paused, next, stopped, quit] = bridge.seen;
    assert.deepStrictEqual(first?.track, {
      title: 'Teardrop',
      artists: ['Massive Attack'],
      album: 'Mezzanine',
      artUrl: 'https://i.scdn.co/image/ab67616d0000b273b131bd18deac072dda8a920e',
      uri: 'spotify:track:67Hna13dNDkZvBpTXRIaOJ',
      durationMs: 330_573,
    });
    assert.deepStrictEqual([first?.status, first?.positionMs], ['playing', 61_250]);
    assert.deepStrictEqual([paused?.status, paused?.positionMs], ['paused', 64_250]);
    assert.deepStrictEqual([next?.track?.title, next?.track?.artists, next?.status, next?.positionMs], ['Hoppípolla', ['Sigur Rós'], 'playing', 350]);
    assert.deepStrictEqual([stopped?.running, stopped?.status, stopped?.track], [true, 'stopped', undefined], 'Spotify says Stopped as it quits');
    assert.strictEqual(quit?.running, false);
    assert.strictEqual(bridge.seen.length, 5, 'the heartbeat lines are not changes');
    assert.deepStrictEqual(bridge.stubs.calls()[0], ['-l', 'JavaScript', HELPERS.macos, 'watch']);
  });

  it('maps each command to one short run of the script', async () => {
    begin({}, 'macos-playing.jsonl');
    await until('a track', () => bridge.player.state?.running);
    await bridge.player.send({ type: 'playPause' });
    await bridge.player.send({ type: 'next' });
    await bridge.player.send({ type: 'previous' });
    await bridge.player.send({ type: 'seek', positionMs: 83_500 });
    await bridge.player.send({ type: 'openUri', uri: 'spotify:track:3Ty7OTBNSigGEpeW2PqcsC' });
    const commands = bridge.stubs.calls().slice(1) as string[][];
    assert.deepStrictEqual(
      commands.map((c) => c.slice(2)),
      [[HELPERS.macos, 'playpause'], [HELPERS.macos, 'next'], [HELPERS.macos, 'previous'], [HELPERS.macos, 'seek', '83.5'], [HELPERS.macos, 'open', 'spotify:track:3Ty7OTBNSigGEpeW2PqcsC']],
    );
  });

  it('explains macOS refusing Automation (-1743) and where to allow it', async () => {
    begin({}, 'macos-playing.jsonl');
    await until('a track', () => bridge.player.state?.running);
    bridge.stubs.fail('execution error: Not authorized to send Apple events to Spotify. (-1743)');
    await assert.rejects(bridge.player.send({ type: 'next' }), (error: Error) => error.message === automationDenied());
    assert.match(automationDenied(), /System Settings > Privacy & Security > Automation/);
  });

  it('logs a problem the watcher reports once, and knows when it falls back to reading every 2 s', async () => {
    begin({}, 'macos-problems.jsonl');
    await until('the polling line', () => bridge.player.polls);
    assert.strictEqual(bridge.log.lines.filter((l) => l.includes('Allow it in System Settings')).length, 1);
  });

  it('starts the watcher again with back-off when it dies', async () => {
    begin({ exitAfterReplay: true }, 'macos-playing.jsonl');
    await until('the watcher gone', () => bridge.log.lines.some((l) => l.includes('osascript ended')));
    assert.strictEqual(bridge.player.state, undefined, 'a dead helper reports nothing');
    await bridge.clock.advance(1_000);
    await until('a second watcher, reporting', () => bridge.seen.filter((s) => s?.running).length === 2);
    assert.strictEqual(bridge.stubs.calls().length, 2);
  });

  it('replays what spotify.jxa.js prints in the stand-in JXA runtime (rewrite: node out/test/support/jxa/macosRecordings.js)', () => {
    for (const name of MACOS_RECORDINGS) {
      assert.strictEqual(fs.readFileSync(path.join(RECORDINGS_DIR, name), 'utf8'), record(name), name);
    }
  });
});
