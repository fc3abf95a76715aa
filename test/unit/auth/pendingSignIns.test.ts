import * as assert from 'assert';
import { PendingSignIns, SIGN_IN_TIMEOUT_MS } from '../../../src/auth/pendingSignIns';
import { SignInCancelled, SignInDeclined, SignInTimedOut } from '../../../src/auth/signInErrors';
import { Emitter } from '../../../src/emitter';
import { FakeClock } from '../../../sim/fakeClock';

function cancelSource() {
  const emitter = new Emitter<void>();
  let cancelled = false;
  return {
    signal: {
      get isCancellationRequested() {
        return cancelled;
      },
      onCancellationRequested: (l: () => void) => emitter.event(l),
    },
    cancel() {
      cancelled = true;
      emitter.fire();
    },
  };
}

describe('pending sign-ins', () => {
  it('completes only the sign-in whose state matches, with its code', async () => {
    const clock = new FakeClock();
    const pending = new PendingSignIns(clock);
    const a = pending.waitForCode('state-a');
    const b = pending.waitForCode('state-b');
    assert.strictEqual(pending.deliver('code=CODE_B&state=state-b'), true);
    assert.strictEqual(await b, 'CODE_B');
    assert.strictEqual(pending.deliver('?code=CODE_A&state=state-a'), true);
    assert.strictEqual(await a, 'CODE_A');
  });

  it('ignores forged, replayed and incomplete callbacks', async () => {
    const clock = new FakeClock();
    const pending = new PendingSignIns(clock);
    const wait = pending.waitForCode('good');
    assert.strictEqual(pending.deliver('code=X&state=bad'), false, 'wrong state');
    assert.strictEqual(pending.deliver('code=X'), false, 'no state');
    assert.strictEqual(pending.deliver('state=good'), false, 'no code');
    assert.strictEqual(pending.size, 1, 'still waiting after bad callbacks');
    assert.strictEqual(pending.deliver('code=REAL&state=good'), true);
    assert.strictEqual(await wait, 'REAL');
    assert.strictEqual(pending.deliver('code=AGAIN&state=good'), false, 'a state is single use');
    assert.strictEqual(pending.size, 0);
  });

  it('reports a denial at once as "You declined access in Spotify"', async () => {
    const pending = new PendingSignIns(new FakeClock());
    const wait = pending.waitForCode('s');
    pending.deliver('error=access_denied&state=s');
    await assert.rejects(wait, (e: unknown) => e instanceof SignInDeclined && e.message === 'You declined access in Spotify.');
  });

  it('times out after 5 minutes and leaves no timer behind', async () => {
    const clock = new FakeClock();
    const pending = new PendingSignIns(clock);
    const wait = pending.waitForCode('s');
    const outcome = wait.then(
      () => 'resolved',
      (e) => e,
    );
    await clock.advance(SIGN_IN_TIMEOUT_MS - 1);
    assert.strictEqual(pending.size, 1);
    await clock.advance(1);
    assert.ok((await outcome) instanceof SignInTimedOut);
    assert.strictEqual(clock.pendingTimers, 0);
    assert.strictEqual(pending.deliver('code=late&state=s'), false, 'a late callback is ignored');
  });

  it('cancels when the user cancels the progress notification, cleaning up its timer', async () => {
    const clock = new FakeClock();
    const pending = new PendingSignIns(clock);
    const source = cancelSource();
    const wait = pending.waitForCode('s', source.signal);
    source.cancel();
    await assert.rejects(wait, SignInCancelled);
    assert.strictEqual(clock.pendingTimers, 0);
    assert.strictEqual(pending.size, 0);
  });
});
