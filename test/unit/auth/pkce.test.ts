import * as assert from 'assert';
import { createHash } from 'crypto';
import fc from 'fast-check';
import { codeChallengeS256, createCodeVerifier, createState } from '../../../src/auth/pkce';

const VERIFIER_CHARSET = /^[A-Za-z0-9\-._~]+$/;

describe('PKCE and state', () => {
  it('makes verifiers Spotify accepts: 43-128 characters from A-Z a-z 0-9 - . _ ~', () => {
    for (let i = 0; i < 1000; i++) {
      const verifier = createCodeVerifier();
      assert.ok(verifier.length >= 43 && verifier.length <= 128, `length ${verifier.length}`);
      assert.match(verifier, VERIFIER_CHARSET);
    }
  });

  it('makes a new verifier and a new state each time (2,000 of each, all different)', () => {
    const verifiers = new Set(Array.from({ length: 2000 }, createCodeVerifier));
    const states = new Set(Array.from({ length: 2000 }, createState));
    assert.strictEqual(verifiers.size, 2000);
    assert.strictEqual(states.size, 2000);
  });

  it('states are URL-safe and long enough to be unguessable (>= 256 bits)', () => {
    const state = createState();
    assert.match(state, /^[A-Za-z0-9_-]{43,}$/);
  });

  it('computes the S256 challenge as base64url(sha256(verifier)) without padding (RFC 7636 appendix B)', () => {
    assert.strictEqual(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('challenge matches an independent computation for any verifier', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9\-._~]{43,128}$/), (verifier) => {
        const expected = createHash('sha256').update(verifier).digest('base64url');
        return codeChallengeS256(verifier) === expected;
      }),
      { numRuns: 300 },
    );
  });
});
