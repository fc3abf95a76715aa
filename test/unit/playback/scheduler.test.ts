import * as assert from 'assert';
import type { Clock } from '../../../src/clock';
import { DEFAULT_TIMING, timingForPollInterval } from '../../../src/playback/scheduler';
import { SpotifyError } from '../../../src/spotify/errors';
import { FakeClock } from '../../../sim/fakeClock';
import { snapshot } from '../../support/snapshots';
import { setupScheduler as setup } from '../../support/schedulerRig';
import { SimulatedWindowActivity } from '../../../sim/simulatedWindowActivity';

const MINUTE = 60_000;

describe('playback scheduler', () => {
  it('sends no request while signed out', async () => {
    const { clock, reader, scheduler } = setup();
    scheduler.setEnabled(false);
    await clock.advance(60 * MINUTE);
    assert.strictEqual(reader.reads.length, 0);
    assert.strictEqual(clock.pendingTimers, 0);
  });

  it('reads at once on sign-in, then every poll interval while focused and in use', async () => {
    const { clock, reader, scheduler } = setup();
    reader.answer = snapshot({ progressMs: 0, item: { ...snapshot().item!, durationMs: 3_600_000 } });
    scheduler.setEnabled(true);
    await clock.advance(0);
    assert.strictEqual(reader.reads.length, 1);
    await clock.advance(MINUTE);
    assert.strictEqual(reader.reads.length, 1 + MINUTE / DEFAULT_TIMING.pollIntervalMs);
  });

  it('never reads in an unfocused window and reads at once when it is focused again', async () => {
    const { clock, reader, scheduler, window } = setup(new SimulatedWindowActivity(false, false));
    scheduler.setEnabled(true);
    await clock.advance(30 * MINUTE);
    assert.strictEqual(reader.reads.length, 0);
    window.set(true, true);
    await clock.advance(0);
    assert.strictEqual(reader.reads.length, 1);
  });

  it('stops reading when the window loses focus', async () => {
    const { clock, reader, scheduler, window } = setup();
    scheduler.setEnabled(true);
    await clock.advance(1_000);
    const before = reader.reads.length;
    window.set(false, false);
    await clock.advance(30 * MINUTE);
    assert.strictEqual(reader.reads.length, before);
  });

  it('reads at the predicted end of the track, even between polls', async () => {
    const { clock, reader, scheduler } = setup(new SimulatedWindowActivity(true, false)); // idle: slow polls
    reader.answer = snapshot({ progressMs: 330_000 - 10_000 }); // 10 s left
    scheduler.setEnabled(true);
    await clock.advance(0);
    const start = clock.now();
    await clock.advance(12_000);
    assert.deepStrictEqual(
      reader.reads.slice(1).map((t) => t - start),
      [10_000 + DEFAULT_TIMING.settleMs],
    );
  });

  it('does not burst when Spotify still shows the finished track', async () => {
    const { clock, reader, scheduler } = setup(new SimulatedWindowActivity(true, false));
    reader.answer = snapshot({ progressMs: 330_000 }); // stuck at the end
    scheduler.setEnabled(true);
    await clock.advance(MINUTE);
    assert.ok(reader.reads.length <= 4, `${reader.reads.length} reads in a minute`);
  });

  it('polls slowly while the user is idle and reads at once on activity', async () => {
    const { clock, reader, scheduler, window } = setup(new SimulatedWindowActivity(true, false));
    reader.answer = snapshot({ item: { ...snapshot().item!, durationMs: 3_600_000 } });
    scheduler.setEnabled(true);
    await clock.advance(10 * MINUTE + 10_000);
    assert.strictEqual(reader.reads.length, 1 + (10 * MINUTE) / DEFAULT_TIMING.idleIntervalMs);
    const before = reader.reads.length;
    window.set(true, true);
    await clock.advance(0);
    assert.strictEqual(reader.reads.length, before + 1);
  });

  it('backs off step by step when nothing is playing, up to the slow check', async () => {
    const { clock, reader, scheduler } = setup();
    reader.answer = undefined; // 204
    scheduler.setEnabled(true);
    await clock.advance(30 * MINUTE);
    const gaps = reader.reads.slice(1).map((t, i) => t - reader.reads[i]);
    for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i] >= gaps[i - 1], `gaps grow: ${gaps.join(',')}`);
    assert.strictEqual(Math.max(...gaps), DEFAULT_TIMING.slowCheckMs);
    assert.ok(reader.reads.length < 25, `${reader.reads.length} reads in 30 min of silence`);
  });

  it('sends nothing during a Retry-After wait and reads once it is over', async () => {
    const { clock, reader, scheduler, gate, state } = setup();
    scheduler.setEnabled(true);
    await clock.advance(0);
    gate.block('120');
    const blockedAt = clock.now();
    await clock.advance(121_000);
    assert.strictEqual(reader.reads.filter((t) => t > blockedAt && t < blockedAt + 120_000).length, 0);
    assert.ok(reader.reads.some((t) => t >= blockedAt + 120_000));
    assert.strictEqual(state.availability.kind, 'active');
  });

  it('confirms a command with one read shortly after, not a burst, and the rhythm goes on from that read', async () => {
    const { clock, reader, scheduler } = setup();
    reader.answer = snapshot({ item: { ...snapshot().item!, durationMs: 3_600_000 } });
    scheduler.setEnabled(true);
    const start = clock.now();
    await clock.advance(1_000);
    scheduler.confirmAfterCommand();
    await clock.advance(12_000);
    const confirmAt = 1_000 + DEFAULT_TIMING.settleMs;
    const step = DEFAULT_TIMING.pollIntervalMs;
    assert.deepStrictEqual(reader.reads.map((t) => t - start), [0, confirmAt, confirmAt + step, confirmAt + 2 * step]);
    assert.deepStrictEqual(reader.kinds.slice(0, 3), ['focus', 'confirm', 'periodic']);
  });

  it('reads at the track end, and the rhythm goes on from that read instead of reading again next to it', async () => {
    const { clock, reader, scheduler } = setup();
    const start = clock.now();
    const endsAt = start + 12_300;
    reader.answer = (now) =>
      now < endsAt
        ? snapshot({ progressMs: 330_000 - (endsAt - now) })
        : snapshot({ item: { ...snapshot().item!, uri: 'spotify:track:2', durationMs: 3_600_000 }, progressMs: now - endsAt });
    scheduler.setEnabled(true);
    await clock.advance(20_000);
    const endRead = 12_300 + DEFAULT_TIMING.settleMs;
    assert.deepStrictEqual(reader.reads.map((t) => t - start), [0, 5_000, 10_000, endRead, endRead + 5_000]);
    assert.strictEqual(reader.kinds[3], 'trackEnd');
  });

  it('keeps reading at the usual pace for a while after a pause it found, so a resume on the phone shows quickly', async () => {
    const { clock, reader, scheduler } = setup();
    scheduler.setEnabled(true);
    await clock.advance(0);
    reader.answer = snapshot({ isPlaying: false }); // paused elsewhere
    await clock.advance(DEFAULT_TIMING.pausedIsIdleAfterMs);
    const pausedAt = reader.reads[1];
    const whilePaused = reader.reads.filter((t) => t >= pausedAt);
    assert.strictEqual(whilePaused.length, DEFAULT_TIMING.pausedIsIdleAfterMs / DEFAULT_TIMING.pollIntervalMs);
    const before = reader.reads.length;
    await clock.advance(10 * MINUTE);
    assert.ok(reader.reads.length - before < 12, `${reader.reads.length - before} reads in 10 paused minutes`);
  });

  it('backs off at once after a pause from this window, whose resume will confirm itself', async () => {
    const { clock, reader, scheduler, state } = setup();
    scheduler.setEnabled(true);
    await clock.advance(0);
    state.applyOptimistic((s) => ({ ...s, isPlaying: false })); // the Pause command
    reader.answer = snapshot({ isPlaying: false });
    scheduler.confirmAfterCommand();
    const before = reader.reads.length;
    await clock.advance(DEFAULT_TIMING.pausedIsIdleAfterMs);
    assert.ok(reader.reads.length - before <= 6, `${reader.reads.length - before} reads in the first paused minute`);
  });

  it('shows the Retry-After wait with its end, and the last state again once it is over', async () => {
    const { clock, reader, scheduler, gate, state } = setup();
    scheduler.setEnabled(true);
    await clock.advance(0);
    gate.block('120');
    assert.deepStrictEqual(state.availability, { kind: 'waiting', until: clock.now() + 120_000, quota: false });
    assert.strictEqual(state.snapshot?.item?.name, 'Teardrop', 'the last state is kept');
    const reads = reader.reads.length;
    await clock.advance(120_000);
    assert.strictEqual(state.availability.kind, 'active');
    assert.strictEqual(reader.reads.length, reads + 1, 'one read when the wait is over');
  });

  it('shows a wait caused by a command too, in a window that is not reading', async () => {
    const { clock, scheduler, gate, state } = setup(new SimulatedWindowActivity(false, false));
    scheduler.setEnabled(true);
    state.observe(snapshot());
    gate.block('30');
    assert.strictEqual(state.availability.kind, 'waiting');
    await clock.advance(31_000);
    assert.strictEqual(state.availability.kind, 'active');
  });

  it('follows backbeat.pollIntervalSeconds, and a change applies without waiting for the old interval', async () => {
    let seconds = 30;
    const { clock, reader, scheduler } = setup(new SimulatedWindowActivity(true, true), () => timingForPollInterval(seconds));
    reader.answer = snapshot({ item: { ...snapshot().item!, durationMs: 3_600_000 } });
    scheduler.setEnabled(true);
    await clock.advance(2 * MINUTE);
    assert.strictEqual(reader.reads.length, 1 + 4);
    seconds = 10;
    scheduler.timingChanged();
    const before = reader.reads.length;
    await clock.advance(MINUTE);
    assert.strictEqual(reader.reads.length - before, 6);
  });

  it('the timing for a 300 s poll interval: 300 s between reads in use, idle reads and slow checks no more often; 5 s gives the default', () => {
    const slow = timingForPollInterval(300);
    assert.strictEqual(slow.pollIntervalMs, 300_000);
    assert.ok(slow.idleIntervalMs >= slow.pollIntervalMs && slow.slowCheckMs >= slow.pollIntervalMs);
    assert.deepStrictEqual(timingForPollInterval(5), DEFAULT_TIMING);
  });

  it('keeps showing the last state when Spotify is unreachable, and backs off', async () => {
    const { clock, reader, scheduler, state } = setup();
    scheduler.setEnabled(true);
    await clock.advance(0);
    reader.answer = new SpotifyError('network', 'Cannot reach api');
    await clock.advance(10 * MINUTE);
    assert.strictEqual(state.availability.kind, 'unreachable');
    assert.strictEqual(state.snapshot?.item?.name, 'Teardrop');
    assert.ok(reader.reads.length < 20, `${reader.reads.length} reads while offline`);
    reader.answer = snapshot();
    await clock.advance(DEFAULT_TIMING.slowCheckMs);
    assert.strictEqual(state.availability.kind, 'active');
  });

  it('leaves no timer behind when disposed', async () => {
    const { clock, scheduler } = setup();
    scheduler.setEnabled(true);
    await clock.advance(10_000);
    scheduler.dispose();
    assert.strictEqual(clock.pendingTimers, 0);
  });

  it('never reads twice within the settle time unless a command came in between, even when timers fire early', async () => {
    // Node timers can fire a millisecond before Date.now() reaches their time (12 in 400 did in a
    // plain check); with reads taking 10-40 ms that once made the rhythm read twice in a row.
    const clock = new FakeClock();
    const early: Clock = { now: () => clock.now(), monotonic: () => clock.monotonic(), setTimeout: (callback, ms) => clock.setTimeout(callback, Math.max(0, ms - 1)) };
    const { reader, scheduler } = setup(new SimulatedWindowActivity(true, true), () => DEFAULT_TIMING, 0, clock, early);
    reader.latencyMs = 25;
    const start = clock.now();
    // A track ends every 61.3 s, so track-end reads fall between the rhythm's.
    reader.answer = (now) => {
      const trackMs = 61_300;
      const n = Math.floor((now - start) / trackMs);
      return snapshot({ progressMs: (now - start) % trackMs, item: { ...snapshot().item!, uri: `spotify:track:${n}`, durationMs: trackMs } });
    };
    scheduler.setEnabled(true);
    const commands: number[] = [];
    for (let i = 0; i < 20; i++) {
      await clock.advance(29_700);
      commands.push(clock.now());
      scheduler.confirmAfterCommand();
    }
    await clock.advance(MINUTE);
    assert.ok(reader.reads.length > 100, `${reader.reads.length} reads`);
    const tooClose = reader.reads
      .slice(1)
      .map((at, i) => ({ from: reader.reads[i], at }))
      .filter(({ from, at }) => at - from < DEFAULT_TIMING.settleMs && !commands.some((c) => c >= from && c <= at));
    assert.deepStrictEqual(tooClose, [], 'reads closer than the settle time with no command between');
  });

  it('reads at once after signing in again, however recent the last read was', async () => {
    const { clock, reader, scheduler } = setup(new SimulatedWindowActivity(true, true), () => DEFAULT_TIMING, 1000);
    scheduler.setEnabled(true);
    await clock.advance(1_000);
    scheduler.setEnabled(false);
    scheduler.setEnabled(true);
    await clock.advance(0);
    assert.strictEqual(reader.reads.length, 2);
  });

  it('reads when the window is focused again after a while, but not when it was read a moment ago', async () => {
    const { clock, reader, scheduler, window } = setup(new SimulatedWindowActivity(true, true), () => DEFAULT_TIMING, 1000);
    reader.answer = snapshot({ item: { ...snapshot().item!, durationMs: 3_600_000 } });
    scheduler.setEnabled(true);
    await clock.advance(0);
    window.set(false, false);
    await clock.advance(10_000);
    window.set(true, true);
    await clock.advance(0);
    assert.strictEqual(reader.reads.length, 1, 'read 10 s ago: the status bar is still right');
    window.set(false, false);
    await clock.advance(5 * MINUTE);
    window.set(true, true);
    await clock.advance(0);
    assert.deepStrictEqual(reader.kinds, ['focus', 'focus'], 'back after five minutes: read at once');
  });

  it('reads once when a view of the playback is shown after a while, as focus does, and not again soon after', async () => {
    const { clock, reader, scheduler, window } = setup(new SimulatedWindowActivity(true, false), () => DEFAULT_TIMING, 1000); // idle: slow rhythm
    reader.answer = snapshot({ item: { ...snapshot().item!, durationMs: 3_600_000 } });
    scheduler.setEnabled(true);
    await clock.advance(MINUTE);
    assert.strictEqual(reader.reads.length, 1, 'idle: the next steady read is minutes away');
    scheduler.lookedAt();
    await clock.advance(0);
    assert.deepStrictEqual(reader.kinds, ['focus', 'focus'], 'shown a minute after the last read: read at once');
    await clock.advance(5_000);
    scheduler.lookedAt();
    scheduler.lookedAt();
    await clock.advance(0);
    assert.strictEqual(reader.reads.length, 2, 'shown again 5 s later: the view still shows the truth');
    window.set(false, false);
    await clock.advance(10 * MINUTE);
    scheduler.lookedAt();
    await clock.advance(0);
    assert.strictEqual(reader.reads.length, 2, 'an unfocused window reads nothing');
  });

  it('paces steady reads by the daily budget: about every 34 s at 1,000, five times slower when idle', async () => {
    const { clock, reader, scheduler, window } = setup(new SimulatedWindowActivity(true, true), () => DEFAULT_TIMING, 1000);
    reader.answer = snapshot({ item: { ...snapshot().item!, durationMs: 3_600_000 } });
    scheduler.setEnabled(true);
    await clock.advance(10 * MINUTE);
    const gaps = reader.reads.slice(1).map((t, i) => t - reader.reads[i]);
    assert.ok(gaps.every((g) => Math.abs(g - (8 * 3600_000) / 850) < 1), `gaps of 8 h / 850: ${gaps}`);
    window.set(true, false);
    const before = reader.reads.length;
    await clock.advance(30 * MINUTE);
    assert.strictEqual(reader.reads.length - before, Math.floor((30 * MINUTE) / ((5 * 8 * 3600_000) / 850)));
  });

  it('never lets the day\'s requests exceed the budget, and keeps its reserve for commands, day after day', async () => {
    const { clock, reader, scheduler, window, budget } = setup(new SimulatedWindowActivity(true, true), () => DEFAULT_TIMING, 1000);
    reader.answer = snapshot({ item: { ...snapshot().item!, durationMs: 3_600_000 } });
    scheduler.setEnabled(true);
    let most = 0;
    let refused = 0;
    const readsPerDay: number[] = [];
    for (let day = 0; day < 3; day++) {
      const readsBefore = reader.reads.length;
      // Twelve hours of use with a command every ten minutes, then the night.
      window.set(true, true);
      for (let slot = 0; slot < 72; slot++) {
        await clock.advance(10 * MINUTE);
        try {
          budget.spend('POST', '/me/player/next', undefined);
          scheduler.confirmAfterCommand();
        } catch {
          refused++;
        }
        most = Math.max(most, budget.used);
      }
      window.set(false, false);
      await clock.advance(12 * 60 * MINUTE);
      readsPerDay.push(reader.reads.length - readsBefore);
    }
    assert.ok(most <= 1000, `at most 1,000 requests in any 24 h (${most})`);
    assert.strictEqual(refused, 0, 'every command had its reserve');
    // Twelve hours at 34 s would be 1,270 reads: the pace slowed down as the share ran low.
    assert.ok(readsPerDay.every((n) => n > 600 && n + 72 <= 1000), `reads per day ${readsPerDay}`);
  });

  it('stops steady reads when their share is spent and starts again when requests leave the rolling window', async () => {
    const { clock, reader, scheduler, budget, state } = setup(new SimulatedWindowActivity(true, true), () => DEFAULT_TIMING, 200);
    reader.answer = snapshot({ item: { ...snapshot().item!, durationMs: 3_600_000 } });
    for (let i = 0; i < budget.share; i++) budget.spend('GET', '/search', undefined); // a morning of searching
    const spentAt = clock.now();
    scheduler.setEnabled(true);
    await clock.advance(23 * 60 * MINUTE);
    assert.deepStrictEqual(reader.reads, [], 'no steady read while the share is spent');
    assert.strictEqual(state.snapshot, undefined, 'nothing read, nothing pretended');
    await clock.advance(61 * MINUTE);
    assert.strictEqual(reader.reads[0], spentAt + 24 * 60 * MINUTE, 'reads resume as the first request leaves the window');
  });
});
