import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseHelperLine } from '../../../src/localPlayer/helperReport';
import type { LocalPlayerState } from '../../../src/localPlayer/localPlayer';
import { HELPERS, RECORDINGS_DIR } from '../../support/helperStubs';
import { Track } from '../../support/powershell/smtc';
import { WindowsMachine, WindowsOptions } from '../../support/powershell/windowsMachine';

// The real smtc.ps1, run in a stand-in Windows PowerShell 5.1 (test/support/powershell) against a
// stand-in of the Windows media controls, on a virtual clock. What it writes is read with
// Backbeat's own parser. BACKBEAT_SMTC_SCRIPT runs the same tests against another copy.

const SCRIPT = process.env.BACKBEAT_SMTC_SCRIPT ?? HELPERS.windows;
const SPOTIFY = 'Spotify.exe';
const TRACKS: Track[] = [
  { title: 'Café del Mar — ソ', artist: 'Energy 52', album: 'Café del Mar, Vol. 5', durationMs: 246_093 },
  { title: "Don't Know Why", artist: 'Norah Jones', album: 'Come Away With Me', durationMs: 186_026 },
];
/** What Backbeat requires of a helper (localPlayer.ts): a line at least every 5 s. */
const HEARTBEAT_MS = 5_000;
/** The script beats every 2 s while nothing happens; a read of the session (some 30 ms here)
 * may delay a beat. A command moves the next read and may make a silence of up to about 3.5 s
 * (a 2 s wait for an operation included): within the 5 s Backbeat allows. */
const QUIET_HEARTBEAT_MS = 2_000 + 100;

interface Run {
  machine: WindowsMachine;
  exitCode: number;
  states: { at: number; state: LocalPlayerState }[];
  acks: { at: number; id: number; ok: boolean; error?: string }[];
  problems: { at: number; problem: string; message: string }[];
}

async function run(machine: WindowsMachine): Promise<Run> {
  const exitCode = await machine.run(SCRIPT);
  const reports = machine.lines().map(({ at, text }) => ({ at, text, report: parseHelperLine(text, at) }));
  for (const { text, report } of reports) assert.ok(report, `Backbeat reads every line (not: ${text})`);
  return {
    machine,
    exitCode,
    states: reports.flatMap(({ at, report }) => (report?.kind === 'state' ? [{ at, state: report.state }] : [])),
    acks: reports.flatMap(({ at, report }) => (report?.kind === 'ack' ? [{ at, id: report.id, ok: report.ok, error: report.error }] : [])),
    problems: reports.flatMap(({ at, report }) => (report?.kind === 'problem' ? [{ at, problem: report.problem, message: report.message }] : [])),
  };
}

/** A machine with Spotify playing track 0 at 61.25 s as of 3 s before the script starts. */
function spotifyPlaying(options: WindowsOptions = {}): WindowsMachine {
  const machine = new WindowsMachine(options);
  machine.addSession('Chrome', [{ title: 'A video', artist: 'Someone', album: '', durationMs: 600_000 }]);
  machine.addSession(SPOTIFY, TRACKS, (s) => {
    s.positionMs = 61_250;
    s.updatedAt = -3_000;
  });
  return machine;
}

const spotify = (m: WindowsMachine) => m.sessions.find((s) => s.SourceAppUserModelId === SPOTIFY)!;

/** The longest time without a heartbeat, to the close of stdin. */
function longestSilence(machine: WindowsMachine, closedAt: number): number {
  const beats = machine.lines().filter((l) => l.text === '{"alive":true}').map((l) => l.at);
  return Math.max(...[0, ...beats, closedAt].map((at, i, all) => (i ? at - all[i - 1] : 0)));
}

/** It ran until stdin closed, polling, with a heartbeat at least every 5 s. */
function assertWellBehaved({ machine, exitCode }: Run, closedAt: number): void {
  assert.strictEqual(exitCode, 0);
  const texts = machine.lines().map((l) => l.text);
  assert.ok(texts.indexOf('{"polling":true}') === texts.findIndex((t) => t !== '{"alive":true}'), `it says it polls before anything else (${texts.slice(0, 2).join(' ')})`);
  const silence = longestSilence(machine, closedAt);
  assert.ok(silence <= HEARTBEAT_MS, `a heartbeat at least every 5 s (longest silence ${silence} ms)`);
  assert.ok(machine.clock.now - closedAt <= 10, `it ended as stdin closed (at ${closedAt} ms), not at ${machine.clock.now} ms`);
}

