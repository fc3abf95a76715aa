import * as assert from 'assert';
import { COMMAND_LAG_MS } from '../../../src/playback/playbackState';
import { DEFAULT_TIMING } from '../../../src/playback/scheduler';
import { Rig } from '../../support/hardening/rig';

// Spotify's reads lag commands (up to 1.5 s in the emulator, as real accounts see): the confirming
// read after a Pause may still say "playing". The status bar keeps the command's effect through
// that, reads once more when Spotify must have caught up, and then believes what it is told.

describe('reads that lag a command', function () {
  this.timeout(20_000);
  let rig: Rig;

  beforeEach(async () => {
    rig = await Rig.start({ stateLagMs: 1500 });
    await rig.signIn();
    await rig.nextRead();
    assert.strictEqual(rig.state.snapshot?.isPlaying, true);
  });
  afterEach(() => rig.close());

  /** The Pause command, as the editor runs it: shown at once, sent, then confirmed by a read. */
  async function pause(): Promise<number> {
    const sentAt = rig.clock.now();
    assert.ok(await rig.pump(rig.core.commands.pause()));
    assert.strictEqual(rig.state.snapshot?.isPlaying, false, 'shown paused at once');
    return sentAt;
  }

  it('a Pause does not flip back to playing when the confirming read still shows the old state', async () => {
    const sentAt = await pause();
    await rig.nextRead();
    assert.ok(rig.clock.now() - sentAt <= DEFAULT_TIMING.settleMs + 100, 'the confirming read came early, inside the lag');
    assert.strictEqual(rig.emu.requests.at(-1)?.path, '/v1/me/player');
    assert.strictEqual(rig.state.snapshot?.isPlaying, false, 'still shown paused though Spotify said playing');

    const readsBefore = rig.reader.started;
    await rig.nextRead();
    assert.strictEqual(rig.reader.started, readsBefore + 1);
    assert.strictEqual(rig.clock.now() - sentAt, COMMAND_LAG_MS, 'read once more when Spotify must have caught up');
    assert.strictEqual(rig.state.snapshot?.isPlaying, false);
    assert.strictEqual(rig.emu.snapshot().isPlaying, false);
    const waited = await rig.nextRead();
    assert.ok(waited >= DEFAULT_TIMING.pollIntervalMs - COMMAND_LAG_MS, `then the usual rhythm, no burst (${waited} ms)`);
  });

  it('after the lag window the truth wins: a resume on the phone shows once Spotify reports it', async () => {
    await pause();
    rig.emu.phone({ type: 'play' });
    await rig.nextRead();
    assert.strictEqual(rig.state.snapshot?.isPlaying, false, 'inside the window a "playing" read looks like lag');
    await rig.nextRead();
    assert.strictEqual(rig.state.snapshot?.isPlaying, true, 'the read once more shows what really happened');
  });
});
