import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LyricsCache, MAX_TRACKS } from '../../../src/lyrics/lyricsCache';

// The cache file stays small whatever is played: the last 500 tracks, within a byte bound.

describe('lyrics cache file', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-lyrics-cache-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = (warnings: string[] = []) => new LyricsCache(path.join(dir, 'lyrics.json'), (m) => warnings.push(m));

  it('keeps the last 500 tracks across a restart, the oldest dropped first', async () => {
    const cache = open();
    for (let i = 0; i <= MAX_TRACKS; i++) await cache.put(`track-${i}`, { lyrics: { kind: 'plain', text: `words ${i}` }, savedAt: i });
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'lyrics.json'), 'utf8')) as { entries: unknown[] };
    assert.strictEqual(written.entries.length, MAX_TRACKS);
    const restarted = open();
    assert.strictEqual(await restarted.get('track-0'), undefined);
    assert.deepStrictEqual(await restarted.get('track-1'), { lyrics: { kind: 'plain', text: 'words 1' }, savedAt: 1 });
    assert.deepStrictEqual(await restarted.get(`track-${MAX_TRACKS}`), { lyrics: { kind: 'plain', text: `words ${MAX_TRACKS}` }, savedAt: MAX_TRACKS });
  });

  it('stays within its byte bound with long lyrics, keeping the newest', async () => {
    const cache = open();
    const long = 'x'.repeat(400 * 1024);
    for (let i = 0; i < 8; i++) await cache.put(`track-${i}`, { lyrics: { kind: 'plain', text: long }, savedAt: i });
    assert.ok(fs.statSync(path.join(dir, 'lyrics.json')).size <= 2 * 1024 * 1024);
    const restarted = open();
    assert.ok(await restarted.get('track-7'));
    assert.strictEqual(await restarted.get('track-0'), undefined);
  });

  it('does not read a file over its bound, and says so in the log', async () => {
    fs.writeFileSync(path.join(dir, 'lyrics.json'), `{"entries":[${' '.repeat(3 * 1024 * 1024)}]}`);
    const warnings: string[] = [];
    assert.strictEqual(await open(warnings).get('track-0'), undefined);
    assert.match(warnings.join('\n'), /over the bound/);
  });
});
