import * as assert from 'assert';
import { SESSION_KEY } from '../../../src/auth/sessionStore';
import type { CoreWindow } from '../../../sim/coreWindow';
import { InFlightRequests } from '../../../sim/inFlightRequests';
import { simulatedMachine } from '../../support/simulatedMachine';

// code-server's tabs: each reads SecretStorage from its own copy, taken when the tab opened, and
// saves that whole copy on each write. A sign-out in one tab must reach the others when they are
// focused; a sign-in they cannot read is said once, with a reload; no tab writes its old copy back.

const sessionOf = (w: CoreWindow) => w.core.keeper.current;
const focus = (w: CoreWindow) => {
  w.activity.set(false, false);
  w.activity.set(true, true);
};

describe('tabs of a web editor, each with its own copy of SecretStorage', function () {
  this.timeout(20_000);
  let inFlight: InFlightRequests;
  before(() => (inFlight = new InFlightRequests()));
  after(() => inFlight.dispose());

  it('a sign-out in one tab reaches another when it is focused, without a reload, and reads nothing with the old session', async () => {
    const m = await simulatedMachine(inFlight, { tabCopies: true });
    try {
      const a = await m.open();
      const b = await m.open();
      assert.ok(sessionOf(b), 'both tabs opened signed in');
      await a.core.keeper.signOut();
      const before = m.apiRequests().length;
      focus(b);
      await m.clock.runUntil(m.clock.now() + 60_000);
      assert.strictEqual(sessionOf(b), undefined, 'signed out once focused');
      assert.strictEqual(b.core.state.availability.kind, 'signedOut');
      assert.strictEqual(m.apiRequests().length, before, 'no read with the old session');
      assert.strictEqual(m.secrets.values.get(SESSION_KEY), undefined, 'the old copy was not written back');
      focus(b);
      await m.clock.runUntil(m.clock.now() + 1000);
      assert.strictEqual(sessionOf(b), undefined, 'stays signed out: the old copy is not taken for a new sign-in');
    } finally {
      await m.close();
    }
  });

  it('a sign-in in one tab is announced once in a signed-out tab, with a reload that then shows it', async () => {
    const m = await simulatedMachine(inFlight, { tabCopies: true });
    try {
      const a = await m.open();
      await a.core.keeper.signOut();
      const b = await m.open();
      assert.strictEqual(sessionOf(b), undefined);
      const session = await a.core.signIn();
      focus(b);
      await m.clock.runUntil(m.clock.now() + 1000);
      focus(b);
      await m.clock.runUntil(m.clock.now() + 1000);
      assert.deepStrictEqual(b.notices.shown.map((n) => [n.text, n.actions.map((x) => x.command)]), [
        ['Your Spotify sign-in changed in another tab. Reload this tab to use it here.', ['workbench.action.reloadWindow']],
      ], 'told once, with a reload');
      assert.strictEqual(m.secrets.values.get(SESSION_KEY) !== undefined, true, 'the new session stays stored');
      const reloaded = await m.open();
      assert.strictEqual(sessionOf(reloaded)?.id, session.id, 'a reloaded tab has it');
    } finally {
      await m.close();
    }
  });

  it('signing out in a tab whose copy is older than another tab\u2019s sign-in leaves that newer session stored', async () => {
    const m = await simulatedMachine(inFlight, { tabCopies: true });
    try {
      const a = await m.open();
      const b = await m.open();
      const newer = await a.core.signIn();
      await b.core.keeper.signOut();
      assert.strictEqual(sessionOf(b), undefined, 'this tab is signed out');
      assert.strictEqual(JSON.parse(m.secrets.values.get(SESSION_KEY) ?? '{}').id, newer.id, 'the other tab\u2019s session is still stored');
      assert.strictEqual(sessionOf(await m.open())?.id, newer.id, 'and a reloaded tab has it');
      focus(b);
      await m.clock.runUntil(m.clock.now() + 1000);
      assert.strictEqual(sessionOf(b), undefined, 'the old copy does not sign this tab back in');
    } finally {
      await m.close();
    }
  });

  it('when another tab renewed the session (Spotify rotated the refresh token), this tab asks for a reload instead of saying Spotify signed you out', async () => {
    const m = await simulatedMachine(inFlight, { tabCopies: true });
    try {
      const a = await m.open();
      const b = await m.open();
      const renewed = await a.core.keeper.refresh();
      const refused = b.core.keeper.refresh().then(() => undefined, (error: unknown) => error);
      await m.clock.runUntil(m.clock.now() + 5_000);
      assert.ok((await refused) instanceof Error, 'this tab\u2019s old refresh token was refused');
      assert.strictEqual(sessionOf(b), undefined, 'this tab stops using the old session');
      assert.deepStrictEqual(b.notices.shown.map((n) => n.actions.map((x) => x.command)), [['workbench.action.reloadWindow']], 'one notice: reload');
      assert.strictEqual(JSON.parse(m.secrets.values.get(SESSION_KEY) ?? '{}').refreshToken, renewed.refreshToken, 'the renewed session stays stored');
      assert.strictEqual(sessionOf(await m.open())?.refreshToken, renewed.refreshToken, 'and a reloaded tab has it');
    } finally {
      await m.close();
    }
  });
});
