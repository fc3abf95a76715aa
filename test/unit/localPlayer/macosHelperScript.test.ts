import * as assert from 'assert';
import { parseHelperLine } from '../../../src/localPlayer/helperReport';
import type { LocalPlayerState } from '../../../src/localPlayer/localPlayer';
import { osascript, OsascriptResult } from '../../support/jxa/osascript';
import { TRACKS } from '../../support/jxa/tracks';
import { MacOptions, SPOTIFY_NOTIFICATION, VirtualMac } from '../../support/jxa/virtualMac';
import { HELPERS } from '../../support/helperStubs';

// The real spotify.jxa.js, run in a stand-in JXA runtime (test/support/jxa) on a virtual clock,
// in the worlds a Mac can be in. What it prints is read with Backbeat's own parser. In every
// world: Spotify is never launched, nothing spins, the heartbeat keeps coming, every change
// comes out. BACKBEAT_JXA_SCRIPT runs the same tests against another version of the script.

const SCRIPT = process.env.BACKBEAT_JXA_SCRIPT ?? HELPERS.macos;
const PLAYING: MacOptions['spotify'] = { tracks: [TRACKS.hoppipolla, TRACKS.yoruNiKakeru, TRACKS.teardrop], positionSeconds: 61.25 };
const HEARTBEAT_MS = 5_000;

interface Watched {
  mac: VirtualMac;
  result: OsascriptResult;
  states: { at: number; state: LocalPlayerState }[];
  problems: { at: number; problem: string; message: string }[];
  polling: boolean;
}

function watch(mac: VirtualMac): Watched {
  const result = osascript(mac, SCRIPT, ['watch']);
  const reports = mac.lines().map(({ at, text }) => ({ at, report: parseHelperLine(text, at) }));
  return {
    mac,
    result,
    states: reports.flatMap(({ at, report }) => (report?.kind === 'state' ? [{ at, state: report.state }] : [])),
    problems: reports.flatMap(({ at, report }) => (report?.kind === 'problem' ? [{ at, problem: report.problem, message: report.message }] : [])),
    polling: reports.some(({ report }) => report?.kind === 'polling'),
  };
}

/** What holds in every world: no launch, no spin, a heartbeat every 5 s, ended by the closed pipe. */
function assertWellBehaved({ mac, result }: Watched): void {
  assert.deepStrictEqual(mac.spotify.launches, [], 'an Apple event launched Spotify');
  assert.strictEqual(mac.clock.spun, false, 'the script spun (many calls while no time passed)');
  assert.strictEqual(result.exitCode, 141, `it ran until Backbeat went away (exit ${result.exitCode}: ${result.stderr})`);
  const beats = mac.lines().filter((l) => l.text === '{"alive":true}').map((l) => l.at);
  const gaps = [0, ...beats, mac.clock.now].map((at, i, all) => (i ? at - all[i - 1] : 0));
  assert.ok(Math.max(...gaps) <= HEARTBEAT_MS, `a heartbeat at least every 5 s (longest silence ${Math.max(...gaps)} ms)`);
}

/** The states as (status, title), each change once, and when each first came. */
function changes(states: Watched['states']): { at: number; what: string }[] {
  const out: { at: number; what: string }[] = [];
  for (const { at, state } of states) {
    const what = state.running ? `${state.status} ${state.track?.title ?? '-'}` : 'not running';
    if (out.at(-1)?.what !== what) out.push({ at, what });
  }
  return out;
}

function cameWithin(watched: Watched, what: string, from: number, ms: number): LocalPlayerState {
  const found = watched.states.find((s) => s.at >= from * 1000 && changes([s])[0].what === what);
  assert.ok(found, `"${what}" came after ${from} s (got ${JSON.stringify(changes(watched.states))})`);
  assert.ok(found.at - from * 1000 <= ms, `"${what}" came ${found.at - from * 1000} ms after it happened`);
  return found.state;
}

