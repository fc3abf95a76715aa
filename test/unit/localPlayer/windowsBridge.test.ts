import * as assert from 'assert';
import { smtcPlayer } from '../../../src/localPlayer/windows/smtcPlayer';
import { HELPERS, HelperStubs, StubbedBridge } from '../../support/helperStubs';
import { until } from '../../../sim/until';

// The Windows bridge against a stand-in powershell on PATH that replays an output of smtc.ps1
// (no Windows runs here: hand-made in the shape Windows PowerShell 5.1's ConvertTo-Json gives the
// script's hashtables: keys in hash order, durations to the millisecond, a state line whenever
// Spotify refreshes its timeline, heartbeats, UTF-8 titles) and answers commands as it does.

describe('Windows bridge: PowerShell and smtc.ps1 (stub powershell on PATH)', () => {
  let bridge: StubbedBridge;
  const begin = (options: ConstructorParameters<typeof HelperStubs>[1] = {}, recording = 'windows-watch.jsonl') =>
    (bridge = new StubbedBridge((deps) => smtcPlayer(HELPERS.windows, deps), recording, options));
  const STATES_PER_RUN = 5; // in windows-watch.jsonl

  afterEach(() => bridge?.close());

  it('reads media, playback and timeline changes; SMTC has no URI or cover URL', async () => {
    begin();
    await until('Hopp\u00edpolla', () => bridge.player.state?.track?.title === 'Hopp\u00edpolla');
    const [first] = bridge.seen;
    assert.deepStrictEqual(first?.track, { title: 'Teardrop', artists: ['Massive Attack'], album: 'Mezzanine', artUrl: undefined, uri: undefined, durationMs: 330_573 });
    assert.deepStrictEqual(
      bridge.seen.map((s) => [s?.status, s?.positionMs]),
      [['playing', 61_250], ['playing', 64_263], ['playing', 67_270], ['paused', 68_012], ['playing', 0]],
      'a line per timeline refresh; heartbeats change nothing',
    );
    const next = bridge.seen[STATES_PER_RUN - 1];
    assert.deepStrictEqual([next?.track?.title, next?.track?.artists, next?.track?.durationMs], ['Hopp\u00edpolla', ['Sigur R\u00f3s'], 268_573]);
    assert.strictEqual(next?.capabilities.seek, false, 'a capability the session turns off');
    assert.strictEqual(next?.capabilities.openUri, false);
    assert.strictEqual(bridge.player.polls, true, 'it reads every second, so it runs only while the window has focus');
    assert.deepStrictEqual(bridge.stubs.calls()[0], ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', HELPERS.windows]);
  });

  it('keeps Japanese titles and escaped apostrophes intact', async () => {
    begin({}, 'windows-playing.jsonl');
    await until('two tracks', () => bridge.seen.length === 2);
    assert.deepStrictEqual(
      bridge.seen.map((s) => [s?.track?.title, s?.track?.artists]),
      [['\u6b8b\u9177\u306a\u5929\u4f7f\u306e\u30c6\u30fc\u30bc', ['\u9ad8\u6a4b\u6d0b\u5b50']], ["Don't Know Why", ['Norah Jones']]],
    );
  });

  it('sends commands as lines on stdin and waits for each answer', async () => {
    begin();
    await until('Teardrop', () => bridge.player.state?.running);
    await bridge.player.send({ type: 'playPause' });
    await bridge.player.send({ type: 'next' });
    await bridge.player.send({ type: 'previous' });
    await bridge.player.send({ type: 'pause' });
    assert.deepStrictEqual(bridge.stubs.calls().slice(1), ['1 playpause', '2 next', '3 previous', '4 pause']);
  });

  it('seeks in milliseconds while the session allows it', async () => {
    begin({}, 'windows-playing.jsonl');
    await until('a track', () => bridge.player.state?.running);
    await bridge.player.send({ type: 'seek', positionMs: 83_500 });
    assert.deepStrictEqual(bridge.stubs.calls().slice(1), ['1 seek 83500']);
  });

  it('leaves to the Web API what the session does not offer: a seek it turned off, opening a URI', async () => {
    begin();
    await until('Hopp\u00edpolla', () => bridge.player.state?.track?.title === 'Hopp\u00edpolla');
    await assert.rejects(bridge.player.send({ type: 'seek', positionMs: 83_500 }), /does not offer seek/);
    await assert.rejects(bridge.player.send({ type: 'openUri', uri: 'spotify:track:1' }), /does not offer openUri/);
    assert.deepStrictEqual(bridge.stubs.calls().slice(1), [], 'nothing was sent');
  });

  it('rejects a command the session refused, so it goes to the Web API', async () => {
    begin({ fail: 'Spotify refused it' });
    await until('a state', () => bridge.player.state?.running);
    await assert.rejects(bridge.player.send({ type: 'next' }), /Spotify refused it/);
  });

  it('when the helper ends, says Spotify is unavailable here and starts it again with back-off', async () => {
    begin({ exitAfterReplay: true });
    await until('the helper gone and its state dropped', () => bridge.seen.length > 0 && bridge.player.state === undefined);
    await assert.rejects(bridge.player.send({ type: 'next' }), /not running/);
    await bridge.clock.advance(1_000);
    await until('the helper again, reporting', () => bridge.seen.filter((s) => s?.running).length === 2 * STATES_PER_RUN);
    assert.strictEqual(bridge.stubs.calls().length, 2);
  });
});
