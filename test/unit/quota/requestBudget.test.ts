import * as assert from 'assert';
import { BudgetSpent, QuotaExceeded } from '../../../src/quota/quotaErrors';
import { RequestBudget } from '../../../src/quota/requestBudget';
import { RequestLedger } from '../../../src/quota/requestLedger';
import { FakeClock } from '../../../sim/fakeClock';
import { MemoryLedgerStore } from '../../../sim/memoryLedgerStore';
import { RecordingLog } from '../../../sim/recordingLog';

function openBudget(dailyRequests: number, store = new MemoryLedgerStore(), clock = new FakeClock()) {
  const log = new RecordingLog();
  const ledger = new RequestLedger({ store, clock, log });
  return { budget: new RequestBudget({ ledger, clock, log, dailyRequests: () => dailyRequests }), ledger, clock, store, log };
}

describe('daily request budget', () => {
  it('keeps a reserve of max(50, 15 %) for commands and pickers', () => {
    assert.deepStrictEqual([1000, 2000, 200, 40, 0].map((n) => openBudget(n).budget.reserve), [150, 300, 50, 40, 0]);
    assert.strictEqual(openBudget(1000).budget.share, 850);
  });

  it('stops reads Backbeat makes on its own at the share; commands and pickers go on until the budget is spent', () => {
    const { budget, clock } = openBudget(100);
    for (let i = 0; i < 50; i++) budget.spend('GET', '/me/player', 'periodic');
    assert.throws(() => budget.spend('GET', '/me/player', 'trackEnd'), BudgetSpent);
    assert.throws(() => budget.spend('GET', '/me/library/contains', undefined), BudgetSpent, 'the like status is automatic too');
    for (let i = 0; i < 25; i++) budget.spend('POST', '/me/player/next', undefined);
    for (let i = 0; i < 25; i++) budget.spend('GET', '/search', undefined);
    assert.strictEqual(budget.used, 100);
    const refused = assertThrows(() => budget.spend('PUT', '/me/player/pause', undefined));
    assert.ok(refused instanceof BudgetSpent);
    assert.strictEqual(refused.until, clock.now() + 24 * 3600_000, 'back when the first request leaves the window');
    assert.strictEqual(budget.status().commandsRefusedUntil, refused.until);
  });

  it('refuses nothing with no budget (0), and still counts', () => {
    const { budget } = openBudget(0);
    for (let i = 0; i < 5000; i++) budget.spend('GET', '/me/player', 'periodic');
    assert.strictEqual(budget.used, 5000);
    assert.strictEqual(budget.status().readsPausedUntil, 0);
  });

  it('recognises the daily quota by its reason, or by a Retry-After over 10 minutes; a short 429 stays a rate limit', () => {
    const { budget, clock } = openBudget(1000);
    assert.strictEqual(budget.quotaRefusal(undefined, '30'), undefined);
    assert.strictEqual(budget.quotaRefusal(undefined, '600'), undefined);
    assert.strictEqual(budget.penalty, undefined);
    const long = budget.quotaRefusal(undefined, '3600');
    assert.ok(long instanceof QuotaExceeded && long.until === clock.now() + 3600_000);
    const quota = budget.quotaRefusal('QUOTA_EXCEEDED', '50000');
    assert.ok(quota instanceof QuotaExceeded);
    assert.deepStrictEqual(budget.penalty, { since: clock.now(), until: clock.now() + 50_000_000, reason: 'QUOTA_EXCEEDED' });
  });

  it('stops every request of every window during the penalty, after a restart too, and not after it', async () => {
    const store = new MemoryLedgerStore();
    const clock = new FakeClock();
    const told = openBudget(0, store, clock).budget;
    const other = openBudget(0, store, clock);
    let heard = 0;
    told.onDidReceivePenalty(() => heard++);
    other.budget.onDidReceivePenalty(() => heard++);
    told.quotaRefusal('QUOTA_EXCEEDED', '50000');
    await other.ledger.flushed();
    await other.budget.sync();
    assert.throws(() => other.budget.spend('PUT', '/me/player/play', undefined), QuotaExceeded, 'commands too');
    const restarted = openBudget(0, store, clock).budget;
    await restarted.sync();
    assert.throws(() => restarted.spend('GET', '/me/player', 'focus'), QuotaExceeded);
    assert.strictEqual(heard, 1, 'only the window Spotify told says so');
    await clock.advance(50_000_000);
    restarted.spend('GET', '/me/player', 'periodic');
    assert.strictEqual(restarted.used, 1);
  });

  it("ends Spotify's penalty when it said, by elapsed time, even when the wall clock is set back meanwhile", async () => {
    const { budget, clock } = openBudget(1000);
    let ended = 0;
    budget.quotaRefusal('QUOTA_EXCEEDED', '3600');
    budget.onDidChange(() => (budget.penalty ? undefined : ended++));
    clock.setWallClockBy(-2 * 3600_000);
    await clock.advance(3600_000 - 1_000);
    assert.ok(budget.penalty, 'still held a second before its end');
    assert.throws(() => budget.spend('PUT', '/me/player/play', undefined), QuotaExceeded);
    await clock.advance(2_000);
    assert.strictEqual(budget.penalty, undefined);
    assert.strictEqual(budget.penaltyMsLeft(), 0);
    assert.ok(ended > 0, 'the windows are told it ended');
    budget.spend('PUT', '/me/player/play', undefined);
  });

  it('waits until its oldest requests leave the window (at least an hour) when the quota comes without a Retry-After', async () => {
    const { budget, clock } = openBudget(1000);
    budget.spend('GET', '/me/player', 'periodic');
    await clock.advance(20 * 3600_000);
    const error = budget.quotaRefusal('QUOTA_EXCEEDED', null);
    assert.strictEqual(error?.until, clock.now() + 4 * 3600_000);
  });
});

function assertThrows(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new assert.AssertionError({ message: 'expected a refusal' });
}
