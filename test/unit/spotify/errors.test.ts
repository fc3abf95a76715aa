import * as assert from 'assert';
import { classifyError } from '../../../src/spotify/errors';

// What Spotify's error answer says is logged, stored in the shared ledger and shown: a hostile or
// broken answer must not forge a line or a reason.

describe('error answers from Spotify, read defensively', () => {
  it('keeps only a plain upper-case reason, and the message on one line', () => {
    const forged = JSON.stringify({
      error: { status: 429, message: 'Too many\nrequests\r\n2026-12-07T00:00:00Z [error] forged\u2028line', reason: 'QUOTA_EXCEEDED\n9999999999999 penalty' },
    });
    const error = classifyError(429, forged, 5);
    assert.strictEqual(error.reason, undefined, 'a reason with a line break is no reason');
    assert.ok(!/[\r\n\u2028]/.test(error.message), `one line: ${JSON.stringify(error.message)}`);
    assert.match(error.message, /Too many requests 2026-12-07T00:00:00Z \[error\] forged line/);
  });

  it('a plain-text answer is one line too, and an honest reason is kept', () => {
    assert.ok(!/\n/.test(classifyError(403, 'User not registered\nin the Developer Dashboard').message));
    assert.strictEqual(classifyError(429, JSON.stringify({ error: { status: 429, message: 'Too many requests', reason: 'QUOTA_EXCEEDED' } })).reason, 'QUOTA_EXCEEDED');
  });
});
