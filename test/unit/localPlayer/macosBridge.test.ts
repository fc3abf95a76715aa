import * as assert from 'assert';
import { AUTOMATION_DENIED, appleScriptPlayer } from '../../../src/localPlayer/macos/appleScriptPlayer';
import type { LocalPlayer, LocalPlayerState } from '../../../src/localPlayer/localPlayer';
import { FakeClock } from '../../support/fakeClock';
import { HELPERS, HelperStubs } from '../../support/helperStubs';
import { until } from '../../support/until';
import { RecordingLog } from '../../support/recordingLog';

// The macOS bridge against a stand-in osascript on PATH that replays an output of
// spotify.jxa.js (hand-made in the script's format: no Mac runs here) and notes each command.

describe('macOS bridge: osascript and spotify.jxa.js (stub osascript on PATH)', () => {
  let stubs: HelperStubs;
  let player: LocalPlayer;
  let clock: FakeClock;
  let log: RecordingLog;
  const seen: (LocalPlayerState | undefined)[] = [];

  function begin(options: ConstructorParameters<typeof HelperStubs>[1] = {}, recording = 'macos-watch.jsonl'): void {
    stubs = new HelperStubs(recording, options);
    clock = new FakeClock(Date.now());
    log = new RecordingLog();
    player = appleScriptPlayer(HELPERS.macos, { clock, log });
    seen.length = 0;
    player.onDidChange(() => seen.push(player.state));
    player.start();
  }

  afterEach(() => {
    player?.dispose();
    stubs?.restore();
  });

  it('reads every change the script reports, down to the app quitting', async () => {
    begin();
    await until('the app quitting', () => seen.at(-1)?.running === false);
    const [first, paused, next, quit] = seen;
    assert.deepStrictEqual(first?.track, {
      title: 'Teardrop',
      artists: ['Massive Attack'],
      album: 'Mezzanine',
      artUrl: 'https://i.scdn.co/image/ab67616d0000b273b131bd18deac072dda8a920e',
      uri: 'spotify:track:4CJpyIp4XjNWTNiauKXRw5',
      durationMs: 330_000,
    });
    assert.deepStrictEqual([first?.status, first?.positionMs], ['playing', 61_250]);
    assert.deepStrictEqual([paused?.status, paused?.positionMs], ['paused', 64_000]);
    assert.deepStrictEqual([next?.track?.title, next?.status, next?.positionMs], ['Glory Box', 'playing', 0]);
    assert.strictEqual(quit?.running, false);
    assert.strictEqual(seen.length, 4, 'the heartbeat line is not a change');
    assert.deepStrictEqual(stubs.calls()[0], ['-l', 'JavaScript', HELPERS.macos, 'watch']);
  });

  it('maps each command to one short run of the script', async () => {
    begin({}, 'macos-playing.jsonl');
    await until('a track', () => player.state?.running);
    await player.send({ type: 'playPause' });
    await player.send({ type: 'next' });
    await player.send({ type: 'previous' });
    await player.send({ type: 'seek', positionMs: 83_500 });
    await player.send({ type: 'openUri', uri: 'spotify:track:3Ty7OTBNSigGEpeW2PqcsC' });
    const commands = stubs.calls().slice(1) as string[][];
    assert.deepStrictEqual(
      commands.map((c) => c.slice(2)),
      [[HELPERS.macos, 'playpause'], [HELPERS.macos, 'next'], [HELPERS.macos, 'previous'], [HELPERS.macos, 'seek', '83.5'], [HELPERS.macos, 'open', 'spotify:track:3Ty7OTBNSigGEpeW2PqcsC']],
    );
  });

  it('explains macOS refusing Automation (-1743) and where to allow it', async () => {
    begin({}, 'macos-playing.jsonl');
    await until('a track', () => player.state?.running);
    stubs.fail('execution error: Not authorized to send Apple events to Spotify. (-1743)');
    await assert.rejects(player.send({ type: 'next' }), (error: Error) => error.message === AUTOMATION_DENIED);
    assert.match(AUTOMATION_DENIED, /System Settings > Privacy & Security > Automation/);
  });

  it('logs a problem the watcher reports once, and knows when it falls back to reading every 2 s', async () => {
    begin({}, 'macos-problems.jsonl');
    await until('the polling line', () => player.polls);
    assert.strictEqual(log.lines.filter((l) => l.includes('Allow it in System Settings')).length, 1);
  });

  it('starts the watcher again with back-off when it dies', async () => {
    begin({ exitAfterReplay: true }, 'macos-playing.jsonl');
    await until('the watcher gone', () => log.lines.some((l) => l.includes('osascript ended')));
    assert.strictEqual(player.state, undefined, 'a dead helper reports nothing');
    await clock.advance(1_000);
    await until('a second watcher, reporting', () => seen.filter((s) => s?.running).length === 2);
    assert.strictEqual(stubs.calls().length, 2);
  });
});
