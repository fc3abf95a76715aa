import * as assert from 'assert';
import { COMMAND_LAG_MS } from '../../../src/playback/playbackState';
import { DEFAULT_TIMING } from '../../../src/playback/scheduler';
import { Rig } from '../../support/hardening/rig';

// Spotify's reads lag commands (0.2-3 s on real accounts, 3.5 s allowed for): the confirming
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
  async function pause(): Promise<{ sentAt: number; answeredAt: number }> {
    const sentAt = rig.clock.now();
    assert.ok(await rig.pump(rig.core.commands.pause()));
    assert.strictEqual(rig.state.snapshot?.isPlaying, false, 'shown paused at once');
    return { sentAt, answeredAt: rig.clock.now() };
  }

  it('a Pause does not flip back to playing when the confirming read still shows the old state', async () => {
    const { sentAt, answeredAt } = await pause();
    await rig.nextRead();
    assert.ok(rig.clock.now() - sentAt <= DEFAULT_TIMING.settleMs + 100, 'the confirming read came early, inside the lag');
    assert.strictEqual(rig.emu.requests.at(-1)?.path, '/v1/me/player');
    assert.strictEqual(rig.state.snapshot?.isPlaying, false, 'still shown paused though Spotify said playing');

    const readsBefore = rig.reader.started;
    await rig.nextRead();
    assert.strictEqual(rig.reader.started, readsBefore + 1);
    const recheck = rig.clock.now();
    assert.ok(recheck >= sentAt + COMMAND_LAG_MS && recheck <= answeredAt + COMMAND_LAG_MS, 'read once more when Spotify must have caught up');
    assert.strictEqual(rig.state.snapshot?.isPlaying, false);
    assert.strictEqual(rig.emu.snapshot().isPlaying, false);
    const waited = await rig.nextRead();
    assert.ok(waited >= Math.min(DEFAULT_TIMING.pollIntervalMs, DEFAULT_TIMING.pollIntervalMs - COMMAND_LAG_MS), `then the usual rhythm, no burst (${waited} ms)`);
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

describe('reads that lag a command by as long as real accounts see, and a little more', function () {
  this.timeout(20_000);

  for (const lagMs of [3_000, 3_300, 3_500]) {
    it(`${lagMs / 1000} s: a Pause stays shown paused until Spotify reports it, never flipping back to playing`, async () => {
      const rig = await Rig.start({ stateLagMs: lagMs });
      try {
        await rig.signIn();
        await rig.nextRead();
        assert.strictEqual(rig.state.snapshot?.isPlaying, true);
        const shownPlaying: number[] = [];
        const watch = rig.state.onDidChange(() => {
          if (rig.state.snapshot?.isPlaying) shownPlaying.push(rig.clock.now());
        });
        const pausedAt = rig.clock.now();
        assert.ok(await rig.pump(rig.core.commands.pause()));
        // Every read for a while: the confirming one, the one once Spotify must have caught up, the steady rhythm.
        let reads = 0;
        while (rig.clock.now() < pausedAt + 10_000) {
          await rig.nextRead();
          reads++;
        }
        watch.dispose();
        assert.ok(reads >= 3, `${reads} reads`);
        assert.deepStrictEqual(shownPlaying, [], 'the status bar never showed "playing" after the Pause');
        assert.strictEqual(rig.state.snapshot?.isPlaying, false);
      } finally {
        await rig.close();
      }
    });
  }
});

describe('Next and Previous, whose effect Backbeat cannot guess, when reads lag', function () {
  this.timeout(20_000);
  let rig: Rig;

  beforeEach(async () => {
    rig = await Rig.start({ stateLagMs: 3_000 });
    await rig.signIn();
    await rig.nextRead();
  });
  afterEach(() => rig.close());

  it('Next: a confirming read still showing the old track is taken as lag, and the new track shows once Spotify has caught up', async () => {
    const before = rig.state.snapshot?.item?.name;
    assert.ok(await rig.pump(rig.core.commands.next()));
    const answeredAt = rig.clock.now();
    const after = rig.emu.snapshot().itemName;
    assert.notStrictEqual(after, before);
    await rig.nextRead(); // the confirming read, inside the lag: still the old track
    assert.strictEqual(rig.state.snapshot?.item?.name, before);
    await rig.nextRead();
    assert.ok(rig.clock.now() <= answeredAt + COMMAND_LAG_MS, 'read again as soon as Spotify must have caught up, not at the steady rhythm');
    assert.strictEqual(rig.state.snapshot?.item?.name, after);
  });

  it('Previous that restarts the track: the position back at the start is no lag, it shows at the confirming read', async () => {
    rig.emu.configure({ stateLagMs: 200 }); // Spotify keeps up by the confirming read
    assert.ok(await rig.pump(rig.core.commands.seek('Seek To', () => 60_000)));
    await rig.nextRead();
    const item = rig.state.snapshot?.item?.name;
    assert.ok(rig.state.progressMs() >= 60_000);
    assert.ok(await rig.pump(rig.core.commands.previous()));
    const answeredAt = rig.clock.now();
    await rig.nextRead();
    assert.ok(rig.clock.now() < answeredAt + COMMAND_LAG_MS, 'the confirming read');
    assert.strictEqual(rig.state.snapshot?.item?.name, item);
    assert.ok(rig.state.progressMs() < 5_000, `back at the start: ${rig.state.progressMs()} ms`);
  });
});
