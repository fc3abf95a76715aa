import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Emulator, startEmulator } from '../../../emulator';
import { LrclibLyrics, NONE_KEPT_MS, RETRY_AFTER_FAILURE_MS } from '../../../src/lyrics/lrclibLyrics';
import { USER_AGENT } from '../../../src/lyrics/lrclibClient';
import type { LyricsTrack } from '../../../src/lyrics/lyrics';
import { FakeClock } from '../../../sim/fakeClock';
import { RecordingLog } from '../../../sim/recordingLog';

// Lyrics from LRCLIB (here the emulator's stand-in) cost no Spotify request and at most one LRCLIB
// request per track, kept across restarts; a failure is asked again only after a while.

const TEARDROP: LyricsTrack = { title: 'Teardrop', artists: ['Massive Attack'], album: 'Mezzanine', durationMs: 330_000, uri: 'spotify:track:teardrop' };
const ANGEL: LyricsTrack = { title: 'Angel', artists: ['Massive Attack'], album: 'Mezzanine', durationMs: 378_000, uri: 'spotify:track:angel' };
const RISINGSON: LyricsTrack = { title: 'Risingson', artists: ['Massive Attack'], album: 'Mezzanine', durationMs: 298_000, uri: 'spotify:track:risingson' };
const PRELUDE: LyricsTrack = { title: 'Prelude', artists: ['Bonobo'], album: 'Black Sands', durationMs: 80_000, uri: 'spotify:track:prelude' };
const GLORY_BOX: LyricsTrack = { title: 'Glory Box', artists: ['Portishead'], album: 'Dummy', durationMs: 306_000, uri: 'spotify:track:glorybox' };

