import * as assert from 'assert';
import { Rig } from '../../support/hardening/rig';

// A device that is waking up answers commands 202 and does nothing. Spotify's advice (spotify/web-api
// #784): retry after about 5 s, at most 5 times. Past that the command did not happen, and the user
// is told the device is still waking up instead of seeing it as done.

describe('a device waking up (202)', function () {
  this.timeout(30_000);
  let rig: Rig;

  beforeEach(async () => {
    rig = await Rig.start({ stateLagMs: 0 });
    await rig.signIn();
    await rig.nextRead();
  });
  afterEach(() => rig.close());

  const pauseTries = () => rig.emu.requests.filter((r) => r.path === '/v1/me/player/pause');

  it('is retried every 5 s, up to 5 times, and the command goes through once it is awake', async () => {
    rig.emu.configure({ deviceWakingCommands: 5 });
    assert.strictEqual(await rig.command('Pause', (client) => client.pause()), true);
    const tries = pauseTries();
    assert.deepStrictEqual(tries.map((r) => r.status), [202, 202, 202, 202, 202, 204]);
    const gaps = tries.slice(1).map((r, i) => r.time - tries[i].time);
    assert.ok(gaps.every((gap) => gap >= 5_000 && gap < 5_200), `about 5 s apart: ${gaps.join(', ')}`);
    assert.strictEqual(rig.emu.snapshot().isPlaying, false);
    assert.deepStrictEqual(rig.notices.shown, []);
  });

  it('still waking after 5 retries: not reported as done; one message says the device is waking up', async () => {
    rig.emu.configure({ deviceWakingCommands: 100 });
    assert.strictEqual(await rig.command('Pause', (client) => client.pause()), false);
    assert.strictEqual(pauseTries().length, 6);
    assert.strictEqual(rig.emu.snapshot().isPlaying, true);
    assert.deepStrictEqual(rig.notices.shown.map((m) => m.cause), ['device_waking']);
    assert.match(rig.notices.shown[0].text, /still waking up/);
  });
});
