import * as assert from 'assert';
import { buildAuthorizeUrl } from '../../../src/auth/authorizeUrl';
import { codeChallengeS256, createCodeVerifier, createState } from '../../../src/auth/pkce';
import { DEFAULT_SCOPES } from '../../../src/auth/scopes';
import { exchangeCode, isDeadGrant, refreshGrant, TokenError } from '../../../src/auth/tokenEndpoint';
import { describeFailure } from '../../../src/present/errorMessages';
import { Emulator, startEmulator } from '../../../emulator';
import { approveInBrowser, EMULATOR_REDIRECT_URI as LOOPBACK_REDIRECT, emulatorTokenClient as tokenClient } from '../../../sim/emulatorSignIn';

/** A code as the browser brings it back: with a PKCE challenge for `verifier`, or for the classic flow. */
async function authorizeCode(emu: Emulator, options: { verifier?: string } = {}): Promise<string> {
  const state = createState();
  const url = buildAuthorizeUrl({
    accountsUrl: emu.accountsUrl,
    clientId: emu.clientId,
    redirectUri: LOOPBACK_REDIRECT,
    state,
    scopes: DEFAULT_SCOPES,
    codeChallenge: options.verifier && codeChallengeS256(options.verifier),
  });
  return approveInBrowser(emu, url, state);
}

describe('token endpoint (against the emulator)', () => {
  let emu: Emulator;
  beforeEach(async () => (emu = await startEmulator()));
  afterEach(() => emu.close());

  it('exchanges a PKCE code for tokens with the granted scopes', async () => {
    const verifier = createCodeVerifier();
    const code = await authorizeCode(emu, { verifier });
    const grant = await exchangeCode(tokenClient(emu), code, LOOPBACK_REDIRECT, verifier);
    assert.ok(grant.accessToken && grant.refreshToken);
    assert.strictEqual(grant.expiresInSeconds, 3600);
    assert.ok(grant.scopes.includes('user-read-playback-state'));
  });

  it('exchanges a classic code with the client secret (HTTP Basic) and refreshes with it', async () => {
    const code = await authorizeCode(emu);
    const grant = await exchangeCode(tokenClient(emu, true), code, LOOPBACK_REDIRECT);
    const refreshed = await refreshGrant(tokenClient(emu, true), grant.refreshToken!);
    assert.ok(refreshed.accessToken);
  });

  it('refuses a wrong client secret as a setup problem, not a dead grant', async () => {
    const code = await authorizeCode(emu);
    await assert.rejects(
      exchangeCode({ ...tokenClient(emu, true), clientSecret: '0'.repeat(32) }, code, LOOPBACK_REDIRECT),
      (e: unknown) => e instanceof TokenError && e.kind === 'rejected_client' && /client secret/.test(e.message),
    );
  });

  it('a code is single use: the replay is a dead grant', async () => {
    const verifier = createCodeVerifier();
    const code = await authorizeCode(emu, { verifier });
    await exchangeCode(tokenClient(emu), code, LOOPBACK_REDIRECT, verifier);
    await assert.rejects(exchangeCode(tokenClient(emu), code, LOOPBACK_REDIRECT, verifier), (e: unknown) => e instanceof TokenError && e.kind === 'dead_grant');
  });

  it('a wrong verifier is refused', async () => {
    const code = await authorizeCode(emu, { verifier: createCodeVerifier() });
    await assert.rejects(
      exchangeCode(tokenClient(emu), code, LOOPBACK_REDIRECT, createCodeVerifier()),
      (e: unknown) => e instanceof TokenError && e.kind === 'dead_grant' && /code_verifier/.test(e.message),
    );
  });

  it('six months after sign-in Spotify ends it: the user is told so in one line, with Sign In; a revoked one reads differently', async () => {
    const verifier = createCodeVerifier();
    const grant = await exchangeCode(tokenClient(emu), await authorizeCode(emu, { verifier }), LOOPBACK_REDIRECT, verifier);
    emu.expireGrants();
    const expired = await refreshGrant(tokenClient(emu), grant.refreshToken!).catch((e: unknown) => e);
    assert.ok(isDeadGrant(expired), 'a dead grant: signed out, not retried');
    const told = describeFailure(expired)!;
    assert.strictEqual(told.text, 'Spotify ends a sign-in after six months, and yours has ended. Sign in again to go on.');
    assert.deepStrictEqual(told.actions.map((a) => [a.title, a.command]), [['Sign In', 'backbeat.signIn']]);

    emu.revokeGrants();
    const revoked = await refreshGrant(tokenClient(emu), grant.refreshToken!).catch((e: unknown) => e);
    assert.ok(isDeadGrant(revoked));
    assert.doesNotMatch(describeFailure(revoked)!.text, /six months/, 'a revocation is not blamed on the six months');
  });

  it('a 5xx, a hang and a dropped connection are "unavailable" (keep the session), never a dead grant', async () => {
    const verifier = createCodeVerifier();
    const code = await authorizeCode(emu, { verifier });
    const grant = await exchangeCode(tokenClient(emu), code, LOOPBACK_REDIRECT, verifier);
    for (const fault of [{ status: 503, body: 'oops' }, { hang: true }, { destroy: true }, { stallBody: true }, { status: 200, body: 'not json' }]) {
      emu.addFault({ match: { path: '/api/token' }, ...fault });
      await assert.rejects(refreshGrant(tokenClient(emu), grant.refreshToken!), (e: unknown) => e instanceof TokenError && e.kind === 'unavailable', JSON.stringify(fault));
    }
  });

  it('an unreachable accounts service is "unavailable"', async () => {
    await emu.goOffline();
    await assert.rejects(refreshGrant(tokenClient(emu), 'whatever'), (e: unknown) => e instanceof TokenError && e.kind === 'unavailable');
    await emu.goOnline();
  });
});
