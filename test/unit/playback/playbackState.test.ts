import * as assert from 'assert';
import { COMMAND_LAG_MS, PlaybackState } from '../../../src/playback/playbackState';
import { FakeClock } from '../../../sim/fakeClock';
import { snapshot } from '../../support/snapshots';

describe('playback state', () => {
  it('ticks progress locally while playing, capped at the item length', async () => {
    const clock = new FakeClock();
    const state = new PlaybackState(clock);
    state.observe(snapshot());
    await clock.advance(5_000);
    assert.strictEqual(state.progressMs(), 65_000);
    assert.strictEqual(state.msUntilItemEnds(), 265_000);
    await clock.advance(400_000);
    assert.strictEqual(state.progressMs(), 330_000);
    assert.strictEqual(state.msUntilItemEnds(), 0);
  });

  it('does not tick while paused', async () => {
    const clock = new FakeClock();
    const state = new PlaybackState(clock);
    state.observe(snapshot({ isPlaying: false }));
    await clock.advance(10_000);
    assert.strictEqual(state.progressMs(), 60_000);
    assert.strictEqual(state.msUntilItemEnds(), undefined);
  });

  it('shows an optimistic change at once and rolls it back when asked', () => {
    const clock = new FakeClock();
    const state = new PlaybackState(clock);
    state.observe(snapshot());
    let changes = 0;
    state.onDidChange(() => changes++);
    const rollback = state.applyOptimistic((s) => ({ ...s, isPlaying: false }));
    assert.strictEqual(state.snapshot?.isPlaying, false);
    rollback();
    assert.strictEqual(state.snapshot?.isPlaying, true);
    assert.strictEqual(changes, 2);
  });

  it('never rolls back over a real read that arrived meanwhile', () => {
    const clock = new FakeClock();
    const state = new PlaybackState(clock);
    state.observe(snapshot());
    const rollback = state.applyOptimistic((s) => ({ ...s, isPlaying: false }));
    state.observe(snapshot({ isPlaying: false, progressMs: 1 }));
    rollback();
    assert.strictEqual(state.snapshot?.isPlaying, false);
    assert.strictEqual(state.snapshot?.progressMs, 1);
  });

  it('a command Spotify answered slowly: its lag counts from the answer, so a lagging read after it cannot undo the Pause', async () => {
    const clock = new FakeClock();
    const state = new PlaybackState(clock);
    state.observe(snapshot());
    state.applyOptimistic((s) => ({ ...s, isPlaying: false }));
    await clock.advance(COMMAND_LAG_MS); // the Pause took this long to be answered (a slow connection)
    state.commandTaken();
    await clock.advance(800);
    const recheckAt = state.observe(snapshot()); // Spotify has not caught up yet: still "playing"
    assert.strictEqual(state.snapshot?.isPlaying, false, 'still shown paused');
    assert.strictEqual(recheckAt, clock.now() - 800 + COMMAND_LAG_MS, 'read again once Spotify must have caught up with the answered command');
    await clock.advance(COMMAND_LAG_MS);
    assert.strictEqual(state.observe(snapshot()), undefined);
    assert.strictEqual(state.snapshot?.isPlaying, true, 'after that, what Spotify says is the truth');
  });

  it('records "nothing active" for a 204 and forgets the item when signed out', () => {
    const state = new PlaybackState(new FakeClock());
    state.observe(undefined);
    assert.strictEqual(state.availability.kind, 'nothingActive');
    state.observe(snapshot());
    state.setAvailability({ kind: 'signedOut' });
    assert.strictEqual(state.snapshot, undefined);
  });
});
