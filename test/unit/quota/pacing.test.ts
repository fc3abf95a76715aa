import * as assert from 'assert';
import { PaceInputs, rhythmIntervalMs } from '../../../src/quota/pacing';

const SECOND = 1000;
const AT_1000: PaceInputs = { limit: 1000, share: 850, used: 0, returningSoon: 0, pollIntervalMs: 5 * SECOND, idleIntervalMs: 60 * SECOND, inUse: true };

describe('pacing rule', () => {
  it('spreads the share over 8 hours of use: about 34 s at a budget of 1,000', () => {
    assert.strictEqual(Math.round(rhythmIntervalMs(AT_1000)! / 100) / 10, 33.9);
    assert.strictEqual(Math.round(rhythmIntervalMs({ ...AT_1000, limit: 2000, share: 1700 })! / 1000), 17);
    assert.strictEqual(Math.round(rhythmIntervalMs({ ...AT_1000, limit: 500, share: 425 })! / 1000), 68);
  });

  it('never reads faster than backbeat.pollIntervalSeconds, and follows it without a budget', () => {
    assert.strictEqual(rhythmIntervalMs({ ...AT_1000, pollIntervalMs: 60 * SECOND }), 60 * SECOND);
    assert.strictEqual(rhythmIntervalMs({ ...AT_1000, limit: 0, share: 0, used: 5000 }), 5 * SECOND);
    assert.strictEqual(rhythmIntervalMs({ ...AT_1000, limit: 0, share: 0, inUse: false }), 60 * SECOND);
  });

  it('stretches as what is left runs low, counting what comes back within the hour', () => {
    const at = (used: number, returningSoon = 0) => rhythmIntervalMs({ ...AT_1000, used, returningSoon })!;
    assert.strictEqual(at(700), at(0), 'plenty left: the steady pace');
    assert.ok(at(800) > at(700) && at(840) > at(800), `${at(700)} ${at(800)} ${at(840)}`);
    assert.strictEqual(at(849), 3600 * SECOND, 'one left: one read an hour');
    assert.strictEqual(at(840, 200), at(0), 'yesterday\'s requests leaving this hour give room back');
  });

  it('stops steady reads when the share is spent', () => {
    assert.strictEqual(rhythmIntervalMs({ ...AT_1000, used: 850 }), undefined);
    assert.strictEqual(rhythmIntervalMs({ ...AT_1000, used: 990 }), undefined);
  });

  it('reads five times more slowly when focused but idle', () => {
    assert.strictEqual(rhythmIntervalMs({ ...AT_1000, inUse: false }), 5 * rhythmIntervalMs(AT_1000)!);
  });
});
