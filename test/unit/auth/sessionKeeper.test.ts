import * as assert from 'assert';
import { SessionChange, NotSignedIn } from '../../../src/auth/sessionKeeper';
import { SESSION_KEY } from '../../../src/auth/sessionStore';
import type { StoredSession } from '../../../src/auth/session';
import { TokenError } from '../../../src/auth/tokenEndpoint';
import { Emulator, startEmulator, VirtualClock } from '../../../emulator';
import { FakeClock, settle } from '../../../sim/fakeClock';
import { FakeSecretStorage, SharedSecrets } from '../../../sim/fakeSecretStorage';
import { signInToEmulator } from '../../../sim/emulatorSignIn';
import { RecordingLog } from '../../../sim/recordingLog';
import { openKeeperWindow, useWindowsRig } from '../../support/keeperWindows';
import { until } from '../../../sim/until';

/** One VS Code window: its SecretStorage view, store, keeper and what it told the user. */
function openWindow(emu: Emulator, secrets: SharedSecrets, clock: FakeClock) {
  const signedOutByServer: TokenError[] = [];
  const changes: SessionChange[] = [];
  const { log, storage, store, keeper } = openKeeperWindow(emu, secrets, clock, (e) => signedOutByServer.push(e));
  keeper.onDidChange((c) => changes.push(c));
  return { log, storage, store, keeper, signedOutByServer, changes };
}

