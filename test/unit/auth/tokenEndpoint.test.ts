import * as assert from 'assert';
import { createCodeVerifier } from '../../../src/auth/pkce';
import { exchangeCode, refreshGrant, TokenError } from '../../../src/auth/tokenEndpoint';
import { Emulator, startEmulator } from '../../../emulator';
import { authorizeCode, LOOPBACK_REDIRECT, tokenClient } from '../../support/emulatorGrant';

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
