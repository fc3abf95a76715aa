import * as assert from 'assert';
import { disallowed } from '../../../src/playback/disallowed';
import { PlaybackState } from '../../../src/playback/playbackState';
import type { SpotifyClient } from '../../../src/spotify/client';
import type { PlaybackSnapshot } from '../../../src/spotify/types';
import { describeFailure } from '../../../src/present/errorMessages';
import { Emulator, startEmulator } from '../../../emulator';
import { Catalogue } from '../../../emulator/world/catalogue';
import { emulatorClient } from '../../support/emulatorClient';
import { FakeClock } from '../../../sim/fakeClock';

// `actions.disallows` as Spotify (the emulator) reports it decides what Backbeat sends: a disallowed
// command would only earn 403 "Restriction violated", which reads like a device problem.

describe('commands Spotify disallows right now', function () {
  this.timeout(20_000);
  let emu: Emulator;
  let client: SpotifyClient;

  before(async () => {
    emu = await startEmulator({ autoApprove: true, stateLagMs: 0 });
    ({ client } = await emulatorClient(emu));
  });
  beforeEach(() => emu.reset());
  after(() => emu.close());

  const read = async (): Promise<PlaybackSnapshot> => (await client.playback())!;

  it('knows what Spotify refuses before sending it, and says why in one info line without a device hint', async () => {
    emu.phone({ type: 'ad' });
    const ad = await read();
    for (const action of ['seeking', 'skipping_next', 'skipping_prev'] as const) {
      const refusal = disallowed(ad, action)!;
      assert.ok(refusal, action);
      await assert.rejects(action === 'seeking' ? client.seek(0) : action === 'skipping_next' ? client.next() : client.previous(),
        /Restriction violated/, 'Spotify would refuse it indeed');
      const message = describeFailure(refusal)!;
      assert.match(message.text, /during an ad\.$/);
      assert.deepStrictEqual([message.severity, message.actions], ['info', []]);
    }
    assert.strictEqual(disallowed(ad, 'pausing'), undefined, 'an ad can be paused');

    emu.phone({ type: 'play', uri: new Catalogue().episode.uri });
    const episode = await read();
    assert.strictEqual(disallowed(episode, 'toggling_shuffle')?.message, 'Spotify does not allow changing shuffle for what is playing now.');
    assert.strictEqual(disallowed(episode, 'seeking'), undefined);
    assert.strictEqual(disallowed(episode, 'resuming')?.message, 'Spotify is already playing.');
  });

  it('a play or pause shown at once moves "already playing/paused" with it, so the next press is not refused', async () => {
    const state = new PlaybackState(new FakeClock());
    state.observe(await read());
    assert.ok(disallowed(state.snapshot, 'resuming'));
    state.applyOptimistic((s) => ({ ...s, isPlaying: false }));
    assert.strictEqual(disallowed(state.snapshot, 'resuming'), undefined);
    assert.strictEqual(disallowed(state.snapshot, 'pausing')?.message, 'Spotify is already paused.');
  });
});
