import * as assert from 'assert';
import { PlaybackState } from '../../../src/playback/playbackState';
import { WaitCountdown } from '../../../src/present/waitCountdown';
import { FakeClock } from '../../../sim/fakeClock';

describe('wait countdown', () => {
  it('re-renders each second while Spotify asked to wait, and stops when the wait is over', async () => {
    const clock = new FakeClock();
    const state = new PlaybackState(clock);
    const shown: number[] = [];
    const until = clock.now() + 3_500;
    const countdown = new WaitCountdown(state, clock, () => shown.push(Math.ceil((until - clock.now()) / 1000)));
    assert.strictEqual(countdown.running, false, 'no timer while not waiting');
    state.setAvailability({ kind: 'waiting', until });
    assert.strictEqual(countdown.running, true);
    await clock.advance(5_000);
    assert.deepStrictEqual(shown, [3, 2, 1, 0]);
    assert.strictEqual(countdown.running, false);
    assert.strictEqual(clock.pendingTimers, 0);
  });

  it('stops as soon as the state is no longer waiting', async () => {
    const clock = new FakeClock();
    const state = new PlaybackState(clock);
    const countdown = new WaitCountdown(state, clock, () => undefined);
    state.setAvailability({ kind: 'waiting', until: clock.now() + 60_000 });
    state.setAvailability({ kind: 'active' });
    assert.strictEqual(countdown.running, false);
    countdown.dispose();
    assert.strictEqual(clock.pendingTimers, 0);
  });
});
