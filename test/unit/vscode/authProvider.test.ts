import * as assert from 'assert';
import { SpotifyAuthProvider } from '../../../src/vscode/authProvider';
import { DEFAULT_SCOPES } from '../../../src/auth/scopes';
import type { StoredSession } from '../../../src/auth/session';
import { SESSION_KEY } from '../../../src/auth/sessionStore';
import type { Emulator } from '../../../emulator';
import { FakeClock, settle } from '../../../sim/fakeClock';
import { SharedSecrets } from '../../../sim/fakeSecretStorage';
import { SignInService } from '../../../src/auth/signInService';
import { emulatorSignInDeps, emulatorSignInHost } from '../../../sim/emulatorSignIn';
import { openKeeperWindow, useWindowsRig } from '../../support/keeperWindows';
import { until } from '../../../sim/until';

type ChangeEvent = { added?: readonly { id: string }[]; removed?: readonly { id: string }[]; changed?: readonly { id: string; accessToken: string }[] };

/** One VS Code window: its provider over its own keeper and store, on the keychain all windows share, signing in to the emulator. */
function openWindow(emu: Emulator, secrets: SharedSecrets, clock: FakeClock) {
  const { keeper, log } = openKeeperWindow(emu, secrets, clock, () => undefined);
  const signIns = new SignInService(keeper, emulatorSignInDeps(emu, clock, log), emulatorSignInHost(emu));
  const provider = new SpotifyAuthProvider(keeper, (scopes) => signIns.signIn(scopes));
  const events: ChangeEvent[] = [];
  provider.onDidChangeSessions((e) => events.push(e));
  return { keeper, provider, events, log };
}

describe('authentication provider "spotify" (what VS Code and other extensions see)', () => {
  const rig = useWindowsRig({ rotateRefreshTokens: true });

  /** Windows a and b over the shared keychain, signed in from a, once b has seen it. */
  async function twoWindowsSignedIn() {
    const a = openWindow(rig.emu, rig.secrets, rig.clock);
    const b = openWindow(rig.emu, rig.secrets, rig.clock);
    await b.keeper.initialize();
    const session = await a.provider.createSession(DEFAULT_SCOPES);
    await until('b sees the sign-in', async () => (await b.provider.getSessions()).length === 1);
    return { a, b, session };
  }

  it('asking for extra scopes re-consents with the union of what was granted and what is asked', async () => {
    const w = openWindow(rig.emu, rig.secrets, rig.clock);
    const first = await w.provider.createSession(['user-read-playback-state']);
    assert.deepStrictEqual([...first.scopes].sort(), [...DEFAULT_SCOPES].sort(), 'Backbeat\u2019s scopes at least');
    assert.deepStrictEqual(await w.provider.getSessions(['user-follow-read']), [], 'a scope not granted: no session, so VS Code asks to create one');
    const second = await w.provider.createSession(['user-follow-read']);
    assert.deepStrictEqual([...second.scopes].sort(), [...DEFAULT_SCOPES, 'user-follow-read'].sort(), 'what was granted, and what is asked');
    assert.strictEqual((await w.provider.getSessions()).length, 1);
    assert.strictEqual(w.events.length, 2);
  });

  it('two windows refreshing at once under rotation both keep the session; neither signs out', async () => {
    const { a, b, session: created } = await twoWindowsSignedIn();
    rig.runClock();
    const results = await Promise.allSettled([a.keeper.refresh(), b.keeper.refresh()]);
    assert.deepStrictEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled']);
    await settle();
    const [sa] = await a.provider.getSessions();
    const [sb] = await b.provider.getSessions();
    assert.strictEqual(sa?.id, created.id);
    assert.strictEqual(sb?.id, created.id);
    assert.ok(![...a.events, ...b.events].some((e) => e.removed?.length), 'no window announced a sign-out');
    await until('both windows hold the token last stored', async () => {
      const stored = (JSON.parse(rig.secrets.values.get(SESSION_KEY) ?? '{}') as StoredSession).accessToken;
      return (await a.provider.getSessions())[0]?.accessToken === stored && (await b.provider.getSessions())[0]?.accessToken === stored;
    });
  });

  it('signing out from the Accounts menu in one window signs out every window', async () => {
    const { a, b, session } = await twoWindowsSignedIn();
    await a.provider.removeSession(session.id);
    await until('b sees the sign-out', async () => (await b.provider.getSessions()).length === 0);
    assert.deepStrictEqual(b.events.map((e) => (e.added?.length ? 'added' : e.removed?.length ? 'removed' : 'changed')), ['added', 'removed']);
  });
});
