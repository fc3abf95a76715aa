import * as assert from 'assert';
import { SpotifyError } from '../../../src/spotify/errors';
import { DEFAULT_RETRY_AFTER_SECONDS, MAX_RETRY_AFTER_SECONDS, RetryAfterGate, ZERO_RETRY_AFTER_SECONDS } from '../../../src/spotify/retryAfterGate';
import { describeFailure } from '../../../src/present/errorMessages';
import { startEmulator } from '../../../emulator';
import { emulatorClient } from '../../support/emulatorClient';
import { FakeClock } from '../../../sim/fakeClock';

describe('Retry-After gate', () => {
  it('stays closed for exactly the seconds Spotify asked for, then reopens and says so', async () => {
    const clock = new FakeClock();
    const gate = new RetryAfterGate(clock);
    const changes: number[] = [];
    gate.onDidChange(() => changes.push(gate.msLeft()));
    assert.strictEqual(gate.block('30'), 30);
    assert.strictEqual(gate.msLeft(), 30_000);
    await clock.advance(29_000);
    assert.strictEqual(gate.remainingSeconds(), 1);
    await clock.advance(1_001);
    assert.strictEqual(gate.remainingSeconds(), 0);
    assert.strictEqual(gate.msLeft(), 0);
    assert.deepStrictEqual(changes, [30_000, 0]);
    gate.dispose();
  });

  it('waits a safe default when the header is missing or unreadable', () => {
    for (const header of [null, '', 'soon', '-5']) {
      const gate = new RetryAfterGate(new FakeClock());
      assert.strictEqual(gate.block(header), DEFAULT_RETRY_AFTER_SECONDS, String(header));
      gate.dispose();
    }
  });

  it('takes "Retry-After: 0" (seen in the wild) as a short wait, not as "retry at once"', async () => {
    const emu = await startEmulator({ autoApprove: true, zeroRetryAfter: true });
    try {
      const { client } = await emulatorClient(emu);
      emu.addFault({ match: { path: '/v1/me/player' }, status: 429, body: { error: { status: 429, message: 'API rate limit exceeded' } } });
      const error = await client.playback().then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof SpotifyError && error.kind === 'rate_limited', String(error));
      assert.strictEqual(emu.requests.at(-1)?.status, 429);
      assert.strictEqual(error.retryAfterSeconds, ZERO_RETRY_AFTER_SECONDS);
      assert.ok(ZERO_RETRY_AFTER_SECONDS > 0);
      assert.match(describeFailure(error)!.text, new RegExp(`wait ${ZERO_RETRY_AFTER_SECONDS}s`));
      await assert.rejects(client.playback(), (e: SpotifyError) => e.kind === 'rate_limited', 'the gate holds the next request back');
      assert.strictEqual(emu.requests.filter((r) => r.path === '/v1/me/player').length, 1);
    } finally {
      await emu.close();
    }
  });

  it('honours long waits up to a day, and caps absurd ones', () => {
    const gate = new RetryAfterGate(new FakeClock());
    assert.strictEqual(gate.block('3600'), 3600);
    assert.strictEqual(gate.block('9999999'), MAX_RETRY_AFTER_SECONDS);
    assert.strictEqual(gate.remainingSeconds(), MAX_RETRY_AFTER_SECONDS);
    gate.dispose();
  });

  it('never shortens a wait already running', async () => {
    const clock = new FakeClock();
    const gate = new RetryAfterGate(clock);
    gate.block('120');
    await clock.advance(10_000);
    gate.block('5');
    assert.strictEqual(gate.remainingSeconds(), 110);
    gate.dispose();
  });

  it('leaves no timer behind when disposed', () => {
    const clock = new FakeClock();
    const gate = new RetryAfterGate(clock);
    gate.block('60');
    gate.dispose();
    assert.strictEqual(clock.pendingTimers, 0);
  });
});
