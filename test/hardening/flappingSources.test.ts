import * as assert from 'assert';
import { CHECK_GAP_MS } from '../../src/playback/backgroundCheck';
import type { RequestKind } from '../../src/spotify/requestKinds';
import { Catalogue } from '../../emulator/world/catalogue';
import { Rig } from '../support/hardening/rig';
import { tally } from '../support/hardening/tally';

// Sources that flap: a desktop app that comes and goes every few seconds (a crash loop, or any
// process that takes and drops its name on the bus or blanks its metadata), and one that changes
// track every few seconds. Each appearance and each track would ask the Web API something (where
// it plays, whether it is liked); the day's requests, above all the reserve kept for the user's
// commands, must survive it, with the default budget and with none. The core's real wiring
// against the emulator and its desktop app, on a simulated clock.

const SECOND = 1_000;
const MINUTE = 60_000;
/** The desktop app appears this often, and is gone for half of it. */
const FLAP_MS = 5_500;
const FLAPPING_FOR_MS = 95 * MINUTE;

describe('hardening: sources that flap', function () {
  this.timeout(120_000);
  let rig: Rig;

  afterEach(async () => {
    await rig?.close();
  });

  const wait = (ms: number) => rig.wait(ms);

  const spent = (...kinds: RequestKind[]) => rig.core.ledger.recent().filter((e) => kinds.includes(e.kind)).length;

  /** What the user still has after it: the reserve (with a budget), and their Next through the Web API. */
  async function userStillHas(): Promise<void> {
    const c = tally.flappingSources;
    const { limit, used, reserve } = rig.core.budget;
    if (limit > 0) {
      c.userChecks++;
      if (limit - used >= reserve) c.userKept++;
      assert.ok(limit - used >= reserve, `the reserve is whole: ${used} of ${limit} spent, ${reserve} kept for commands`);
    }
    rig.emu.configure({ desktopRunning: false });
    await wait(SECOND);
    const before = rig.emu.requests.length;
    const went = await rig.core.commands.next();
    const served = rig.emu.requests.slice(before).some((r) => r.path === '/v1/me/player/next' && r.status < 300);
    c.userChecks++;
    if (went && served) c.userKept++;
    assert.ok(went && served, `the user's Next went through the Web API: ${JSON.stringify(rig.notices.shown.map((n) => n.cause))}`);
  }

  for (const budget of [1000, 0]) {
    const named = budget ? `a budget of ${budget}` : 'no budget';

    it(`a desktop app that comes and goes every 5.5 s for 95 minutes (${named}): one check per track, only while focused, the reserve and Next intact`, async () => {
      rig = await Rig.start({ stateLagMs: 0 }, { localPlayer: true, dailyRequestBudget: budget });
      await rig.signIn();
      await wait(SECOND);
      const checksAtStart = spent('onDemand', 'localCheck');
      let appearances = 0;
      /** The tracks the app showed when it appeared (Spotify plays on: tracks end). */
      const tracks = new Set<string>();
      const appear = (newTrack: boolean) => {
        if (newTrack) rig.emu.phone({ type: 'next' });
        rig.emu.configure({ desktopRunning: true });
        appearances++;
      };
      const flap = async (focused: boolean, forMs: number, newTrackEachTime: boolean) => {
        rig.window.set(focused, focused);
        for (let t = 0; t < forMs; t += FLAP_MS) {
          rig.emu.configure({ desktopRunning: false });
          await wait(FLAP_MS / 2);
          appear(newTrackEachTime);
          if (focused) tracks.add(rig.local!.state?.track?.uri ?? '');
          await wait(FLAP_MS / 2);
        }
      };
      await flap(true, FLAPPING_FOR_MS, false);
      const checks = spent('onDemand', 'localCheck') - checksAtStart;
      assert.ok(checks <= tracks.size, `${checks} reads checked where it plays in ${appearances} appearances of ${tracks.size} tracks`);

      // In the background, even a new track each time asks nothing; back in front, one check.
      await flap(false, 10 * MINUTE, true);
      const inBackground = spent('onDemand', 'localCheck') - checksAtStart - checks;
      assert.strictEqual(inBackground, 0, 'nothing is checked while the window is in the background');
      rig.window.set(true, true);
      await wait(SECOND);
      const sent = spent('onDemand', 'localCheck') - checksAtStart;
      assert.strictEqual(sent, checks + 1, 'focused again, the track the app shows is checked once');

      if (budget) assert.ok(rig.core.budget.used <= budget / 4, `${rig.core.budget.used} of ${budget} spent: about what 105 minutes of reads cost`);

      const c = tally.flappingSources;
      c.tried++;
      c.asked += appearances;
      c.refused += appearances - sent;
      await userStillHas();
    });

    it(`a player that changes track every 5.5 s for 95 minutes (${named}): the like status asks at most once a minute`, async () => {
      rig = await Rig.start({ stateLagMs: 0 }, { localPlayer: true, likeShown: true, dailyRequestBudget: budget });
      await rig.signIn();
      await wait(SECOND);
      const asksAtStart = spent('likeStatus');
      const start = rig.clock.now();
      const tracks = new Set<string>();
      const catalogue = [...new Catalogue().tracks.keys()];
      let changes = 0;
      for (let t = 0; t < FLAPPING_FOR_MS; t += FLAP_MS) {
        rig.emu.desktop({ type: 'play', uri: catalogue[changes % catalogue.length] });
        changes++;
        tracks.add(rig.state.snapshot?.item?.uri ?? '');
        await wait(FLAP_MS);
      }
      const asks = spent('likeStatus') - asksAtStart;
      const minutes = Math.ceil((rig.clock.now() - start) / CHECK_GAP_MS);
      assert.strictEqual(tracks.size, catalogue.length, 'each change showed another track');
      assert.ok(asks <= minutes + 1, `${asks} like checks for ${changes} track changes in ${minutes} minutes`);

      const c = tally.flappingSources;
      c.tried++;
      c.asked += changes;
      c.refused += changes - asks;
      await userStillHas();
    });
  }
});
