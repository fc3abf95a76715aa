import * as assert from 'assert';
import { SessionStore } from '../../../src/auth/sessionStore';
import type { StoredSession } from '../../../src/auth/session';
import type { CoreWindow } from '../../../sim/coreWindow';
import { FakeSecretStorage, SharedSecrets } from '../../../sim/fakeSecretStorage';
import { InFlightRequests } from '../../../sim/inFlightRequests';
import { RecordingLog } from '../../../sim/recordingLog';
import { simulatedMachine } from '../../support/simulatedMachine';

// Windows that share the storage but miss its change events: a window reads the stored session again
// when it is focused. (code-server's tabs do not even share it: see webEditorTabs.test.ts.)

const SESSION: StoredSession = {
  id: 'session-1',
  accessToken: 'at',
  refreshToken: 'rt',
  expiresAt: Date.UTC(2026, 5, 1, 13),
  scopes: ['user-read-playback-state'],
  account: { id: 'u', label: 'U' },
};

/** Read through a function: an assertion must not narrow what the next one reads. */
const sessionOf = (w: CoreWindow) => w.core.keeper.current;

describe('windows that hear nothing of each other', function () {
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

      const session = await a.core.signIn();
      b.activity.set(false, false);
      b.activity.set(true, true);
      await m.clock.runUntil(m.clock.now() + 1000);
      assert.strictEqual(sessionOf(b)?.id, session.id, 'signed in once focused');
      assert.strictEqual(b.core.state.availability.kind, 'active', 'and it shows what plays');
    } finally {
      await m.close();
    }
  });

  it("never takes this window's own sign-in, still being stored, for another window's sign-out", async () => {
    // The keychain takes a while to store; the window is focused (and looks again) meanwhile.
    const secrets = new FakeSecretStorage(new SharedSecrets(false));
    let stored: () => void = () => undefined;
    const slowStore = secrets.store.bind(secrets);
    secrets.store = (key, value) => new Promise<void>((resolve) => (stored = () => void slowStore(key, value).then(resolve)));
    const store = new SessionStore(secrets, new RecordingLog());
    const heard: unknown[] = [];
    store.onDidChangeElsewhere((s) => heard.push(s));
    const writing = store.write(SESSION);
    const looking = store.recheck();
    await new Promise((resolve) => setImmediate(resolve));
    stored();
    await Promise.all([writing, looking]);
    assert.deepStrictEqual(heard, [], 'nothing changed elsewhere');
    assert.strictEqual((await store.read())?.id, SESSION.id);
  });
});