describe('lyrics from LRCLIB (against the emulator)', () => {
  let emulator: Emulator;
  let dir: string;
  let clock: FakeClock;
  let log: RecordingLog;
  beforeEach(async () => {
    emulator = await startEmulator();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-lyrics-'));
    clock = new FakeClock();
    log = new RecordingLog();
  });
  afterEach(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Where LrclibLyrics keeps its answers in the folder it is given. */
  const cacheFile = () => path.join(dir, 'lyrics.json');
  /** A window's lyrics source; a new one is a restart. */
  const source = () => new LrclibLyrics({ url: () => emulator.lyricsUrl, cacheDir: dir, clock, log });

  it('gives synced lines for Teardrop, sorted, the line stamped twice at both times', async () => {
    const lyrics = await source().lyricsFor(TEARDROP);
    assert.strictEqual(lyrics.kind, 'synced');
    const lines = lyrics.kind === 'synced' ? lyrics.lines : [];
    assert.deepStrictEqual(lines[0], { atMs: 8_000, text: 'These lines are the emulator\u2019s own, not the song\u2019s' });
    assert.ok(lines.every((line, i) => i === 0 || lines[i - 1].atMs <= line.atMs));
    assert.deepStrictEqual(lines.filter((l) => l.text.startsWith('This line is stamped twice')).map((l) => l.atMs), [33_000, 165_000]);
  });

  it('gives plain lyrics, instrumental, none for a 404, and what parses of malformed LRC', async () => {
    const lyrics = source();
    assert.strictEqual((await lyrics.lyricsFor(ANGEL)).kind, 'plain');
    assert.deepStrictEqual(await lyrics.lyricsFor(PRELUDE), { kind: 'instrumental' });
    assert.deepStrictEqual(await lyrics.lyricsFor(GLORY_BOX), { kind: 'none' });
    assert.deepStrictEqual(await lyrics.lyricsFor(RISINGSON), {
      kind: 'synced',
      lines: [{ atMs: 10_000, text: 'A line with a good stamp' }, { atMs: 20_500, text: 'A second good line' }],
    });
  });

  it('asks LRCLIB\u2019s /api/get with the signature (duration in whole seconds) and names Backbeat in the User-Agent', async () => {
    await source().lyricsFor({ ...TEARDROP, durationMs: 330_400 });
    assert.deepStrictEqual(emulator.lyricsRequests.map((r) => [r.path, r.query, r.userAgent]), [
      ['/api/get', { track_name: 'Teardrop', artist_name: 'Massive Attack', album_name: 'Mezzanine', duration: '330' }, USER_AGENT],
    ]);
    assert.strictEqual(USER_AGENT, 'Backbeat (https://github.com/backbeat/spotify)');
    assert.deepStrictEqual(emulator.requests, [], 'no Spotify request');
  });

  it('refuses a 5 MB answer (none), and asks for that track no more', async () => {
    emulator.configure({ lyricsHugeAnswers: true });
    const lyrics = source();
    assert.deepStrictEqual(await lyrics.lyricsFor(TEARDROP), { kind: 'none' });
    assert.deepStrictEqual(await lyrics.lyricsFor(TEARDROP), { kind: 'none' });
    assert.strictEqual(emulator.lyricsRequests.length, 1);
  });

  it('asks once per track: again, at the same time, and after a restart', async () => {
    const first = source();
    const together = await Promise.all([first.lyricsFor(TEARDROP), first.lyricsFor(TEARDROP), first.lyricsFor({ ...TEARDROP })]);
    assert.ok(together.every((l) => l.kind === 'synced'));
    await first.lyricsFor(TEARDROP);
    await first.lyricsFor(GLORY_BOX);
    await first.lyricsFor(GLORY_BOX);
    const restarted = source();
    assert.deepStrictEqual(await restarted.lyricsFor(TEARDROP), together[0]);
    assert.deepStrictEqual(await restarted.lyricsFor(GLORY_BOX), { kind: 'none' });
    assert.deepStrictEqual(emulator.lyricsRequests.map((r) => r.query.track_name), ['Teardrop', 'Glory Box']);
  });

  it('shares the file between windows: what one asked, the others and a restart need not ask', async () => {
    const [windowA, windowB] = [source(), source()];
    await Promise.all([windowA.lyricsFor(GLORY_BOX), windowB.lyricsFor(PRELUDE)]);
    await windowA.lyricsFor(TEARDROP);
    await windowB.lyricsFor(ANGEL);
    const restarted = source();
    for (const track of [GLORY_BOX, PRELUDE, TEARDROP, ANGEL]) await restarted.lyricsFor(track);
    assert.deepStrictEqual(emulator.lyricsRequests.map((r) => r.query.track_name).sort(), ['Angel', 'Glory Box', 'Prelude', 'Teardrop']);
  });

  it('keys a track without a URI by its signature', async () => {
    const lyrics = source();
    const noUri: LyricsTrack = { ...TEARDROP, uri: undefined };
    await lyrics.lyricsFor(noUri);
    await lyrics.lyricsFor({ ...noUri });
    await lyrics.lyricsFor({ ...noUri, album: 'Mezzanine (Deluxe)' });
    assert.strictEqual(emulator.lyricsRequests.length, 2);
  });

  it('asks nothing for an ad, an episode or a local file without a duration; a local file with one is asked', async () => {
    const lyrics = source();
    assert.deepStrictEqual(await lyrics.lyricsFor({ ...TEARDROP, uri: 'spotify:ad:123' }), { kind: 'none' });
    assert.deepStrictEqual(await lyrics.lyricsFor({ title: 'Teardrop', artists: ['Song Exploder'], durationMs: 1_500_000, uri: 'spotify:episode:abc' }), { kind: 'none' });
    const local = { title: 'Teardrop', artists: ['Massive Attack'], album: 'Mezzanine', uri: 'spotify:local:Massive+Attack:Mezzanine:Teardrop:' };
    assert.deepStrictEqual(await lyrics.lyricsFor({ ...local, durationMs: 0 }), { kind: 'none' });
    assert.strictEqual(emulator.lyricsRequests.length, 0);
    assert.strictEqual((await lyrics.lyricsFor({ ...local, uri: `${local.uri}330`, durationMs: 330_000 })).kind, 'synced');
    assert.strictEqual(emulator.lyricsRequests.length, 1);
  });

  it('after a failure (5xx, network) shows none and asks again only 10 minutes later; it is not kept on disk', async () => {
    emulator.addFault({ match: { path: '/api/get' }, status: 503, body: 'down' });
    const lyrics = source();
    assert.deepStrictEqual(await lyrics.lyricsFor(TEARDROP), { kind: 'none' });
    await clock.advance(RETRY_AFTER_FAILURE_MS - 1_000);
    assert.deepStrictEqual(await lyrics.lyricsFor(TEARDROP), { kind: 'none' });
    assert.strictEqual(emulator.lyricsRequests.length, 1, 'no request while waiting');
    await clock.advance(1_000);
    assert.strictEqual((await lyrics.lyricsFor(TEARDROP)).kind, 'synced');
    emulator.addFault({ match: { path: '/api/get' }, destroy: true });
    assert.deepStrictEqual(await lyrics.lyricsFor(ANGEL), { kind: 'none' });
    assert.strictEqual((await source().lyricsFor(ANGEL)).kind, 'plain', 'a restart asks again: the failure was not kept');
    assert.strictEqual(emulator.lyricsRequests.length, 4);
    assert.ok(log.lines.some((line) => /asking again in 10 minutes/.test(line)));
  });

  it('asks again about a track LRCLIB had nothing for a week later', async () => {
    await source().lyricsFor(GLORY_BOX);
    clock.jump(NONE_KEPT_MS - 60_000);
    await source().lyricsFor(GLORY_BOX);
    assert.strictEqual(emulator.lyricsRequests.length, 1);
    clock.jump(60_000);
    await source().lyricsFor(GLORY_BOX);
    assert.strictEqual(emulator.lyricsRequests.length, 2);
  });

  it('survives a garbled cache file: asks LRCLIB again and writes a good one', async () => {
    for (const garbage of ['{"entries": [', '\u0000\u0001binary', '[1,2,3]', '{"entries":"no"}', '{"entries":[{"key":"spotify:track:teardrop","savedAt":"x","lyrics":{"kind":"none"}}]}']) {
      fs.writeFileSync(cacheFile(), garbage);
      emulator.lyricsRequests.length = 0;
      assert.strictEqual((await source().lyricsFor(TEARDROP)).kind, 'synced', garbage);
      assert.strictEqual(emulator.lyricsRequests.length, 1, garbage);
    }
    emulator.lyricsRequests.length = 0;
    assert.strictEqual((await source().lyricsFor(TEARDROP)).kind, 'synced');
    assert.strictEqual(emulator.lyricsRequests.length, 0, 'the file written after the garbage is read back');
  });

  it('drops hostile entries one by one and keeps the good ones', async () => {
    await source().lyricsFor(TEARDROP);
    const good = JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { entries: unknown[] };
    const hostile = [
      { key: 'spotify:track:angel', savedAt: clock.now(), lyrics: { kind: 'synced', lines: [{ atMs: 'soon', text: 'x' }] } },
      { key: 'spotify:track:prelude', savedAt: clock.now(), lyrics: { kind: 'html', text: '<script>' } },
      { key: 'spotify:track:glorybox', savedAt: clock.now(), lyrics: { kind: 'plain', text: 42 } },
    ];
    fs.writeFileSync(cacheFile(), JSON.stringify({ entries: [...hostile, ...good.entries] }));
    const lyrics = source();
    await lyrics.lyricsFor(TEARDROP);
    assert.strictEqual((await lyrics.lyricsFor(ANGEL)).kind, 'plain');
    assert.deepStrictEqual(await lyrics.lyricsFor(PRELUDE), { kind: 'instrumental' });
    assert.deepStrictEqual(await lyrics.lyricsFor(GLORY_BOX), { kind: 'none' });
    assert.deepStrictEqual(emulator.lyricsRequests.map((r) => r.query.track_name), ['Teardrop', 'Angel', 'Prelude', 'Glory Box']);
  });

  it('never follows a symbolic link in the cache file\u2019s place, nor writes through it', async () => {
    const elsewhere = path.join(dir, 'elsewhere.json');
    const planted = JSON.stringify({ entries: [{ key: TEARDROP.uri, savedAt: clock.now(), lyrics: { kind: 'plain', text: 'planted' } }] });
    fs.writeFileSync(elsewhere, planted);
    fs.symlinkSync(elsewhere, cacheFile());
    assert.strictEqual((await source().lyricsFor(TEARDROP)).kind, 'synced');
    assert.strictEqual(fs.readFileSync(elsewhere, 'utf8'), planted, 'the link\u2019s target is untouched');
    assert.ok(!fs.lstatSync(cacheFile()).isSymbolicLink(), 'the link was replaced by the cache file');
  });

  it('treats a bad lyricsUrl as a failure, never a crash', async () => {
    const lyrics = new LrclibLyrics({ url: () => { throw new Error('The setting backbeat.lyricsUrl must use https'); }, cacheDir: dir, clock, log });
    assert.deepStrictEqual(await lyrics.lyricsFor(TEARDROP), { kind: 'none' });
  });
});
