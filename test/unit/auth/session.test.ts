import * as assert from 'assert';
import { parseStoredSession } from '../../../src/auth/session';

const valid = {
  id: 's1',
  accessToken: 'at',
  refreshToken: 'rt',
  expiresAt: 1000,
  scopes: ['user-read-playback-state'],
  account: { id: 'u1', label: 'Ana' },
};

describe('stored session parsing', () => {
  it('reads a complete session', () => {
    assert.deepStrictEqual(parseStoredSession(JSON.stringify(valid)), { ...valid, usesClientSecret: false });
  });

  it('rejects JSON that does not parse', () => {
    assert.strictEqual(parseStoredSession('{"id":'), undefined);
    assert.strictEqual(parseStoredSession(''), undefined);
  });

  for (const field of ['id', 'accessToken', 'refreshToken', 'expiresAt', 'scopes', 'account'] as const) {
    it(`rejects a session without ${field}`, () => {
      const broken: Record<string, unknown> = { ...valid };
      delete broken[field];
      assert.strictEqual(parseStoredSession(JSON.stringify(broken)), undefined);
    });
  }

  it('rejects mistyped fields', () => {
    assert.strictEqual(parseStoredSession(JSON.stringify({ ...valid, expiresAt: '1000' })), undefined);
    assert.strictEqual(parseStoredSession(JSON.stringify({ ...valid, scopes: [1] })), undefined);
    assert.strictEqual(parseStoredSession(JSON.stringify({ ...valid, account: { id: 5 } })), undefined);
    assert.strictEqual(parseStoredSession('null'), undefined);
    assert.strictEqual(parseStoredSession('[]'), undefined);
  });
});
