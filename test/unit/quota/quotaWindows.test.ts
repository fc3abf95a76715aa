import * as assert from 'assert';
import { InFlightRequests } from '../../../sim/inFlightRequests';
import { simulatedMachine } from '../../support/simulatedMachine';

// The daily quota through the real wiring: cores (src/core.ts) of several windows sharing one
// session and one ledger, against the emulator's quota, on a virtual clock that waits for HTTP.

const MINUTE = 60_000;

describe("Spotify's daily quota across windows (core + emulator)", function () {
  this.timeout(30_000);
  let inFlight: InFlightRequests;
  before(() => (inFlight = new InFlightRequests()));
  after(() => inFlight.dispose());

  it('QUOTA_EXCEEDED stops every window, still stops them after a restart, and ends at the stated time', async () => {
    const m = await simulatedMachine(inFlight, { emulator: { dailyQuota: 6 } });
    try {
      const a = await m.open();
      const b = await m.open();
      a.activity.set(true, true);
      await m.clock.runUntil(m.clock.now() + 10 * MINUTE);
      const refused = m.apiRequests().find((r) => r.status === 429);
      assert.ok(refused, 'the focused window ran into the quota');
      const penalty = a.core.budget.penalty!;
      assert.strictEqual(penalty.until, refused.time + 50_000_000);
      assert.deepStrictEqual(a.core.state.availability, { kind: 'waiting', until: penalty.until, quota: true });
      assert.deepStrictEqual(a.notices.shown.map((n) => n.cause), ['quota_exceeded'], 'told once');
      assert.match(a.notices.shown[0].text, /daily request quota.*QUOTA_EXCEEDED/);
      assert.deepStrictEqual(a.notices.shown[0].actions[0], { title: 'Learn More', command: 'vscode.open', args: ['https://github.com/backbeat/spotify#spotifys-daily-quota'] });

      // The other window is focused: it looks at the ledger before reading, and sends nothing.
      a.activity.set(false, false);
      b.activity.set(true, true);
      await m.clock.runUntil(m.clock.now() + 10 * MINUTE);
      assert.strictEqual(await b.core.commands.next(), false, 'a command is refused without asking Spotify');
      assert.deepStrictEqual(b.core.state.availability, { kind: 'waiting', until: penalty.until, quota: true });

      // VS Code restarts: the new window reads the penalty back and does not knock.
      await a.close();
      await b.close();
      const restarted = await m.open();
      restarted.activity.set(true, true);
      await m.clock.runUntil(m.clock.now() + 60 * MINUTE);
      assert.deepStrictEqual(restarted.core.state.availability, { kind: 'waiting', until: penalty.until, quota: true });
      assert.deepStrictEqual(
        m.apiRequests().filter((r) => r.time > refused.time),
        [],
        'no window sent anything during the penalty',
      );

      await m.clock.runUntil(penalty.until + MINUTE);
      assert.strictEqual(restarted.core.state.availability.kind, 'active', 'playback shows again once the wait is over');
      const after = m.apiRequests().filter((r) => r.time > refused.time);
      assert.ok(after.length > 0 && after.every((r) => r.status === 200 && r.time >= penalty.until), JSON.stringify(after));
    } finally {
      await m.close();
    }
  });

  it("keeps the reserve for commands once the reads' share is spent, and says so when it is gone", async () => {
    const m = await simulatedMachine(inFlight);
    try {
      const w = await m.open(100);
      w.activity.set(true, true);
      await m.clock.runUntil(m.clock.now() + 12 * 60 * MINUTE);
      const reads = m.apiRequests().length;
      assert.strictEqual(reads, w.core.budget.share, 'the steady reads spent their share, no more');
      assert.ok(w.core.budget.status().readsPausedUntil > m.clock.now());
      for (let i = 0; i < w.core.budget.reserve; i++) assert.strictEqual(await w.core.commands.next(), true, `command ${i + 1} on the reserve`);
      await m.clock.runUntil(m.clock.now() + 10 * MINUTE);
      assert.strictEqual(m.apiRequests().length, 100, 'no confirming reads on the reserve');
      assert.strictEqual(await w.core.commands.next(), false);
      assert.strictEqual(m.apiRequests().length, 100, 'the refused command sent nothing');
      assert.deepStrictEqual(w.notices.shown.map((n) => n.cause), ['budget_spent']);
      assert.match(w.notices.shown[0].text, /daily budget of 100 Spotify requests is spent until (\w{3} )?\d\d:\d\d/);
    } finally {
      await m.close();
    }
  });
});
