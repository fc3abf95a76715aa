import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import type { Fault } from '../../emulator';
import { scanInto } from '../support/hardening/leakScan';
import { Rig } from '../support/hardening/rig';
import { tally } from '../support/hardening/tally';

// Eight simulated hours of an editor left open: random (seeded) faults, the laptop sleeping and
// waking, the window losing and regaining focus, signing out and in. Nothing may pile up (timers,
// listeners, heap), every recovery must take one read, and deactivation must leave nothing running.

const HOUR = 3600_000;
const SOAK_HOURS = 8;
const SEED = Number(process.env.BACKBEAT_SOAK_SEED ?? 20260601);
/** Retained heap may wobble by this much between hour 1 and hour 8 (GC timing, JIT); a leak grows past it. */
const HEAP_TOLERANCE_BYTES = 4 * 1024 * 1024;

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAULTS: Fault[] = [
  { match: { path: '/v1/*' }, times: Infinity, status: 503, body: { error: { status: 503, message: 'Service unavailable' } } },
  { match: { path: '/v1/*' }, times: Infinity, hang: true },
  { match: { method: 'GET', path: '/v1/me/player' }, status: 429, headers: { 'Retry-After': '90' } },
  { match: { method: 'GET', path: '/v1/me/player' }, times: 3, status: 200, body: '{"broken":' },
  { match: { method: 'POST', path: '/api/token' }, times: Infinity, status: 500, body: 'oops' },
];

function gc(): () => void {
  v8.setFlagsFromString('--expose_gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Listeners on every event source the parts hold (private fields, read for counting only). */
function listenerCounts(rig: Rig): Record<string, number> {
  const count = (owner: object, field: string) => (owner as unknown as Record<string, { listenerCount: number }>)[field].listenerCount;
  return {
    window: rig.window.listenerCount,
    playbackState: count(rig.state, 'changed'),
    retryAfterGate: count(rig.gate, 'changed'),
    sessionKeeper: count(rig.keeper, 'changes'),
    sessionStore: count(rig.core.store, 'changed'),
  };
}

describe('hardening: eight hours on a virtual clock', function () {
  this.timeout(300_000);

  it('survives random faults, sleep, focus changes and re-sign-ins with nothing left behind', async () => {
    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const collectGarbage = gc();
    const rig = await Rig.start();
    const start = rig.clock.now();
    const end = start + SOAK_HOURS * HOUR;
    let heapAtHour1: number | undefined;
    let listenersAtHour1: Record<string, number> | undefined;
    let maxTimers = 0;
    let recoveries = 0;
    let faultOn = false;
    const context = () => `seed ${SEED}, hour ${((rig.clock.now() - start) / HOUR).toFixed(2)}`;

    /** Runs simulated time for `ms`, timer by timer, letting each read finish. */
    const live = async (ms: number) => {
      const until = rig.clock.now() + ms;
      for (;;) {
        while (rig.reader.inFlight) await rig.pump(rig.reader.inFlight);
        maxTimers = Math.max(maxTimers, rig.clock.pendingTimers);
        const at = rig.clock.nextTimerAt();
        if (at === undefined || at > until) break;
        await rig.clock.advance(Math.max(0, at - rig.clock.now()));
      }
      await rig.clock.advance(Math.max(0, until - rig.clock.now()));
    };

    /** Where nothing is wrong any more, the first read must show playback. */
    const checkRecovers = async () => {
      if (faultOn || !rig.keeper.current || !rig.window.focused) return;
      await rig.nextRead();
      assert.ok(['active', 'nothingActive'].includes(rig.state.availability.kind), `healthy after one read (${context()}): ${JSON.stringify(rig.state.availability)}`);
      recoveries++;
    };

    /** Log lines are scanned, then dropped, so the heap measures the extension, not the test's record. */
    const scanAndForget = () => {
      assert.deepStrictEqual(scanInto(tally, rig.emu.issuedSecrets(), rig.outputs()), [], context());
      rig.log.lines.length = 0;
      rig.thrown.length = 0;
      rig.emu.requests.length = 0;
    };

    await rig.signIn();
    let nextHour = start + HOUR;
    while (rig.clock.now() < end) {
      const roll = random();
      if (roll < 0.3) {
        if (faultOn) {
          rig.emu.clearFaults();
          await rig.emu.goOnline();
          faultOn = false;
          await checkRecovers();
        } else if (random() < 0.2) {
          await rig.emu.goOffline();
          faultOn = true;
          tally.faultsTried++;
        } else {
          rig.emu.addFault(pick(FAULTS));
          faultOn = true;
          tally.faultsTried++;
        }
      } else if (roll < 0.4) {
        rig.emu.expireAccessTokens(); // a 401 in the middle of use
        tally.faultsTried++;
      } else if (roll < 0.48) {
        rig.clock.jump(Math.round((5 + random() * 55) * 60_000)); // the laptop slept 5 min to an hour
        rig.window.set(true, true); // and the user is back
        await checkRecovers();
      } else if (roll < 0.8) {
        rig.window.set(random() < 0.6, random() < 0.5);
      } else if (rig.keeper.current) {
        await rig.keeper.signOut();
        assert.strictEqual(rig.state.availability.kind, 'signedOut', context());
      } else if (!faultOn) {
        // (A sign-in while Spotify is down fails in the browser, before the extension is involved.)
        await rig.signIn();
        await checkRecovers();
      }
      await live(Math.round((0.5 + random() * 6) * 60_000));
      if (rig.clock.now() >= nextHour) {
        nextHour += HOUR;
        scanAndForget();
        if (heapAtHour1 === undefined) {
          collectGarbage();
          heapAtHour1 = process.memoryUsage().heapUsed;
          listenersAtHour1 = listenerCounts(rig);
        }
      }
    }

    // The end of the day: faults gone, the user signed in and looking.
    rig.emu.clearFaults();
    await rig.emu.goOnline();
    faultOn = false;
    if (!rig.keeper.current) await rig.signIn();
    rig.window.set(true, true);
    await checkRecovers();
    scanAndForget();
    collectGarbage();
    const heapAtEnd = process.memoryUsage().heapUsed;

    console.log(`      ${recoveries} recoveries checked, at most ${maxTimers} timers pending, heap ${(heapAtHour1! / 1e6).toFixed(1)} MB at hour 1, ${(heapAtEnd / 1e6).toFixed(1)} MB at hour ${SOAK_HOURS} (seed ${SEED})`);
    assert.ok(recoveries >= 5, `the run exercised recoveries (${recoveries})`);
    assert.deepStrictEqual(listenerCounts(rig), listenersAtHour1, 'no listeners piled up between hour 1 and hour 8');
    assert.ok(maxTimers <= 4, `timers never piled up (at most ${maxTimers} pending)`);
    assert.ok(heapAtEnd - heapAtHour1! < HEAP_TOLERANCE_BYTES, `heap stable: ${heapAtHour1} at hour 1, ${heapAtEnd} at hour ${SOAK_HOURS}`);

    // Deactivation: every part disposed, nothing left to fire, nobody listening, no request sent.
    rig.dispose();
    assert.strictEqual(rig.clock.pendingTimers, 0, 'no timer left behind');
    assert.deepStrictEqual(Object.values(listenerCounts(rig)).filter((n) => n > 0), [], `no listener left behind: ${JSON.stringify(listenerCounts(rig))}`);
    rig.emu.requests.length = 0;
    await rig.clock.advance(HOUR);
    assert.deepStrictEqual(rig.emu.requests, [], 'nothing polls after deactivation');
    await rig.emu.close();
  });
});
