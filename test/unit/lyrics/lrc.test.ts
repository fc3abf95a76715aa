import * as assert from 'assert';
import { parseLrc } from '../../../src/lyrics/lrc';
import { currentLine } from '../../../src/lyrics/lyrics';

// LRC comes from a public database: what parses is kept, the rest dropped, and nothing throws.

describe('LRC lyrics', () => {
  it('reads [mm:ss.xx] stamps, [mm:ss] and three-digit fractions into milliseconds', () => {
    assert.deepStrictEqual(parseLrc('[00:12.34] first\n[01:02] second\n[02:03.5] third\n[03:04.567] fourth'), [
      { atMs: 12_340, text: 'first' },
      { atMs: 62_000, text: 'second' },
      { atMs: 123_500, text: 'third' },
      { atMs: 184_567, text: 'fourth' },
    ]);
  });

  it('gives a line with several stamps each of its times, and sorts every line by time', () => {
    assert.deepStrictEqual(parseLrc('[00:30.00][00:10.00] chorus\n[00:20.00] verse'), [
      { atMs: 10_000, text: 'chorus' },
      { atMs: 20_000, text: 'verse' },
      { atMs: 30_000, text: 'chorus' },
    ]);
  });

  it('ignores metadata tags such as [ar:...] and [offset:...], and keeps an empty timed line (a pause)', () => {
    assert.deepStrictEqual(parseLrc('[ar: Someone]\n[ti:Title]\n[offset:+200]\n[length: 03:30]\n[00:05.00] words\n[00:09.00]'), [
      { atMs: 5_000, text: 'words' },
      { atMs: 9_000, text: '' },
    ]);
  });

  it('keeps what parses from malformed input: broken stamps, seconds past 59, untimed text, cut-off lines', () => {
    const text = '[00:10.00] good\n[0x:12.00] letter\n[00:75.00] too many seconds\nno stamp\n[00:20.5] also good\n[01:02.00\n[]\n\r\n[00:30.00]\tCRLF line\r';
    assert.deepStrictEqual(parseLrc(text), [
      { atMs: 10_000, text: 'good' },
      { atMs: 20_500, text: 'also good' },
      { atMs: 30_000, text: 'CRLF line' },
    ]);
  });

  it('finds no synced line in text without a valid stamp, and never throws on garbage', () => {
    assert.deepStrictEqual(parseLrc('Just words\nwithout any time'), []);
    assert.deepStrictEqual(parseLrc(''), []);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = '[]:.0123456789ab \n\r\u0000\u202e<>&';
    for (let i = 0; i < 500; i++) {
      const garbage = Array.from({ length: 1 + Math.floor(random() * 80) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const lines = parseLrc(garbage);
      assert.ok(lines.every((line, index) => Number.isFinite(line.atMs) && (index === 0 || lines[index - 1].atMs <= line.atMs)), garbage);
    }
  });

  it('keeps the text as it is: markup is words, not HTML', () => {
    assert.deepStrictEqual(parseLrc('[00:01.00] <img src=x onerror=alert(1)> & co'), [{ atMs: 1_000, text: '<img src=x onerror=alert(1)> & co' }]);
  });
});

describe('currentLine', () => {
  const lines = [{ atMs: 1_000 }, { atMs: 5_000 }, { atMs: 5_000 }, { atMs: 9_000 }];

  it('is -1 before the first line and with no lines', () => {
    assert.strictEqual(currentLine(lines, 0), -1);
    assert.strictEqual(currentLine(lines, 999), -1);
    assert.strictEqual(currentLine([], 10_000), -1);
  });

  it('is a line from its own time on, up to the next line\u2019s time', () => {
    assert.strictEqual(currentLine(lines, 1_000), 0);
    assert.strictEqual(currentLine(lines, 4_999), 0);
    assert.strictEqual(currentLine(lines, 5_000), 2, 'of two lines at one time, the last');
    assert.strictEqual(currentLine(lines, 8_999), 2);
    assert.strictEqual(currentLine(lines, 9_000), 3);
  });

  it('stays on the last line after it', () => {
    assert.strictEqual(currentLine(lines, 1e9), 3);
  });
});
