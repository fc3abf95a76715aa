import * as assert from 'assert';
import { SessionChange, SessionKeeper, NotSignedIn } from '../../../src/auth/sessionKeeper';
import { SESSION_KEY, SessionStore } from '../../../src/auth/sessionStore';
import type { StoredSession } from '../../../src/auth/session';
import { TokenError } from '../../../src/auth/tokenEndpoint';
import { Emulator, startEmulator, VirtualClock } from '../../emulator';
import { FakeClock, settle } from '../doubles/fakeClock';
import { FakeSecretStorage, SharedSecrets } from '../doubles/fakeSecretStorage';
import { RecordingLog } from '../doubles/recordingLog';
import { emulatorSession, tokenClient } from '../helpers/emulatorGrant';

/** One VS Code window: its SecretStorage view, store, keeper and what it told the user. */
function openWindow(emu: Emulator, secrets: SharedSecrets, clock: FakeClock) {
  const log = new RecordingLog();
  const storage = secrets.window();
  const store = new SessionStore(storage, log);
  const signedOutByServer: TokenError[] = [];
  const changes: SessionChange[] = [];
  const keeper = new SessionKeeper({
    store,
    clock,
    log,
    tokenClient: async (withSecret) => tokenClient(emu, withSecret),
    onSignedOutByServer: (e) => signedOutByServer.push(e),
  });
  keeper.onDidChange((c) => changes.push(c));
  return { log, storage, store, keeper, signedOutByServer, changes };
}

