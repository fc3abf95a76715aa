import * as assert from 'assert';
import { closedEndpointFault, Emulator, rateLimitFault, startEmulator } from '../../../emulator';
import { SpotifyError } from '../../../src/spotify/errors';
import { describeFailure } from '../../../src/present/errorMessages';
import { emulatorClient } from '../../support/emulatorClient';

// A 429 is usually the rate limit, but one on an endpoint that never answered can mean Spotify
// closed it to development-mode apps. The user is told which, and a closed endpoint is not asked again.

const failureOf = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected a refusal'), (e: unknown) => e);
const pastTheWait = () => new Promise((resolve) => setTimeout(resolve, 1_100));

describe('429s: a rate limit, or an endpoint closed to development-mode apps', function () {
  this.timeout(20_000);
  let emu: Emulator;
  beforeEach(async () => (emu = await startEmulator({ autoApprove: true, stateLagMs: 0 })));
  afterEach(() => emu.close());

  const queueRequests = () => emu.requests.filter((r) => r.path === '/v1/me/player/queue').length;

  it('an endpoint refused again after the wait, while others answer, is named closed and not asked again', async () => {
    const { client } = await emulatorClient(emu);
    emu.addFault(closedEndpointFault('GET', '/v1/me/player/queue', 1));

    const first = await failureOf(client.queue());
    assert.ok(first instanceof SpotifyError && first.kind === 'rate_limited', 'one 429 is taken as the rate limit it usually is');
    assert.match(describeFailure(first)!.text, /rate-limiting your app/);

    await pastTheWait();
    await client.playback(); // the rest of the API answers
    const second = await failureOf(client.queue());
    assert.ok(second instanceof SpotifyError && second.kind === 'closed_to_app', String(second));
    const told = describeFailure(second)!;
    assert.match(told.text, /closed it to development-mode apps/);
    assert.doesNotMatch(told.text, /rate-limiting/);

    await pastTheWait();
    const third = await failureOf(client.queue());
    assert.ok(third instanceof SpotifyError && third.kind === 'closed_to_app');
    assert.strictEqual(queueRequests(), 2, 'known closed: not asked again, no budget spent');
  });

  it('an endpoint that has answered before stays a rate limit, however often it is refused', async () => {
    const { client } = await emulatorClient(emu);
    await client.queue();
    for (let i = 0; i < 2; i++) {
      emu.addFault(rateLimitFault({ path: '/v1/me/player/queue' }, 1));
      const refused = await failureOf(client.queue());
      assert.ok(refused instanceof SpotifyError && refused.kind === 'rate_limited', String(refused));
      assert.strictEqual(describeFailure(refused)!.text, 'Spotify is rate-limiting your app and asked Backbeat to wait 1s before the next request.');
      await pastTheWait();
      await client.playback();
    }
  });

  it('an endpoint refused twice with nothing answered in between is a rate limit that goes on, not a closed endpoint', async () => {
    const { client } = await emulatorClient(emu);
    emu.addFault(rateLimitFault({ path: '/v1/*' }, 1, 2));
    assert.strictEqual(((await failureOf(client.queue())) as SpotifyError).kind, 'rate_limited');
    await pastTheWait();
    assert.strictEqual(((await failureOf(client.queue())) as SpotifyError).kind, 'rate_limited');
    await pastTheWait();
    await client.queue();
  });
});
