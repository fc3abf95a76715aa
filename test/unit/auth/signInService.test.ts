import * as assert from 'assert';
import { SESSION_KEY } from '../../../src/auth/sessionStore';
import { Rig } from '../../support/hardening/rig';

// Signing in as the core composes it (src/core.ts, src/auth/signInService.ts): the host brings only
// the flows and the UI; the request that names the account is an ordinary request of the core.

describe('sign-in composed in the core (against the emulator)', () => {
  let rig: Rig;
  afterEach(() => rig.close());

  it('keeps the session for every window, names it from GET /me, and counts that request in the daily budget', async () => {
    rig = await Rig.start();
    const session = await rig.signIn();
    assert.strictEqual(rig.keeper.current?.id, session.id);
    assert.strictEqual(session.account.label, 'Backbeat Tester');
    assert.strictEqual(JSON.parse(rig.secrets.values.get(SESSION_KEY) ?? '{}').id, session.id, 'stored where other windows read it');
    const served = rig.emu.requests.filter((r) => r.path.startsWith('/v1/'));
    assert.strictEqual(served.filter((r) => r.path === '/v1/me').length, 1);
    assert.strictEqual(rig.core.budget.status().used, served.length, 'GET /me counts in the day\u2019s requests like every other');
    assert.deepStrictEqual(rig.notices.shown, []);
  });

  it('a GET /me that never answers ends at the core\u2019s request timeout: told once, nothing kept', async () => {
    rig = await Rig.start();
    rig.emu.addFault({ match: { path: '/v1/me' }, hang: true });
    await assert.rejects(rig.signIn());
    assert.strictEqual(rig.keeper.current, undefined);
    assert.strictEqual(rig.secrets.values.get(SESSION_KEY), undefined, 'no half-made session stored');
    assert.strictEqual(rig.notices.shown.length, 1, 'the user is told, once');
    assert.match(rig.notices.shown[0].text, /Spotify/);
  });
});
