import * as assert from 'assert';
import { CHECK_GAP_MS } from '../../../src/playback/backgroundCheck';
import { PlaybackState } from '../../../src/playback/playbackState';
import type { SpotifyClient } from '../../../src/spotify/client';
import { LikeStatus } from '../../../src/playback/likeStatus';
import { Emulator, startEmulator } from '../../../emulator';
import { Catalogue } from '../../../emulator/world/catalogue';
import { RecordingLog } from '../../../sim/recordingLog';
import { FakeClock, settle } from '../../../sim/fakeClock';
import { emulatorClient } from '../../support/emulatorClient';
import { SimulatedWindowActivity } from '../../../sim/simulatedWindowActivity';

/** The like flag costs one `GET /me/library/contains` per item, at most once a minute, and only while it is shown. */
describe('like status', function () {
  this.timeout(20_000);
  let emu: Emulator;
  let client: SpotifyClient;
  let state: PlaybackState;
  let clock: FakeClock;
  let window: SimulatedWindowActivity;

  before(async () => {
    // Each read right after a play must show the new item: no simulated lag.
    emu = await startEmulator({ autoApprove: true, stateLagMs: 0 });
    ({ client } = await emulatorClient(emu));
  });
  after(() => emu.close());

  beforeEach(() => {
    emu.reset();
    clock = new FakeClock();
    state = new PlaybackState(clock);
    window = new SimulatedWindowActivity();
    window.set(true, true);
  });

  const likeStatus = (shown: boolean, log = new RecordingLog()) => new LikeStatus({ library: client, state, shown: () => shown, log, clock, window });

  const containsRequests = () => emu.requests.filter((r) => r.path === '/v1/me/library/contains').length;

  async function play(name: string): Promise<void> {
    const [track] = (await client.search(name, ['track'])).byKind.track!.items;
    await client.play({ uris: [track.uri] });
    state.observe(await client.playback());
  }

  it('asks once per item while shown, and reads the answer', async () => {
    const likes = likeStatus(true);
    emu.requests.length = 0;
    await play('Glory Box'); // liked in the emulator's library
    await settle();
    assert.strictEqual(likes.current?.liked, true);
    state.observe(await client.playback()); // a later read of the same item
    state.observe(await client.playback());
    await settle();
    assert.strictEqual(containsRequests(), 1);
    await play('Roads');
    await settle();
    assert.strictEqual(containsRequests(), 1, 'the next item waits for the minute to pass');
    await clock.advance(CHECK_GAP_MS);
    assert.strictEqual(likes.current?.liked, false);
    assert.strictEqual(containsRequests(), 2);
    likes.dispose();
  });

  it('asks nothing while not shown, until the user needs the answer', async () => {
    const likes = likeStatus(false);
    emu.requests.length = 0;
    await play('Angel');
    await settle();
    assert.strictEqual(containsRequests(), 0);
    assert.strictEqual(likes.current?.liked, undefined);
    const [first, second] = await Promise.all([likes.likedNow(), likes.likedNow()]);
    assert.strictEqual(first, true);
    assert.strictEqual(second, true);
    assert.strictEqual(containsRequests(), 1, 'two callers, one question');
    likes.dispose();
  });

  it('shows a guess at once and undoes it', async () => {
    const likes = likeStatus(true);
    await play('Roads');
    await settle();
    const undo = likes.assume(true);
    assert.strictEqual(likes.current?.liked, true);
    undo();
    assert.strictEqual(likes.current?.liked, false);
    likes.dispose();
  });

  it('a local file is never asked about or offered for liking: it has no place in the library', async () => {
    const log = new RecordingLog();
    const likes = likeStatus(true, log);
    emu.requests.length = 0;
    emu.phone({ type: 'play', uri: new Catalogue().localFile.uri });
    state.observe(await client.playback());
    await settle();
    assert.strictEqual(state.snapshot?.item?.isLocal, true);
    assert.strictEqual(state.snapshot?.item?.name, 'Teardrop (Rough Mix)');
    assert.strictEqual(containsRequests(), 0);
    assert.strictEqual(likes.current, undefined, 'nothing to show a Like for');
    assert.strictEqual(await likes.likedNow(), undefined);
    assert.deepStrictEqual(log.lines, []);
    likes.dispose();
  });

  it('a failed check leaves the flag unknown and is logged, not thrown', async () => {
    const log = new RecordingLog();
    const likes = likeStatus(true, log);
    emu.addFault({ match: { path: '/v1/me/library/contains' }, status: 500, body: { error: { status: 500, message: 'Server error' } } });
    await play('Roads');
    await settle();
    assert.strictEqual(likes.current?.liked, undefined);
    assert.ok(log.lines.some((l) => l.includes('liked')), log.lines.join('\n'));
    likes.dispose();
  });
});