describe('smtc.ps1 in a stand-in Windows PowerShell 5.1 (virtual Windows)', function () {
  this.timeout(30_000);

  it('Spotify playing: polling, then the state with non-ASCII text and the position brought to now', async () => {
    const result = await run(spotifyPlaying().closeStdin(9_000));
    assertWellBehaved(result, 9_000);
    assert.ok(longestSilence(result.machine, 9_000) <= QUIET_HEARTBEAT_MS, `a heartbeat every 2 s while nothing happens (${longestSilence(result.machine, 9_000)} ms)`);
    assert.strictEqual(result.states.length, 1, 'one state: nothing changed afterwards');
    const [{ at, state }] = result.states;
    assert.ok(at <= 100, `the state came at once (${at} ms)`);
    assert.deepStrictEqual(state.track, { title: 'Café del Mar — ソ', artists: ['Energy 52'], album: 'Café del Mar, Vol. 5', artUrl: undefined, uri: undefined, durationMs: 246_093 });
    assert.strictEqual(state.status, 'playing');
    // Windows last heard 61.25 s three seconds before the start: the script adds those 3 s.
    assert.ok(Math.abs(state.positionMs - (61_250 + 3_000 + at)) <= 1, `position estimated forward: ${state.positionMs}`);
    assert.deepStrictEqual(state.capabilities, { playPause: true, next: true, previous: true, seek: true, openUri: false, position: true });
  });

  it('a change in the session comes within a second; a paused position is not moved on', async () => {
    const result = await run(
      spotifyPlaying()
        .at(5_000, (m) => spotify(m).update({ status: 'Paused' }))
        .at(9_500, (m) => spotify(m).update({ status: 'Playing', trackIndex: 1, positionMs: 0 }))
        .closeStdin(12_000),
    );
    assertWellBehaved(result, 12_000);
    const seen = result.states.map(({ at, state }) => ({ at, what: `${state.status} ${state.track?.title}` }));
    assert.deepStrictEqual(seen.map((s) => s.what), ['playing Café del Mar — ソ', 'paused Café del Mar — ソ', "playing Don't Know Why"]);
    assert.ok(seen[1].at - 5_000 <= 1_100 && seen[2].at - 9_500 <= 1_100, `each within ~1 s: ${JSON.stringify(seen)}`);
    const paused = result.states[1].state;
    assert.ok(Math.abs(paused.positionMs - (61_250 + 8_000)) <= 1, `paused where it stopped: ${paused.positionMs}`);
  });

  it('commands: next, seek and playpause are acknowledged and reach the session', async () => {
    const result = await run(spotifyPlaying().send(2_000, '7 next').send(3_000, '8 seek 90000').send(4_000, '9 playpause').closeStdin(6_000));
    assertWellBehaved(result, 6_000);
    assert.deepStrictEqual(result.acks.map(({ id, ok }) => ({ id, ok })), [{ id: 7, ok: true }, { id: 8, ok: true }, { id: 9, ok: true }]);
    assert.deepStrictEqual(spotify(result.machine).calls.map(({ operation, argument }) => [operation, argument]), [
      ['TrySkipNextAsync', undefined],
      ['TryChangePlaybackPositionAsync', 900_000_000],
      ['TryTogglePlayPauseAsync', undefined],
    ]);
    const next = result.states.find((s) => s.state.track?.title === "Don't Know Why");
    assert.ok(next && next.at - 2_000 <= 500, `the next track shows soon after the command (${next?.at} ms)`);
    assert.strictEqual(result.states.at(-1)?.state.status, 'paused');
  });

  it('playpause without a toggle: pause while playing, play while paused', async () => {
    const machine = spotifyPlaying();
    spotify(machine).controls = { ...spotify(machine).controls, IsPlayPauseToggleEnabled: false, IsPlayEnabled: true };
    const result = await run(machine.send(1_500, '1 playpause').send(3_000, '2 playpause').closeStdin(4_500));
    assert.deepStrictEqual(spotify(machine).calls.map((c) => c.operation), ['TryPauseAsync', 'TryPlayAsync']);
    assert.deepStrictEqual(result.acks.map((a) => a.ok), [true, true]);
  });

  it('a refused command: ok false, "Spotify refused it"', async () => {
    const machine = spotifyPlaying();
    spotify(machine).answers.TrySkipNextAsync = 'refuse';
    const result = await run(machine.send(1_500, '3 next').closeStdin(3_000));
    assert.deepStrictEqual(result.acks.map(({ id, ok, error }) => ({ id, ok, error })), [{ id: 3, ok: false, error: 'Spotify refused it' }]);
  });

  it('a command Windows never answers: ok false after 2 s, and the script carries on', async () => {
    const machine = spotifyPlaying();
    spotify(machine).answers.TrySkipNextAsync = 'never';
    const result = await run(machine.send(1_500, '4 next').send(5_000, '5 seek 1000').closeStdin(9_000));
    assertWellBehaved(result, 9_000);
    const [gaveUp, next] = result.acks;
    assert.deepStrictEqual([gaveUp.id, gaveUp.ok], [4, false]);
    assert.match(gaveUp.error ?? '', /did not answer within 2 s/);
    assert.ok(gaveUp.at - 1_500 >= 2_000 && gaveUp.at - 1_500 <= 2_100, `it gave up after 2 s (${gaveUp.at - 1_500} ms)`);
    assert.deepStrictEqual([next.id, next.ok], [5, true], 'the next command still works');
    assert.ok(result.machine.lines().some((l) => l.text === '{"alive":true}' && l.at > gaveUp.at), 'the heartbeat goes on');
  });

  it('a command that fails in Windows: ok false with the error, and the script carries on', async () => {
    const machine = spotifyPlaying();
    spotify(machine).answers.TrySkipPreviousAsync = 'fail';
    const result = await run(machine.send(1_500, '6 previous').send(2_500, '7 pause').closeStdin(4_000));
    assertWellBehaved(result, 4_000);
    assert.deepStrictEqual(result.acks.map((a) => a.ok), [false, true]);
    assert.match(result.acks[0].error ?? '', /One or more errors occurred/);
  });

  it('no Spotify session (other apps only): running false; commands say Spotify is not running', async () => {
    const machine = new WindowsMachine();
    machine.addSession('Chrome', TRACKS);
    machine.addSession('Microsoft.ZuneMusic_8wekyb3d8bbwe!Microsoft.ZuneMusic', TRACKS);
    const result = await run(machine.send(1_500, '2 play').closeStdin(3_000));
    assertWellBehaved(result, 3_000);
    assert.deepStrictEqual(machine.lines().find((l) => l.text.includes('running'))?.text, '{"running":false}');
    assert.deepStrictEqual(result.states.map((s) => s.state.running), [false]);
    assert.deepStrictEqual(result.acks.map(({ ok, error }) => ({ ok, error })), [{ ok: false, error: 'Spotify is not running' }]);
  });

  it('the Microsoft Store build of Spotify is found too', async () => {
    const machine = new WindowsMachine();
    machine.addSession('SpotifyAB.SpotifyMusic_zpdnekdrzrea0!Spotify', TRACKS);
    const result = await run(machine.closeStdin(1_500));
    assert.strictEqual(result.states[0].state.track?.title, TRACKS[0].title);
  });

  it('BACKBEAT_SMTC_APP picks another app by its SourceAppUserModelId', async () => {
    const result = await run(spotifyPlaying({ env: { BACKBEAT_SMTC_APP: '^chrome$' } }).closeStdin(1_500));
    assert.deepStrictEqual(result.states.map((s) => s.state.track?.title), ['A video']);
  });

  for (const [why, options, message] of [
    ['RequestAsync fails', { requestAsync: 'fail' }, /not available: Exception calling "Wait" with "1" argument\(s\): "One or more errors occurred\."/],
    ['RequestAsync never answers', { requestAsync: 'never' }, /did not answer within 2 s/],
    ['Windows.Media.Control is missing', { winrt: false }, /Could not load type 'Windows\.Media\.Control\.GlobalSystemMediaTransportControlsSessionManager'/],
    ['PowerShell 7', { psEdition: 'Core' }, /PowerShell 7 cannot load WinRT types/],
  ] as const) {
    it(`${why}: one "unsupported" problem, then exit 0`, async () => {
      const machine = spotifyPlaying(options as WindowsOptions);
      const result = await run(machine.closeStdin(5_000));
      assert.strictEqual(result.exitCode, 0);
      assert.deepStrictEqual(result.problems.map((p) => p.problem), ['unsupported']);
      assert.match(result.problems[0].message, message);
      assert.deepStrictEqual(result.states, [], 'no state after it gave up');
      assert.ok(machine.clock.now <= 2_100, `it ended at once (${machine.clock.now} ms)`);
    });
  }

  it('stdin closed at once: the script ends', async () => {
    const result = await run(spotifyPlaying().closeStdin(0));
    assert.strictEqual(result.exitCode, 0);
    assert.ok(result.machine.clock.now <= 100, `ended at ${result.machine.clock.now} ms`);
  });

  it('lines it does not understand: one badCommand problem, once; blank lines are ignored', async () => {
    const result = await run(spotifyPlaying().send(1_000, 'next').send(1_200, '').send(1_500, '1 seek -5').send(2_000, '2 next').closeStdin(3_000));
    assertWellBehaved(result, 3_000);
    assert.deepStrictEqual(result.problems.map((p) => p.problem), ['badCommand']);
    assert.deepStrictEqual(result.acks.map(({ id, ok }) => ({ id, ok })), [{ id: 2, ok: true }]);
  });

  it('writes the keys the recorded Windows lines have (JSON compared parsed: PowerShell 5.1 hashtables are unordered)', async () => {
    const result = await run(spotifyPlaying().closeStdin(1_500));
    const keys = (text: string) => JSON.stringify(Object.keys(JSON.parse(text) as object).sort());
    const recorded = fs.readFileSync(path.join(RECORDINGS_DIR, 'windows-watch.jsonl'), 'utf8').split('\n').filter((l) => l.includes('"running":true'));
    const written = result.machine.lines().filter((l) => l.text.includes('"running":true')).map((l) => l.text);
    assert.ok(recorded.length && written.length);
    assert.deepStrictEqual(new Set(written.map(keys)), new Set(recorded.map(keys)));
    const can = (text: string) => JSON.stringify(Object.keys((JSON.parse(text) as { can: object }).can).sort());
    assert.deepStrictEqual(new Set(written.map(can)), new Set(recorded.map(can)));
  });
});
