import * as assert from 'assert';
import { NotOnUserList } from '../../../src/auth/signInErrors';
import { classifyError, namingMissingScope } from '../../../src/spotify/errors';
import { NoActiveDeviceButOne } from '../../../src/playback/commandOutcomes';
import { describeFailure } from '../../../src/present/errorMessages';
import { SpotifyError } from '../../../src/spotify/errors';
import { Emulator, startEmulator } from '../../../emulator';
import { emulatorClient } from '../../support/emulatorClient';

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

  it('a user missing from the allow-list: what to do in the dashboard, with the dashboard and the Client ID one click away', () => {
    for (const refusal of [new NotOnUserList('b4c6b1e2d3f405162738495a6b7c8d9e'), classifyError(403, 'The user is not registered for this application')]) {
      const message = describeFailure(refusal)!;
      assert.match(message.text, /add the account\u2019s e-mail under User Management/);
      assert.deepStrictEqual(message.actions.map((a) => [a.title, a.command]), [
        ['Open Developer Dashboard', 'backbeat.openDeveloperDashboard'],
        ['Copy Client ID', 'backbeat.copyClientId'],
      ]);
      assert.ok(!/device/i.test(message.text), 'not a device problem');
    }
    assert.match(describeFailure(new NotOnUserList('b4c6b1e2d3f405162738495a6b7c8d9e'))!.text, /the app with Client ID b4c6b1e2d3f405162738495a6b7c8d9e/);
  });
});

describe('a like refused for a missing scope names the scope', function () {
  this.timeout(20_000);
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ autoApprove: true, stateLagMs: 0 });
  });
  after(() => emu.close());

  it('names user-library-modify; Sign In Again only when the sign-in lacks it, since it would ask for the same scopes', async () => {
    // A sign-in with one of the alternatives Spotify lists for /me/library, but not the one a track needs.
    const granted = ['user-read-playback-state', 'user-follow-modify'];
    const { client } = await emulatorClient(emu, granted);
    const uri = (await client.playback())!.item!.uri!;
    const error = await client.save([uri]).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof SpotifyError && error.kind === 'missing_scope', String(error));

    const lacking = describeFailure(namingMissingScope(error, 'user-library-modify', 'Like', granted))!;
    assert.match(lacking.text, /^Like needs the Spotify permission user-library-modify/);
    assert.deepStrictEqual(lacking.actions.map((a) => a.title), ['Sign In Again']);

    const already = describeFailure(namingMissingScope(error, 'user-library-modify', 'Like', [...granted, 'user-library-modify']))!;
    assert.match(already.text, /user-library-modify/);
    assert.ok(!already.actions.some((a) => a.command === 'backbeat.signIn'), `no sign-in that asks the same again: ${JSON.stringify(already.actions)}`);
  });
});
