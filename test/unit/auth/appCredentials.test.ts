import * as assert from 'assert';
import { clientIdProblem, clientSecretProblem } from '../../../src/auth/appCredentials';

describe('app credentials (Client ID, client secret)', () => {
  it('accepts 32 hexadecimal characters in either case, around spaces a paste may bring', () => {
    assert.strictEqual(clientIdProblem('0123456789abcdefABCDEF0123456789'), undefined);
    assert.strictEqual(clientIdProblem(' 0123456789abcdef0123456789abcdef '), undefined);
    assert.strictEqual(clientSecretProblem('0123456789abcdefABCDEF0123456789'), undefined);
  });

  it('refuses anything else with words that say what a Client ID or secret looks like', () => {
    for (const bad of ['', '0123456789abcdef0123456789abcde', '0123456789abcdef0123456789abcdeg', '0123456789abcdef0123456789abcdef0']) {
      assert.strictEqual(clientIdProblem(bad), 'A Spotify Client ID is 32 characters of 0-9 and a-f.', JSON.stringify(bad));
      assert.strictEqual(clientSecretProblem(bad), 'A Spotify client secret is 32 characters of 0-9 and a-f.', JSON.stringify(bad));
    }
  });
});
