import * as assert from 'assert';
import { DEFAULT_TIMING } from '../../src/playback/scheduler';
import { Rig } from '../support/hardening/rig';
import { tally } from '../support/hardening/tally';

// The wall clock jumps: set back by hand or by time sync, or moved on by a laptop's sleep. Reads
// must still come when they are due (on focus, after a command, at a track's end, after a wait),
// and a jump forward must not set off a burst of them. The core's real wiring against the emulator;
// Spotify's time (the emulator's) goes on regardless of what this computer's wall clock says.

const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3600_000;
/** A read due now must have come within this (the settle time and a little). */
const ON_TIME_MS = DEFAULT_TIMING.settleMs + SECOND;

describe('hardening: a wall clock that jumps', function () {
  this.timeout(60_000);
  let rig: Rig;

  /** Signed in and listening for a few minutes, the window focused and in use. */
  beforeEach(async () => {
    rig = await Rig.start({ stateLagMs: 0 });
    await rig.signIn();
    await wait(3 * MINUTE);
    assert.strictEqual(rig.state.availability.kind, 'active');
  });

  afterEach(async () => {
    await rig.close();
  });

  const reads = () => rig.reader.started;
  const itemShown = () => rig.state.snapshot?.item?.name;

  const wait = (ms: number) => rig.wait(ms);

  function setBack(): void {
    rig.clock.setWallClockBy(-2 * HOUR);
    tally.clockJumps.tried++;
  }

  /** A read the user relies on after a jump: counted for the summary, then asserted. */
  function readOnTime(cameOnTime: boolean, what: string): void {
    const c = tally.clockJumps;
    c.asked++;
    c.userChecks++;
    if (cameOnTime) c.userKept++;
    else c.refused++;
    assert.ok(cameOnTime, what);
  }

  it('set back 2 h: focusing the window again reads at once', async () => {
    setBack();
    rig.window.set(false, false);
    await wait(5 * MINUTE);
    const before = reads();
    rig.window.set(true, true);
    await wait(ON_TIME_MS);
    readOnTime(reads() === before + 1, `a read on focus (${reads() - before} reads)`);
    assert.strictEqual(itemShown(), rig.emu.snapshot().itemName);
  });

  it('set back 2 h: a command is confirmed by a read a moment later', async () => {
    setBack();
    const before = reads();
    assert.ok(await rig.core.commands.next());
    await wait(ON_TIME_MS);
    readOnTime(reads() > before, 'a read confirms Next');
    assert.strictEqual(itemShown(), rig.emu.snapshot().itemName, 'the status bar shows the track Next went to');
  });

  it("set back 2 h: the next track shows when the last one ends, not 2 h later", async () => {
    setBack();
    const durationMs = rig.emu.snapshot().itemDurationMs!;
    assert.ok(await rig.core.commands.seek('Seek To', () => durationMs - 20 * SECOND));
    await wait(ON_TIME_MS);
    const ending = itemShown();
    await wait(20 * SECOND);
    assert.notStrictEqual(rig.emu.snapshot().itemName, ending, 'Spotify went on to the next track');
    await wait(ON_TIME_MS);
    readOnTime(itemShown() === rig.emu.snapshot().itemName, `the next track is shown (${itemShown()}, Spotify plays ${rig.emu.snapshot().itemName})`);
  });

  it("set back 2 h during a Retry-After wait: reads resume when Spotify's wait is over", async () => {
    rig.emu.addFault({ match: { method: 'GET', path: '/v1/me/player' }, status: 429, headers: { 'Retry-After': '60' } });
    await rig.nextRead();
    assert.strictEqual(rig.state.availability.kind, 'waiting');
    setBack();
    const waited = await rig.nextRead();
    readOnTime(waited <= MINUTE + ON_TIME_MS, `the next read came ${waited / SECOND} s later`);
    assert.strictEqual(rig.state.availability.kind, 'active');
  });

  it("set back 2 h during Spotify's quota penalty: it ends when Spotify said, not 2 h later", async () => {
    rig.emu.addFault({ match: { method: 'GET', path: '/v1/me/player' }, status: 429, headers: { 'Retry-After': String(HOUR / SECOND) } });
    await rig.nextRead();
    assert.ok(rig.core.budget.penalty, 'a Retry-After of an hour is the daily quota');
    setBack();
    await wait(HOUR + ON_TIME_MS);
    readOnTime(rig.state.availability.kind === 'active', `playback shows again an hour later (${JSON.stringify(rig.state.availability)})`);
    assert.ok(await rig.core.commands.next(), 'commands go through again');
  });

  for (const [name, jumpForward] of [
    ['a laptop sleeps 8 h', (r: Rig) => r.clock.jump(8 * HOUR)],
    ['the wall clock is set 8 h forward', (r: Rig) => r.clock.setWallClockBy(8 * HOUR)],
  ] as const) {
    it(`${name}: no burst of reads after it, and the status bar catches up`, async () => {
      // A command's confirming read is due when the jump comes.
      assert.ok(await rig.core.commands.next());
      const start = rig.reader.started;
      const sent = rig.emu.requests.length;
      jumpForward(rig);
      tally.clockJumps.tried++;
      await wait(MINUTE);
      const after = rig.emu.requests.slice(sent).filter((r) => r.path === '/v1/me/player').map((r) => r.time);
      const closest = Math.min(...after.slice(1).map((t, i) => t - after[i]));
      const calm = rig.reader.started - start <= 3 && !(closest < DEFAULT_TIMING.settleMs);
      tally.clockJumps.userChecks++;
      if (calm) tally.clockJumps.userKept++;
      assert.ok(calm, `${rig.reader.started - start} reads in the minute after, ${closest} ms apart at the closest`);
      assert.strictEqual(itemShown(), rig.emu.snapshot().itemName);
      assert.strictEqual(rig.state.availability.kind, 'active');
    });
  }
});
