import * as assert from 'assert';
import { readPastedCallback } from '../../../src/auth/flows/pastedCallback';

describe('pasted sign-in address (manual flow)', () => {
  const code = 'AQDx9Zk3_-abcdefghijklmnop';

  it('reads the whole address, a query, or the bare code', () => {
    for (const text of [`http://127.0.0.1/callback?code=${code}&state=S`, `  ?code=${code}&state=S  `, `code=${code}&state=S`, code]) {
      const reading = readPastedCallback(text, 'S');
      assert.ok('params' in reading, text);
      assert.strictEqual(reading.params.get('code'), code);
      assert.strictEqual(reading.params.get('state'), 'S');
    }
  });

  it('passes a denial through so it can be reported as such', () => {
    const reading = readPastedCallback('http://127.0.0.1/callback?error=access_denied&state=S', 'S');
    assert.ok('params' in reading && reading.params.get('error') === 'access_denied');
  });

  it('refuses an address from another attempt, one without a code, and empty text, saying why', () => {
    const problems = [`http://127.0.0.1/callback?code=${code}&state=OTHER`, 'https://open.spotify.com/', ''].map((t) => readPastedCallback(t, 'S'));
    assert.deepStrictEqual(
      problems.map((p) => ('problem' in p ? p.problem.split(' ').slice(0, 3).join(' ') : 'accepted')),
      ['This address belongs', 'This has no', 'Paste the address'],
    );
  });
});
