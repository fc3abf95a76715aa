import * as assert from 'assert';
import { Redactor } from '../../src/redaction';

describe('redaction', () => {
  it('hides registered secrets wherever they appear', () => {
    const r = new Redactor();
    r.add('BQD-access-token-value-123');
    assert.strictEqual(r.redact('token BQD-access-token-value-123 used'), 'token *** used');
  });

  it('hides credentials in query strings, JSON and auth headers even if never registered', () => {
    const r = new Redactor();
    const out = r.redact(
      'GET /cb?code=AQBsecretcode&state=xyz123 {"access_token":"tok1","refresh_token":"tok2"} Authorization: Bearer abc.def Basic dXNlcjpwYXNz',
    );
    for (const leaked of ['AQBsecretcode', 'xyz123', 'tok1', 'tok2', 'abc.def', 'dXNlcjpwYXNz']) assert.ok(!out.includes(leaked), `${leaked} in ${out}`);
  });

  it('leaves ordinary text alone and ignores very short values', () => {
    const r = new Redactor();
    r.add('abc');
    assert.strictEqual(r.redact('Teardrop - Massive Attack (abc)'), 'Teardrop - Massive Attack (abc)');
  });
});
