import * as assert from 'assert';
import { sleepAwareMonotonic } from '../../src/clock';

// The monotonic reading every interval and deadline uses: a wall clock set back counts nothing, a
// sleep (the OS's monotonic clock stopped, the wall clock went on) counts, and it never goes back.

describe('monotonic clock', () => {
  it('ignores a wall clock set back, counts a sleep, and never goes back', () => {
    let wall = 1_000_000;
    let os = 0;
    const read = sleepAwareMonotonic(
      () => wall,
      () => os,
    );
    const start = read();
    wall += 10_000;
    os += 10_000;
    assert.strictEqual(read() - start, 10_000, 'time going on');
    wall -= 2 * 3600_000;
    os += 5_000;
    assert.strictEqual(read() - start, 15_000, 'the wall clock set back 2 h: 5 s passed');
    wall += 8 * 3600_000;
    assert.strictEqual(read() - start, 15_000 + 8 * 3600_000, 'a laptop asleep 8 h: its OS clock stood still');
    wall -= 1;
    os -= 1;
    assert.strictEqual(read() - start, 15_000 + 8 * 3600_000, 'never back');
  });
});