describe('spotify.jxa.js in a stand-in JXA runtime (virtual Mac)', function () {
  this.timeout(30_000);

  it('normal: reports the track, then each pause, play and next, with non-ASCII titles intact', () => {
    const watched = watch(
      new VirtualMac({ spotify: PLAYING })
        .at(3, (m) => m.spotify.pause())
        .at(8, (m) => m.spotify.play())
        .at(12, (m) => m.spotify.next()),
    );
    assertWellBehaved(watched);
    assert.deepStrictEqual(
      changes(watched.states).map((c) => c.what),
      ['playing Hoppípolla', 'paused Hoppípolla', 'playing Hoppípolla', 'playing 夜に駆ける'],
    );
    const first = watched.states[0].state;
    assert.deepStrictEqual(first.track, {
      title: 'Hoppípolla',
      artists: ['Sigur Rós'],
      album: 'Takk...',
      artUrl: TRACKS.hoppipolla.artworkUrl,
      uri: TRACKS.hoppipolla.id,
      durationMs: 268_733,
    });
    assert.strictEqual(first.positionMs, 61_250);
    const paused = cameWithin(watched, 'paused Hoppípolla', 3, 1_000);
    assert.ok(Math.abs(paused.positionMs - 64_250) <= 100, `paused at ${paused.positionMs}`);
    const next = cameWithin(watched, 'playing 夜に駆ける', 12, 1_000);
    assert.deepStrictEqual([next.track?.artists, next.track?.artUrl, next.track?.durationMs], [['YOASOBI'], TRACKS.yoruNiKakeru.artworkUrl, 261_013]);
    assert.ok(next.positionMs < 1_000, `the new track starts near 0 (${next.positionMs})`);
    assert.strictEqual(watched.states.at(-1)?.state.track?.title, '夜に駆ける', 'the last change is the last state');
    const asked = watched.mac.spotify.appleEvents.filter((e) => e.at > 0).map((e) => e.event);
    assert.deepStrictEqual(asked, ['get currentTrack.artworkUrl'], "after the first read the notifications tell the state: only the new track's cover is asked");
  });

  it('Automation denied: says so once, keeps following the notifications, keeps beating', () => {
    const watched = watch(
      new VirtualMac({ spotify: { ...PLAYING, automation: 'denied' } })
        .at(3, (m) => m.spotify.pause())
        .at(8, (m) => m.spotify.next()),
    );
    assertWellBehaved(watched);
    assert.deepStrictEqual(watched.problems.map((p) => p.problem), ['automation']);
    assert.match(watched.problems[0].message, /System Settings > Privacy & Security > Automation/);
    cameWithin(watched, 'paused Hoppípolla', 3, 1_000);
    const next = cameWithin(watched, 'playing 夜に駆ける', 8, 1_000);
    assert.deepStrictEqual(next.track?.artists, ['YOASOBI']);
  });

  it('Spotify not installed: says so once and ends cleanly', () => {
    const mac = new VirtualMac({ spotify: { installed: false } });
    const result = osascript(mac, SCRIPT, ['watch']);
    assert.strictEqual(result.exitCode, 0, result.stderr);
    assert.deepStrictEqual(mac.lines().map((l) => l.text), ['{"problem":"notInstalled","message":"Spotify is not installed on this Mac."}']);
    assert.deepStrictEqual(parseHelperLine(mac.lines()[0].text, 0), { kind: 'problem', problem: 'notInstalled', message: 'Spotify is not installed on this Mac.' });
  });

  it('Spotify not running: says so without starting it, and follows it once the user starts it', () => {
    const watched = watch(
      new VirtualMac({ spotify: { ...PLAYING, running: false } })
        .at(6, (m) => m.spotify.launch())
        .at(9, (m) => m.spotify.play()),
    );
    assertWellBehaved(watched);
    assert.deepStrictEqual(watched.mac.spotify.appleEvents.filter((e) => e.at < 6_000), [], 'no Apple event while Spotify is not running');
    assert.strictEqual(changes(watched.states)[0].what, 'not running');
    cameWithin(watched, 'playing Hoppípolla', 9, 1_000);
  });

  it('quitting: the last notification says Stopped while running() still says yes; Spotify stays quit', () => {
    const watched = watch(
      new VirtualMac({ spotify: PLAYING })
        .at(5, (m) => m.spotify.quit())
        .at(12, (m) => m.spotify.launch())
        .at(15, (m) => m.spotify.play()),
    );
    assertWellBehaved(watched);
    assert.deepStrictEqual(watched.mac.spotify.appleEvents.filter((e) => e.at >= 5_000 && e.at < 12_000), [], 'no Apple event once Spotify said Stopped');
    cameWithin(watched, 'not running', 5, 4_000);
    cameWithin(watched, 'playing Hoppípolla', 15, 1_000);
    assert.strictEqual(watched.states.at(-1)?.state.track?.title, 'Hoppípolla', 'started again by the user, it is followed again');
  });

  for (const [fault, options] of [
    ['ObjC.registerSubclass throws', { failRegisterSubclass: true }],
    ['addObserver throws', { failAddObserver: true }],
  ] as const) {
    it(`no notification possible (${fault}): says it polls, reads every 2 s without spinning`, () => {
      const watched = watch(
        new VirtualMac({ spotify: PLAYING, ...options })
          .at(3, (m) => m.spotify.pause())
          .at(9, (m) => m.spotify.next()),
      );
      assertWellBehaved(watched);
      assert.ok(watched.polling, 'the {"polling":true} line');
      cameWithin(watched, 'paused Hoppípolla', 3, 2_500);
      cameWithin(watched, 'playing 夜に駆ける', 9, 2_500);
    });
  }

  it('the observer survives a collection: changes after it still come out', () => {
    const watched = watch(
      new VirtualMac({ spotify: PLAYING })
        .at(4, (m) => m.collectGarbage())
        .at(6, (m) => m.spotify.pause())
        .at(11, (m) => m.spotify.play()),
    );
    assertWellBehaved(watched);
    cameWithin(watched, 'paused Hoppípolla', 6, 1_000);
    cameWithin(watched, 'playing Hoppípolla', 11, 1_000);
    assert.strictEqual(watched.mac.center.observers(SPOTIFY_NOTIFICATION), 1);
  });

  it("a seek in Spotify's own window comes out with the new position", () => {
    const watched = watch(new VirtualMac({ spotify: PLAYING }).at(5, (m) => m.spotify.seek(200)));
    assertWellBehaved(watched);
    const seeked = watched.states.find((s) => s.at >= 5_000 && s.state.positionMs >= 199_000);
    assert.ok(seeked, `a state near 200 s after the seek (got ${watched.states.map((s) => s.state.positionMs)})`);
    assert.ok(seeked.at - 5_000 <= 1_000, `it came ${seeked.at - 5_000} ms after the seek`);
    assert.ok(Math.abs(seeked.state.positionMs - (200_000 + seeked.at - 5_000)) <= 100, `position ${seeked.state.positionMs} at ${seeked.at}`);
  });

  describe('commands (one osascript run each)', () => {
    it('next and seek reach Spotify as its dictionary wants (seconds for the position)', () => {
      const mac = new VirtualMac({ spotify: PLAYING });
      assert.strictEqual(osascript(mac, SCRIPT, ['next']).exitCode, 0);
      assert.strictEqual(osascript(mac, SCRIPT, ['seek', '83.5']).exitCode, 0);
      const sent = mac.spotify.appleEvents.map((e) => e.event).filter((e) => !e.startsWith('get '));
      assert.deepStrictEqual(sent, ['nextTrack', 'set playerPosition 83.5']);
      assert.strictEqual(mac.spotify.positionSeconds(), 83.5);
      assert.deepStrictEqual(mac.spotify.launches, []);
    });

    it('state prints one line with the track', () => {
      const mac = new VirtualMac({ spotify: PLAYING });
      assert.strictEqual(osascript(mac, SCRIPT, ['state']).exitCode, 0);
      const lines = mac.lines();
      assert.strictEqual(lines.length, 1);
      const report = parseHelperLine(lines[0].text, 0);
      assert.strictEqual(report?.kind === 'state' && report.state.track?.title, 'Hoppípolla');
    });

    it('Spotify not running: the command fails and Spotify stays closed', () => {
      const mac = new VirtualMac({ spotify: { ...PLAYING, running: false } });
      const result = osascript(mac, SCRIPT, ['next']);
      assert.strictEqual(result.exitCode, 1);
      assert.match(result.stderr, /Spotify is not running/);
      assert.deepStrictEqual([mac.spotify.appleEvents, mac.spotify.launches], [[], []]);
    });

    it('Spotify not installed: the command fails saying so', () => {
      const result = osascript(new VirtualMac({ spotify: { installed: false } }), SCRIPT, ['next']);
      assert.strictEqual(result.exitCode, 1);
      assert.match(result.stderr, /Spotify is not installed on this Mac/);
    });

    it('Automation denied: the command fails with -1743, which Backbeat explains', () => {
      const mac = new VirtualMac({ spotify: { ...PLAYING, automation: 'denied' } });
      const result = osascript(mac, SCRIPT, ['next']);
      assert.strictEqual(result.exitCode, 1);
      assert.match(result.stderr, /\(-1743\)/);
      assert.deepStrictEqual(mac.spotify.launches, []);
    });
  });
});
