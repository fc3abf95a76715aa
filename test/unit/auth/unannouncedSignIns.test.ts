import * as assert from 'assert';
import type { CoreWindow } from '../../support/coreWindow';
import { emulatorSession } from '../../support/emulatorGrant';
import { InFlightRequests } from '../../support/inFlightRequests';
import { simulatedMachine } from '../../support/simulatedMachine';

// VS Code for the Web: a sign-in made in tab A never reached an open tab B, although both share the
// storage. A window therefore reads the stored session again when it is focused.

/** Read through a function: an assertion must not narrow what the next one reads. */
const sessionOf = (w: CoreWindow) => w.core.keeper.current;

describe('windows that hear nothing of each other (code-server tabs)', function () {
  this.timeout(20_000);
  let inFlight: InFlightRequests;
  before(() => (inFlight = new InFlightRequests()));
  after(() => inFlight.dispose());

  it('follow a sign-out and a sign-in made in another window when they are focused, before reading', async () => {
    const m = await simulatedMachine(inFlight, { secretsAnnounced: false });
    try {
      const a = await m.open();
      const b = await m.open();
      a.activity.set(true, true);
      await m.clock.runUntil(m.clock.now() + 1000);
      await a.core.keeper.signOut();
      a.activity.set(false, false);
      await m.clock.runUntil(m.clock.now() + 60_000);
      assert.ok(b.core.keeper.current, 'no event reached the other window');

      const before = m.apiRequests().length;
      b.activity.set(true, true);
      await m.clock.runUntil(m.clock.now() + 60_000);
      assert.strictEqual(sessionOf(b), undefined, 'signed out once focused');
      assert.strictEqual(b.core.state.availability.kind, 'signedOut');
      assert.strictEqual(m.apiRequests().length, before, 'and it read nothing with the old session');

      const session = await emulatorSession(m.emulator, m.clock.now());
      await a.core.keeper.signedIn(session);
      b.activity.set(false, false);
      b.activity.set(true, true);
      await m.clock.runUntil(m.clock.now() + 1000);
      assert.strictEqual(sessionOf(b)?.id, session.id, 'signed in once focused');
      assert.strictEqual(b.core.state.availability.kind, 'active', 'and it shows what plays');
    } finally {
      await m.close();
    }
  });
});
