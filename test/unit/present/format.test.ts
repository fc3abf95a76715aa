import * as assert from 'assert';
import { formatAgo, formatTime, parseTime } from '../../../src/present/format';

describe('time as people type and read it', () => {
  it('Seek To accepts seconds, m:ss and h:mm:ss', () => {
    assert.strictEqual(parseTime('83'), 83_000);
    assert.strictEqual(parseTime('1:23'), 83_000);
    assert.strictEqual(parseTime(' 0:05 '), 5_000);
    assert.strictEqual(parseTime('1:02:03'), 3_723_000);
  });

  it('refuses what is not a position instead of guessing', () => {
    for (const text of ['', 'abc', '1:2:3:4', '1:75', '-5', '1.5', '1:', ':30']) {
      assert.strictEqual(parseTime(text), undefined, text);
    }
  });

  it('round-trips with formatTime', () => {
    for (const ms of [0, 59_000, 83_000, 3_723_000]) assert.strictEqual(parseTime(formatTime(ms)), ms);
  });

  it('says how long ago something was played', () => {
    const now = Date.UTC(2026, 10, 28, 12);
    assert.strictEqual(formatAgo(now - 10_000, now), 'just now');
    assert.strictEqual(formatAgo(now - 5 * 60_000, now), '5 min ago');
    assert.strictEqual(formatAgo(now - 3 * 3_600_000, now), '3 h ago');
    assert.strictEqual(formatAgo(now - 24 * 3_600_000, now), '1 day ago');
    assert.strictEqual(formatAgo(now + 60_000, now), 'just now', 'a clock a little ahead is not "in the future"');
  });
});
