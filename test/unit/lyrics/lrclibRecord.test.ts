import * as assert from 'assert';
import { lyricsOfRecord } from '../../../src/lyrics/lrclibClient';

// LRCLIB's records are written by anyone: each field is checked, a wrong type counts as absent.

describe('LRCLIB records', () => {
  it('prefers synced lyrics, then plain ones; instrumental wins', () => {
    assert.deepStrictEqual(lyricsOfRecord({ syncedLyrics: '[00:01.00] a', plainLyrics: 'a', duration: 200 }, 200), { kind: 'synced', lines: [{ atMs: 1000, text: 'a' }] });
    assert.deepStrictEqual(lyricsOfRecord({ syncedLyrics: 'no stamps', plainLyrics: 'a\nb', duration: 200 }, 200), { kind: 'plain', text: 'a\nb' });
    assert.deepStrictEqual(lyricsOfRecord({ instrumental: true, plainLyrics: 'a' }, 200), { kind: 'instrumental' });
  });

  it('reads fields of the wrong type, or a record that is no object, as none', () => {
    for (const record of [null, 'text', 42, [], { syncedLyrics: 12, plainLyrics: ['a'], instrumental: 'true' }, { plainLyrics: '   ' }]) {
      assert.deepStrictEqual(lyricsOfRecord(record, 200), { kind: 'none' }, JSON.stringify(record));
    }
  });

  it('refuses the lyrics of another cut: a duration more than 3 s away', () => {
    assert.deepStrictEqual(lyricsOfRecord({ plainLyrics: 'a', duration: 230 }, 200), { kind: 'none' });
    assert.deepStrictEqual(lyricsOfRecord({ plainLyrics: 'a', duration: 202.6 }, 200), { kind: 'plain', text: 'a' });
  });
});
