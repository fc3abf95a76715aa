import * as assert from 'assert';
import { PlaybackState } from '../../../src/playback/playbackState';
import { ProgressTicker } from '../../../src/present/progressTicker';
import { FakeClock } from '../../../sim/fakeClock';
import { SimulatedWindowActivity } from '../../../sim/simulatedWindowActivity';
import { snapshot } from '../../support/snapshots';

function setup(options: { wanted?: boolean; focused?: boolean } = {}) {
  const clock = new FakeClock();
  const state = new PlaybackState(clock);
  const window = new SimulatedWindowActivity(options.focused ?? true, true);
  const ticks: number[] = [];
  let wanted = options.wanted ?? true;
  const ticker = new ProgressTicker(state, window, clock, () => wanted, () => ticks.push(state.progressMs()));
  return { clock, state, window, ticks, ticker, setWanted: (w: boolean) => ((wanted = w), ticker.update()) };
}

/**
 * The status bar position moves on by itself: this is all it takes, a timer that only exists while
 * someone can see it move. It has no access to Spotify at all, so it cannot cost a request.
 */
describe('progress ticker', () => {
  it('ticks on each whole second while playing in a focused window', async () => {
    const { clock, state, ticks } = setup();
    state.observe(snapshot({ progressMs: 60_400 }));
    await clock.advance(3_000);
    assert.deepStrictEqual(ticks, [61_000, 62_000, 63_000]);
  });

  it('has no timer while paused, nothing is active, or before anything is known', async () => {
    const { clock, state, ticker } = setup();
    assert.strictEqual(ticker.running, false);
    state.observe(snapshot({ isPlaying: false }));
    assert.strictEqual(ticker.running, false);
    state.observe(undefined);
    assert.strictEqual(ticker.running, false);
    assert.strictEqual(clock.pendingTimers, 0);
  });

  it('stops when the window loses focus and starts again when it comes back', async () => {
    const { clock, state, window, ticks, ticker } = setup();
    state.observe(snapshot());
    window.set(false, true);
    assert.strictEqual(ticker.running, false);
    assert.strictEqual(clock.pendingTimers, 0);
    await clock.advance(10_000);
    assert.deepStrictEqual(ticks, []);
    window.set(true, true);
    assert.strictEqual(ticker.running, true);
  });

  it('does not run when the progress display is switched off, and stops when it is', async () => {
    const { state, ticker, setWanted } = setup({ wanted: false });
    state.observe(snapshot());
    assert.strictEqual(ticker.running, false);
    setWanted(true);
    assert.strictEqual(ticker.running, true);
    setWanted(false);
    assert.strictEqual(ticker.running, false);
  });

  it('stops when Spotify cannot be reached (the position is no longer known to move)', () => {
    const { state, ticker } = setup();
    state.observe(snapshot());
    state.setAvailability({ kind: 'unreachable', message: 'Cannot reach api.spotify.com' });
    assert.strictEqual(ticker.running, false);
  });

  it('leaves no timer behind when disposed', () => {
    const { clock, state, ticker } = setup();
    state.observe(snapshot());
    ticker.dispose();
    assert.strictEqual(clock.pendingTimers, 0);
  });
});
