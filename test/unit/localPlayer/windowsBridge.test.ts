import * as assert from 'assert';
import { smtcPlayer } from '../../../src/localPlayer/windows/smtcPlayer';
import { HELPERS, HelperStubs, StubbedBridge } from '../../support/helperStubs';
import { until } from '../../support/until';

// The Windows bridge against a stand-in powershell on PATH that replays an output of smtc.ps1
// (hand-made in the script's format: no Windows runs here) and answers commands as it does.

describe('Windows bridge: PowerShell and smtc.ps1 (stub powershell on PATH)', () => {
  let bridge: StubbedBridge;
  const begin = (options: ConstructorParameters<typeof HelperStubs>[1] = {}, recording = 'windows-watch.jsonl') =>
    (bridge = new StubbedBridge((deps) => smtcPlayer(HELPERS.windows, deps), recording, options));

  afterEach(() => bridge?.close());

  it('reads media, playback and timeline changes; SMTC has no URI or cover URL', async () => {
    begin();
    await until('Glory Box', () => bridge.player.state?.track?.title === 'Glory Box');
    const [first, paused, next] = bridge.seen;
    assert.deepStrictEqual(first?.track, { title: 'Teardrop', artists: ['Massive Attack'], album: 'Mezzanine', artUrl: undefined, uri: undefined, durationMs: 330_000 });
    assert.deepStrictEqual([first?.status, first?.positionMs, paused?.status, paused?.positionMs], ['playing', 61_250, 'paused', 64_000]);
    assert.strictEqual(next?.capabilities.seek, false, 'a capability the session turns off');
    assert.strictEqual(next?.capabilities.openUri, false);
    assert.deepStrictEqual(bridge.stubs.calls()[0], ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', HELPERS.windows]);
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
    await until('Teardrop', () => bridge.player.state?.running);
    await bridge.player.send({ type: 'seek', positionMs: 83_500 });
    assert.deepStrictEqual(bridge.stubs.calls().slice(1), ['1 seek 83500']);
  });

  it('leaves to the Web API what the session does not offer: a seek it turned off, opening a URI', async () => {
    begin();
    await until('Glory Box', () => bridge.player.state?.track?.title === 'Glory Box');
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
    await until('the helper again, reporting', () => bridge.seen.filter((s) => s?.running).length === 6);
    assert.strictEqual(bridge.stubs.calls().length, 2);
  });
});
