import * as assert from 'assert';
import { classifyError } from '../../../src/spotify/errors';
import { describeFailure, NoActiveDeviceButOne } from '../../../src/ui/errorMessages';

/** Spotify's real error bodies (see the platform notes), as the HTTP layer classifies them. */
const refusal = (status: number, message: string, reason?: string, retryAfter?: number) =>
  classifyError(status, JSON.stringify({ error: { status, message, ...(reason ? { reason } : {}) } }), retryAfter);

describe('what the user is told when Spotify says no', () => {
  const cases = [
    { error: refusal(404, 'Player command failed: No active device found', 'NO_ACTIVE_DEVICE'), text: /No active Spotify device/, action: 'Select Device' },
    { error: refusal(403, 'Player command failed: Premium required', 'PREMIUM_REQUIRED'), text: /Premium/, action: undefined },
    { error: refusal(403, 'Player command failed: Cannot control device volume', 'VOLUME_CONTROL_DISALLOW'), text: /volume/, action: 'Select Device' },
    { error: refusal(403, 'Player command failed: Restriction violated', 'UNKNOWN'), text: /does not allow that/, action: 'Select Device' },
    { error: refusal(404, 'Device not found'), text: /no longer available/, action: 'Select Device' },
    { error: refusal(429, 'API rate limit exceeded', undefined, 3600), text: /wait 1h/, action: undefined },
    { error: refusal(403, 'Insufficient client scope'), text: /permissions/, action: 'Sign In Again' },
  ];

  for (const { error, text, action } of cases) {
    it(`${error.kind}: one line, the right action, no raw body`, () => {
      const message = describeFailure(error)!;
      assert.match(message.text, text);
      assert.ok(!message.text.includes('\n'), 'one line');
      assert.ok(!/[{}]|"error"/.test(message.text), 'no JSON');
      assert.strictEqual(message.actions[0]?.title, action);
    });
  }

  it('missing scope: "Sign In Again" asks for consent again even though signed in', () => {
    const action = describeFailure(refusal(403, 'Insufficient client scope'))!.actions[0];
    assert.strictEqual(action.command, 'backbeat.signIn');
    assert.deepStrictEqual(action.args, [{ reconsent: true }]);
  });

  it('no active device but exactly one available: offers to play there, same cause as any no-device refusal', () => {
    const device = { id: 'abc', name: 'Pixel Phone', type: 'Smartphone', isActive: false, isRestricted: false, supportsVolume: false, volumePercent: 100 };
    const message = describeFailure(new NoActiveDeviceButOne(device))!;
    assert.strictEqual(message.text, 'No active Spotify device. Play on Pixel Phone?');
    assert.deepStrictEqual(message.actions.map((a) => a.title), ['Play on Pixel Phone', 'Select Device']);
    assert.strictEqual(message.actions[0].command, 'backbeat.selectDevice');
    assert.deepStrictEqual(message.actions[0].args, [device]);
    const plain = describeFailure(refusal(404, 'Player command failed: No active device found', 'NO_ACTIVE_DEVICE'))!;
    assert.strictEqual(message.cause, plain.cause, 'a storm of both kinds still shows one notification');
  });
});