async function until(what: string, probe: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('session keeper (refresh, rotation, windows, against the emulator)', () => {
  let emu: Emulator;
  let clock: FakeClock;
  let secrets: SharedSecrets;
  let session: StoredSession;

  let stopClock: () => void = () => undefined;
  beforeEach(async () => {
    emu = await startEmulator();
    clock = new FakeClock();
    secrets = new SharedSecrets();
    session = await emulatorSession(emu, clock.now());
  });
  afterEach(() => {
    stopClock();
    return emu.close();
  });

  it('keeps a fresh token without any request, and refreshes one within 60 s of expiry before use', async () => {
    const w = openWindow(emu, secrets, clock);
    await w.keeper.signedIn(session);
    assert.strictEqual(await w.keeper.accessToken(), session.accessToken);
    clock.jump(3600_000 - 30_000); // laptop woke up: the timer did not fire, the token is nearly expired
    const token = await w.keeper.accessToken();
    assert.notStrictEqual(token, session.accessToken);
    assert.strictEqual(JSON.parse(secrets.values.get(SESSION_KEY)!).accessToken, token, 'stored');
  });

  it('refreshes ahead of expiry at about 2/3 of the lifetime', async () => {
    const w = openWindow(emu, secrets, clock);
    await w.keeper.signedIn(session);
    await clock.advance(2_300_000);
    assert.strictEqual(w.keeper.current?.accessToken, session.accessToken, 'not yet');
    await clock.advance(200_000);
    await until('scheduled refresh', () => w.keeper.current?.accessToken !== session.accessToken);
  });

  it('shares one in-flight refresh between all callers', async () => {
    const w = openWindow(emu, secrets, clock);
    await w.keeper.signedIn(session);
    emu.requests.length = 0;
    const tokens = await Promise.all([w.keeper.refresh(), w.keeper.refresh(), w.keeper.accessTokenAfterRejection(session.accessToken)]);
    assert.strictEqual(new Set(tokens.map((t) => (typeof t === 'string' ? t : t.accessToken))).size, 1);
    assert.strictEqual(emu.requests.filter((r) => r.path === '/api/token').length, 1);
  });

  it('keeps the old refresh token when Spotify omits it, and stores a rotated one', async () => {
    const w = openWindow(emu, secrets, clock);
    await w.keeper.signedIn(session);
    emu.configure({ omitRefreshTokenOnRefresh: true });
    const kept = await w.keeper.refresh();
    assert.strictEqual(kept.refreshToken, session.refreshToken);
    emu.configure({ omitRefreshTokenOnRefresh: false, rotateRefreshTokens: true });
    const rotated = await w.keeper.refresh();
    assert.notStrictEqual(rotated.refreshToken, session.refreshToken);
    assert.strictEqual(JSON.parse(secrets.values.get(SESSION_KEY)!).refreshToken, rotated.refreshToken);
  });

  it('two windows refreshing at once under rotation both stay signed in', async () => {
    emu.configure({ rotateRefreshTokens: true });
    const a = openWindow(emu, secrets, clock);
    const b = openWindow(emu, secrets, clock);
    await a.keeper.signedIn(session);
    await b.keeper.initialize();
    assert.strictEqual(b.keeper.current?.id, session.id);
    stopClock = clock.run();
    // Both windows race with the same refresh token; the loser gets invalid_grant "revoked".
    const [ra, rb] = await Promise.allSettled([a.keeper.refresh(), b.keeper.refresh()]);
    assert.strictEqual(ra.status, 'fulfilled');
    assert.strictEqual(rb.status, 'fulfilled');
    await settle();
    assert.ok(a.keeper.current && b.keeper.current, 'nobody signed out');
    assert.deepStrictEqual([a.signedOutByServer.length, b.signedOutByServer.length], [0, 0]);
    assert.ok([...a.log.lines, ...b.log.lines].some((l) => /Another window refreshed/.test(l)), 'the loser adopted the winner\u2019s token');
    // And the stored refresh token still works afterwards.
    const stored = JSON.parse(secrets.values.get(SESSION_KEY)!) as StoredSession;
    await assert.doesNotReject(b.keeper.refresh());
    assert.ok(stored.refreshToken);
  });

  it('a window follows sign-in, refresh and sign-out made in another window', async () => {
    const a = openWindow(emu, secrets, clock);
    const b = openWindow(emu, secrets, clock);
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
    const w = openWindow(emu, secrets, clock);
    await w.keeper.signedIn(session);
    emu.revokeGrants();
    stopClock = clock.run();
    const results = await Promise.allSettled([w.keeper.refresh(), w.keeper.refresh(), w.keeper.accessTokenAfterRejection(session.accessToken)]);
    assert.ok(results.every((r) => r.status === 'rejected'));
    assert.strictEqual(w.keeper.current, undefined);
    assert.strictEqual(secrets.values.has(SESSION_KEY), false, 'SecretStorage cleared');
    assert.strictEqual(w.signedOutByServer.length, 1);
    await assert.rejects(w.keeper.accessToken(), NotSignedIn);
  });

  it('a grant past Spotify\u2019s 6-month limit signs out with a clear message', async () => {
    const virtual = new VirtualClock(Date.now());
    const old = await startEmulator({ clock: virtual });
    try {
      const s = await emulatorSession(old, clock.now());
      const w = openWindow(old, secrets, clock);
      await w.keeper.signedIn(s);
      virtual.advance(183 * 24 * 3600_000);
      stopClock = clock.run();
      await assert.rejects(w.keeper.refresh(), (e: unknown) => e instanceof TokenError && e.kind === 'dead_grant' && /expired/i.test(e.message));
      assert.strictEqual(w.keeper.current, undefined);
      assert.strictEqual(w.signedOutByServer.length, 1);
    } finally {
      await old.close();
    }
  });

  it('network errors and 5xx keep the session and retry with back-off', async () => {
    const w = openWindow(emu, secrets, clock);
    await w.keeper.signedIn(session);
    emu.addFault({ match: { path: '/api/token' }, status: 502, body: 'Bad gateway', times: 1 });
    await assert.rejects(w.keeper.refresh(), (e: unknown) => e instanceof TokenError && e.kind === 'unavailable');
    await emu.goOffline();
    await assert.rejects(w.keeper.refresh(), (e: unknown) => e instanceof TokenError && e.kind === 'unavailable');
    assert.strictEqual(w.keeper.current?.id, session.id, 'still signed in');
    assert.ok(w.log.lines.some((l) => /Retrying in \d+ s/.test(l)));
    await emu.goOnline();
    await clock.advance(60_000); // the retry timer fires
    await until('retry succeeded', () => w.keeper.current?.accessToken !== session.accessToken);
  });

  it('a corrupt stored session is cleared and treated as signed out, never thrown', async () => {
    for (const broken of ['{not json', JSON.stringify({ ...session, refreshToken: undefined }), '42']) {
      secrets.values.set(SESSION_KEY, broken);
      const w = openWindow(emu, secrets, clock);
      await assert.doesNotReject(w.keeper.initialize());
      assert.strictEqual(w.keeper.current, undefined);
      assert.strictEqual(secrets.values.has(SESSION_KEY), false);
      assert.ok(w.log.lines.some((l) => /unreadable or incomplete/.test(l)));
    }
  });

  it('an unreadable keychain is treated as signed out without crashing', async () => {
    const w = openWindow(emu, secrets, clock);
    (w.storage as FakeSecretStorage).failReads = true;
    await assert.doesNotReject(w.keeper.initialize());
    assert.strictEqual(w.keeper.current, undefined);
  });

  it('never writes a token to its log', async () => {
    const w = openWindow(emu, secrets, clock);
    await w.keeper.signedIn(session);
    const refreshed = await w.keeper.refresh();
    emu.revokeGrants();
    stopClock = clock.run();
    await w.keeper.refresh().catch(() => undefined);
    const text = w.log.lines.join('\n');
    for (const secret of [session.accessToken, session.refreshToken, refreshed.accessToken, refreshed.refreshToken]) {
      assert.ok(!text.includes(secret));
    }
  });
});
