import * as assert from 'assert';
import type { LocalPlayer, LocalPlayerState } from '../../../src/localPlayer/localPlayer';
import { smtcPlayer } from '../../../src/localPlayer/windows/smtcPlayer';
import { FakeClock } from '../../support/fakeClock';
import { HELPERS, HelperStubs } from '../../support/helperStubs';
import { until } from '../../support/until';
import { RecordingLog } from '../../support/recordingLog';

// The Windows bridge against a stand-in powershell on PATH that replays an output of smtc.ps1
// (hand-made in the script's format: no Windows runs here) and answers commands as it does.

describe('Windows bridge: PowerShell and smtc.ps1 (stub powershell on PATH)', () => {
  let stubs: HelperStubs;
  let player: LocalPlayer;
  let clock: FakeClock;
  const seen: (LocalPlayerState | undefined)[] = [];

  function begin(options: ConstructorParameters<typeof HelperStubs>[1] = {}, recording = 'windows-watch.jsonl'): void {
    stubs = new HelperStubs(recording, options);
    clock = new FakeClock(Date.now());
    player = smtcPlayer(HELPERS.windows, { clock, log: new RecordingLog() });
    seen.length = 0;
    player.onDidChange(() => seen.push(player.state));
    player.start();
  }

  afterEach(() => {
    player?.dispose();
    stubs?.restore();
  });

  it('reads media, playback and timeline changes; SMTC has no URI or cover URL', async () => {
    begin();
    await until('Glory Box', () => player.state?.track?.title === 'Glory Box');
    const [first, paused, next] = seen;
    assert.deepStrictEqual(first?.track, { title: 'Teardrop', artists: ['Massive Attack'], album: 'Mezzanine', artUrl: undefined, uri: undefined, durationMs: 330_000 });
    assert.deepStrictEqual([first?.status, first?.positionMs, paused?.status, paused?.positionMs], ['playing', 61_250, 'paused', 64_000]);
    assert.strictEqual(next?.capabilities.seek, false, 'a capability the session turns off');
    assert.strictEqual(next?.capabilities.openUri, false);
    assert.deepStrictEqual(stubs.calls()[0], ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', HELPERS.windows]);
  });

  it('sends commands as lines on stdin and waits for each answer', async () => {
    begin();
    await until('Teardrop', () => player.state?.running);
    await player.send({ type: 'playPause' });
    await player.send({ type: 'next' });
    await player.send({ type: 'previous' });
    await player.send({ type: 'pause' });
    assert.deepStrictEqual(stubs.calls().slice(1), ['1 playpause', '2 next', '3 previous', '4 pause']);
  });

  it('seeks in milliseconds while the session allows it', async () => {
    begin({}, 'windows-playing.jsonl');
    await until('Teardrop', () => player.state?.running);
    await player.send({ type: 'seek', positionMs: 83_500 });
    assert.deepStrictEqual(stubs.calls().slice(1), ['1 seek 83500']);
  });

  it('leaves to the Web API what the session does not offer: a seek it turned off, opening a URI', async () => {
    begin();
    await until('Glory Box', () => player.state?.track?.title === 'Glory Box');
    await assert.rejects(player.send({ type: 'seek', positionMs: 83_500 }), /does not offer seek/);
    await assert.rejects(player.send({ type: 'openUri', uri: 'spotify:track:1' }), /does not offer openUri/);
    assert.deepStrictEqual(stubs.calls().slice(1), [], 'nothing was sent');
  });

  it('rejects a command the session refused, so it goes to the Web API', async () => {
    begin({ fail: 'Spotify refused it' });
    await until('a state', () => player.state?.running);
    await assert.rejects(player.send({ type: 'next' }), /Spotify refused it/);
  });

  it('when the helper ends, says Spotify is unavailable here and starts it again with back-off', async () => {
    begin({ exitAfterReplay: true });
    await until('the helper gone and its state dropped', () => seen.length > 0 && player.state === undefined);
    await assert.rejects(player.send({ type: 'next' }), /not running/);
    await clock.advance(1_000);
    await until('the helper again, reporting', () => seen.filter((s) => s?.running).length === 6);
    assert.strictEqual(stubs.calls().length, 2);
  });
});
