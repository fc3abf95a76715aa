import * as assert from 'assert';
import { LEDGER_WINDOW_MS, RequestLedger } from '../../../src/quota/requestLedger';
import type { LedgerStore } from '../../../src/quota/ledgerStore';
import { FakeClock } from '../../../sim/fakeClock';
import { partWrittenNow } from '../../support/hostileLedger';
import { MemoryLedgerStore } from '../../../sim/memoryLedgerStore';
import { RecordingLog } from '../../../sim/recordingLog';

const HOUR = 3600_000;

/** A window's ledger over the storage all windows share. */
function openLedger(store: LedgerStore, clock: FakeClock, log = new RecordingLog()) {
  return new RequestLedger({ store, clock, log });
}

describe('request ledger (shared by windows, kept across restarts)', () => {
  it('counts what every window spent: each sees the others once it looks again, and never counts its own twice', async () => {
    const store = new MemoryLedgerStore();
    const clock = new FakeClock();
    const a = openLedger(store, clock);
    const b = openLedger(store, clock);
    a.record('periodic');
    a.record('command');
    a.record('confirm');
    await a.flushed();
    await b.sync();
    assert.strictEqual(b.recent().length, 3);
    b.record('picker');
    b.record('focus');
    await b.flushed();
    await a.sync();
    await b.sync();
    assert.deepStrictEqual([a.recent().length, b.recent().length], [5, 5]);
    assert.deepStrictEqual(a.recent().map((e) => e.kind).sort(), ['command', 'confirm', 'focus', 'periodic', 'picker']);
  });

  it('is read back after a restart, for the last 24 hours only', async () => {
    const store = new MemoryLedgerStore();
    const clock = new FakeClock();
    const before = openLedger(store, clock);
    before.record('periodic');
    await clock.advance(23 * HOUR);
    before.record('command');
    before.record('command');
    await before.flushed();
    await clock.advance(HOUR + 1);
    const restarted = openLedger(store, clock);
    await restarted.sync();
    assert.deepStrictEqual(restarted.recent().map((e) => e.kind), ['command', 'command'], 'the first request left the window');
  });

  it('keeps Spotify\'s quota penalty for every window and across a restart, until it ends', async () => {
    const store = new MemoryLedgerStore();
    const clock = new FakeClock();
    const told = openLedger(store, clock);
    const until = clock.now() + 14 * HOUR;
    told.recordPenalty({ since: clock.now(), until, reason: 'QUOTA_EXCEEDED' });
    await told.flushed();
    const other = openLedger(store, clock);
    await other.sync();
    assert.deepStrictEqual(other.currentPenalty, { since: clock.now(), until, reason: 'QUOTA_EXCEEDED' });
    await clock.advance(13 * HOUR);
    const restarted = openLedger(store, clock);
    await restarted.sync();
    assert.strictEqual(restarted.currentPenalty?.until, until);
    await clock.advance(HOUR);
    assert.strictEqual(restarted.currentPenalty, undefined, 'over at the stated time');
  });

  it('still counts what an earlier version kept per Client ID, and Spotify\'s penalty from it, in the one budget of the machine', async () => {
    const store = new MemoryLedgerStore();
    const clock = new FakeClock();
    const day = new Date(clock.now()).toISOString().slice(0, 10);
    const yesterday = new Date(clock.now() - LEDGER_WINDOW_MS).toISOString().slice(0, 10);
    // Two Client IDs' ledgers as the earlier version named them (a hash of the Client ID, then the UTC day).
    await store.append(`5f1c0a9e3b7d-${yesterday}.log`, `${clock.now() - 2 * HOUR} periodic 0123456789ab\n`);
    await store.append(`5f1c0a9e3b7d-${day}.log`, `${clock.now() - HOUR} command 0123456789ab\n`);
    await store.append(`9a8b7c6d5e4f-${day}.log`, `${clock.now() - HOUR} picker 0123456789ab\n${clock.now() - HOUR} penalty 0123456789ab ${clock.now() + 3 * HOUR} QUOTA_EXCEEDED\n`);
    const ledger = openLedger(store, clock);
    await ledger.sync();
    assert.deepStrictEqual(ledger.recent().map((e) => e.kind), ['periodic', 'command', 'picker']);
    assert.strictEqual(ledger.currentPenalty?.until, clock.now() + 3 * HOUR, 'a penalty seen with one Client ID holds for all');
    ledger.record('focus');
    await ledger.flushed();
    const restarted = openLedger(store, clock);
    await restarted.sync();
    assert.strictEqual(restarted.recent().length, 4, 'old and new lines together, nothing lost');
  });

  it('reads a line another window is still writing once it is whole', async () => {
    const store = new MemoryLedgerStore();
    const clock = new FakeClock();
    const reader = openLedger(store, clock);
    const part = await partWrittenNow(clock);
    await store.append(part, `${clock.now()} command otherwin`);
    await reader.sync();
    assert.strictEqual(reader.recent().length, 0);
    await store.append(part, `\n${clock.now()} picker otherwin\n`);
    await reader.sync();
    assert.deepStrictEqual(reader.recent().map((e) => e.kind), ['command', 'picker']);
  });

  it('keeps counting in memory when the storage fails, and says so once in the log', async () => {
    const clock = new FakeClock();
    const log = new RecordingLog();
    const broken: LedgerStore = {
      append: async () => {
        throw new Error('disk full');
      },
      readFrom: async () => {
        throw new Error('disk gone');
      },
      parts: async () => [],
      remove: async () => undefined,
    };
    const ledger = openLedger(broken, clock, log);
    for (let i = 0; i < 5; i++) ledger.record('periodic');
    await ledger.flushed();
    await ledger.sync();
    assert.strictEqual(ledger.recent().length, 5);
    assert.strictEqual(log.lines.filter((l) => l.includes('request ledger')).length, 1, log.lines.join('\n'));
  });

  it('removes the parts no rolling day can reach', async () => {
    const store = new MemoryLedgerStore();
    const clock = new FakeClock();
    const ledger = openLedger(store, clock);
    ledger.record('periodic');
    await ledger.flushed();
    const first = await store.parts();
    await clock.advance(3 * LEDGER_WINDOW_MS);
    ledger.record('periodic');
    await ledger.flushed();
    await ledger.sync();
    const now = await store.parts();
    assert.ok(!now.includes(first[0]), `${first[0]} removed: ${now}`);
    assert.strictEqual(now.length, 1);
  });
});