describe('session keeper (refresh, rotation, windows, against the emulator)', () => {
  const rig = useWindowsRig();
  let session: StoredSession;
  beforeEach(async () => {
    session = await signInToEmulator(rig.emu, rig.clock, new RecordingLog());
  });

  it('keeps a fresh token without any request, and refreshes one within 60 s of expiry before use', async () => {
    const w = openWindow(rig.emu, rig.secrets, rig.clock);
    await w.keeper.signedIn(session);
    assert.strictEqual(await w.keeper.accessToken(), session.accessToken);
    rig.clock.jump(3600_000 - 30_000); // laptop woke up: the timer did not fire, the token is nearly expired
    const token = await w.keeper.accessToken();
    assert.notStrictEqual(token, session.accessToken);
    assert.strictEqual(JSON.parse(rig.secrets.values.get(SESSION_KEY)!).accessToken, token, 'stored');
  });

  it('refreshes ahead of expiry at about 2/3 of the lifetime', async () => {
    const w = openWindow(rig.emu, rig.secrets, rig.clock);
    await w.keeper.signedIn(session);
    await rig.clock.advance(2_300_000);
    assert.strictEqual(w.keeper.current?.accessToken, session.accessToken, 'not yet');
    await rig.clock.advance(200_000);
    await until('scheduled refresh', () => w.keeper.current?.accessToken !== session.accessToken);
  });

  it('shares one in-flight refresh between all callers', async () => {
    const w = openWindow(rig.emu, rig.secrets, rig.clock);
    await w.keeper.signedIn(session);
    rig.emu.requests.length = 0;
    const tokens = await Promise.all([w.keeper.refresh(), w.keeper.refresh(), w.keeper.accessTokenAfterRejection(session.accessToken)]);
    assert.strictEqual(new Set(tokens.map((t) => (typeof t === 'string' ? t : t.accessToken))).size, 1);
    assert.strictEqual(rig.emu.requests.filter((r) => r.path === '/api/token').length, 1);
  });

  it('keeps the old refresh token when Spotify omits it, and stores a rotated one', async () => {
    const w = openWindow(rig.emu, rig.secrets, rig.clock);
    await w.keeper.signedIn(session);
    rig.emu.configure({ omitRefreshTokenOnRefresh: true });
    const kept = await w.keeper.refresh();
    assert.strictEqual(kept.refreshToken, session.refreshToken);
    rig.emu.configure({ omitRefreshTokenOnRefresh: false, rotateRefreshTokens: true });
    const rotated = await w.keeper.refresh();
    assert.notStrictEqual(rotated.refreshToken, session.refreshToken);
    assert.strictEqual(JSON.parse(rig.secrets.values.get(SESSION_KEY)!).refreshToken, rotated.refreshToken);
  });

  it('two windows refreshing at once under rotation both stay signed in', async () => {
    rig.emu.configure({ rotateRefreshTokens: true });
    const a = openWindow(rig.emu, rig.secrets, rig.clock);
    const b = openWindow(rig.emu, rig.secrets, rig.clock);
    await a.keeper.signedIn(session);
    await b.keeper.initialize();
    assert.strictEqual(b.keeper.current?.id, session.id);
    rig.runClock();
    // Both windows race with the same refresh token; the loser gets invalid_grant "revoked".
    const [ra, rb] = await Promise.allSettled([a.keeper.refresh(), b.keeper.refresh()]);
    assert.strictEqual(ra.status, 'fulfilled');
    assert.strictEqual(rb.status, 'fulfilled');
    await settle();
    assert.ok(a.keeper.current && b.keeper.current, 'nobody signed out');
    assert.deepStrictEqual([a.signedOutByServer.length, b.signedOutByServer.length], [0, 0]);
    assert.ok([...a.log.lines, ...b.log.lines].some((l) => /Another window refreshed/.test(l)), 'the loser adopted the winner\u2019s token');
    // And the stored refresh token still works afterwards.
    const stored = JSON.parse(rig.secrets.values.get(SESSION_KEY)!) as StoredSession;
    await assert.doesNotReject(b.keeper.refresh());
    assert.ok(stored.refreshToken);
  });

  it('a window follows sign-in, refresh and sign-out made in another window', async () => {
    const a = openWindow(rig.emu, rig.secrets, rig.clock);
    const b = openWindow(rig.emu, rig.secrets, rig.clock);
    await b.keeper.initialize();
    await a.keeper.signedIn(session);
    await until('b sees the sign-in', () => b.keeper.current?.id === session.id);
    const refreshed = await a.keeper.refresh();
    await until('b sees the refresh', () => b.keeper.current?.accessToken === refreshed.accessToken);
    await a.keeper.signOut();
    await until('b sees the sign-out', () => b.keeper.current === undefined);
    assert.deepStrictEqual(
      b.changes.map((c) => Object.keys(c).sort().join('+')),
      ['added', 'changed', 'removed'],
    );
  });

  it('a revoked grant signs out once, with one message, however many callers', async () => {
    const w = openWindow(rig.emu, rig.secrets, rig.clock);
    await w.keeper.signedIn(session);
    rig.emu.revokeGrants();
    rig.runClock();
    const results = await Promise.allSettled([w.keeper.refresh(), w.keeper.refresh(), w.keeper.accessTokenAfterRejection(session.accessToken)]);
    assert.ok(results.every((r) => r.status === 'rejected'));
    assert.strictEqual(w.keeper.current, undefined);
    assert.strictEqual(rig.secrets.values.has(SESSION_KEY), false, 'SecretStorage cleared');
    assert.strictEqual(w.signedOutByServer.length, 1);
    await assert.rejects(w.keeper.accessToken(), NotSignedIn);
  });

  it('a grant past Spotify\u2019s 6-month limit signs out with a clear message', async () => {
    const virtual = new VirtualClock(Date.now());
    const old = await startEmulator({ clock: virtual });
    try {
      const s = await signInToEmulator(old, rig.clock, new RecordingLog());
      const w = openWindow(old, rig.secrets, rig.clock);
      await w.keeper.signedIn(s);
      virtual.advance(183 * 24 * 3600_000);
      rig.runClock();
      await assert.rejects(w.keeper.refresh(), (e: unknown) => e instanceof TokenError && e.kind === 'expired_grant' && /six months/.test(e.message));
      assert.strictEqual(w.keeper.current, undefined);
      assert.strictEqual(w.signedOutByServer.length, 1);
    } finally {
      await old.close();
    }
  });

  it('network errors and 5xx keep the session and retry later on their own', async () => {
    const w = openWindow(rig.emu, rig.secrets, rig.clock);
    await w.keeper.signedIn(session);
    rig.emu.addFault({ match: { path: '/api/token' }, status: 502, body: 'Bad gateway', times: 1 });
    await assert.rejects(w.keeper.refresh(), (e: unknown) => e instanceof TokenError && e.kind === 'unavailable');
    await rig.emu.goOffline();
    await assert.rejects(w.keeper.refresh(), (e: unknown) => e instanceof TokenError && e.kind === 'unavailable');
    assert.strictEqual(w.keeper.current?.id, session.id, 'still signed in');
    assert.ok(w.log.lines.some((l) => /Retrying in \d+ s/.test(l)));
    await rig.emu.goOnline();
    await rig.clock.advance(60_000); // the retry timer fires
    await until('retry succeeded', () => w.keeper.current?.accessToken !== session.accessToken);
  });

  it('a corrupt stored session is cleared and treated as signed out, never thrown', async () => {
    for (const broken of ['{not json', JSON.stringify({ ...session, refreshToken: undefined }), '42']) {
      rig.secrets.values.set(SESSION_KEY, broken);
      const w = openWindow(rig.emu, rig.secrets, rig.clock);
      await assert.doesNotReject(w.keeper.initialize());
      assert.strictEqual(w.keeper.current, undefined);
      assert.strictEqual(rig.secrets.values.has(SESSION_KEY), false);
      assert.ok(w.log.lines.some((l) => /unreadable or incomplete/.test(l)));
    }
  });

  it('an unreadable keychain is treated as signed out without crashing', async () => {
    const w = openWindow(rig.emu, rig.secrets, rig.clock);
    (w.storage as FakeSecretStorage).failReads = true;
    await assert.doesNotReject(w.keeper.initialize());
    assert.strictEqual(w.keeper.current, undefined);
  });

  it('never writes a token to its log', async () => {
    const w = openWindow(rig.emu, rig.secrets, rig.clock);
    await w.keeper.signedIn(session);
    const refreshed = await w.keeper.refresh();
    rig.emu.revokeGrants();
    rig.runClock();
    await w.keeper.refresh().catch(() => undefined);
    const text = w.log.lines.join('\n');
    for (const secret of [session.accessToken, session.refreshToken, refreshed.accessToken, refreshed.refreshToken]) {
      assert.ok(!text.includes(secret));
    }
  });
});
