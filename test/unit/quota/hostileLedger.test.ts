import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileLedgerStore, LedgerPiece, LedgerStore } from '../../../src/quota/ledgerStore';
import { QuotaExceeded } from '../../../src/quota/quotaErrors';
import { RequestBudget } from '../../../src/quota/requestBudget';
import { LEDGER_WINDOW_MS, RequestLedger } from '../../../src/quota/requestLedger';
import { quotaSpentLabel, spendLine } from '../../../src/present/budgetText';
import { FakeClock } from '../../../sim/fakeClock';
import { FORGERIES, Forgery, partWrittenNow, reasonForgingALine, requestLines } from '../../support/hostileLedger';
import { RecordingLog } from '../../../sim/recordingLog';

// The ledger's files are plain text anyone with the user's rights can edit, and the clock they are
// dated by can go back. Whatever is left there, the user keeps their commands, their reads come
// back, and the status bar names a sane time.

const HOUR = 3600_000;
const YEAR = 365 * 24 * HOUR;

function forgery(name: string): Forgery {
  return FORGERIES.find((f) => f.name.startsWith(name))!;
}

/** Reads of the real store, counted. */
class CountingStore implements LedgerStore {
  largestRead = 0;
  bytesRead = 0;
  constructor(private readonly inner: LedgerStore) {}
  append = (part: string, text: string) => this.inner.append(part, text);
  parts = () => this.inner.parts();
  remove = (part: string) => this.inner.remove(part);
  async readFrom(part: string, from: number, maxBytes: number): Promise<LedgerPiece | undefined> {
    const piece = await this.inner.readFrom(part, from, maxBytes);
    this.largestRead = Math.max(this.largestRead, piece?.bytes.length ?? 0);
    this.bytesRead += piece?.bytes.length ?? 0;
    return piece;
  }
}

describe('request ledger: hostile files and a clock going back', () => {
  let root: string;
  let dir: string;
  let clock: FakeClock;
  let opened: RequestLedger[];
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-hostile-'));
    dir = path.join(root, 'requests');
    clock = new FakeClock();
    opened = [];
  });
  afterEach(async () => {
    // The windows' last lines are written before their folder goes.
    await Promise.all(opened.map((ledger) => ledger.flushed()));
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** A window over the ledger folder, with the default budget. */
  function openWindow(store: LedgerStore = new FileLedgerStore(dir)) {
    const log = new RecordingLog();
    const ledger = new RequestLedger({ store, clock, log });
    opened.push(ledger);
    return { ledger, log, budget: new RequestBudget({ ledger, clock, log, dailyRequests: () => 1000 }) };
  }

  /** What the user has: a command goes out, steady reads go on, nothing is refused. */
  function assertUserHasEverything(budget: RequestBudget, context: string): void {
    assert.strictEqual(budget.penalty, undefined, `${context}: no penalty`);
    assert.doesNotThrow(() => budget.spend('PUT', '/me/player/play', undefined), `${context}: a command runs`);
    assert.notStrictEqual(budget.rhythmIntervalMs(true, { pollIntervalMs: 5000, idleIntervalMs: 60_000 }), undefined, `${context}: reads go on`);
  }

  async function forge(name: string): Promise<void> {
    forgery(name).write(dir, await partWrittenNow(clock), clock.now());
  }

  it('a 429 reason with a line end in it is not stored: another window sees the wait Spotify gave, not one until 9999', async () => {
    const told = openWindow();
    const other = openWindow();
    const refusal = told.budget.quotaRefusal(reasonForgingALine(clock.now()), '3600');
    assert.ok(refusal instanceof QuotaExceeded && refusal.until === clock.now() + HOUR);
    await told.ledger.flushed();
    await other.ledger.sync();
    assert.deepStrictEqual(other.budget.penalty, { since: clock.now(), until: clock.now() + HOUR, reason: undefined }, 'the reason is unknown, the wait is the header\'s');
    const text = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    assert.strictEqual(text.split('\n').length, 2, `one line: ${JSON.stringify(text)}`);
    await clock.advance(HOUR);
    assertUserHasEverything(other.budget, 'an hour later');
  });

  it('a penalty until the year 9999 lasts a day at most, and the status bar names the day', async () => {
    await forge('a penalty until the year 9999');
    const { ledger, budget } = openWindow();
    await ledger.sync();
    const now = clock.now();
    assert.strictEqual(budget.penalty?.until, now + LEDGER_WINDOW_MS);
    assert.match(quotaSpentLabel(budget.penalty.until, now), /^\$\(watch\) Spotify quota spent · back at (Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d\d:\d\d$/);
    assert.throws(() => budget.spend('PUT', '/me/player/play', undefined), QuotaExceeded);
    await clock.advance(LEDGER_WINDOW_MS);
    assertUserHasEverything(budget, 'a day later');
  });

  it('a penalty starting ten years ahead is ignored', async () => {
    await forge('a penalty starting ten years ahead');
    const { ledger, budget } = openWindow();
    await ledger.sync();
    assertUserHasEverything(budget, 'at once');
  });

  it('1,000 requests dated ten years ahead do not count', async () => {
    await forge('1,000 requests dated ten years ahead');
    const { ledger, budget } = openWindow();
    await ledger.sync();
    assert.strictEqual(budget.used, 0);
    assert.strictEqual(spendLine(budget.status(), 34_000, clock.now()), 'Spotify requests, last 24 h: 0 of 1,000 · checking every 34 s');
    assertUserHasEverything(budget, 'at once');
  });

  it('lines of binary garbage after a time count for nothing; lines written after them still count', async () => {
    await forge('1,000 lines of binary garbage');
    fs.appendFileSync(path.join(dir, await partWrittenNow(clock)), requestLines(clock.now(), 2));
    const { ledger, budget, log } = openWindow();
    await ledger.sync();
    assert.strictEqual(budget.used, 2);
    assert.deepStrictEqual(log.lines, []);
    assertUserHasEverything(budget, 'at once');
  });

  it('a symbolic link in place of a part is neither read nor written through', async () => {
    await forge('a symbolic link');
    const elsewhere = path.join(root, fs.readdirSync(root).find((f) => f.startsWith('elsewhere-'))!);
    const before = fs.readFileSync(elsewhere, 'utf8');
    const { ledger, budget, log } = openWindow();
    await ledger.sync();
    assert.strictEqual(budget.used, 0, 'the 1,000 lines it points to do not count');
    assertUserHasEverything(budget, 'at once');
    await ledger.flushed();
    assert.strictEqual(fs.readFileSync(elsewhere, 'utf8'), before, 'nothing written through the link');
    assert.strictEqual(budget.used, 1, 'the command counts in this window');
    assert.strictEqual(log.lines.length, 1, `said once in the log: ${log.lines.join('\n')}`);
  });

  it('a part of 600 MiB is read in bounded pieces, only its tail: the lines at its end still count', async () => {
    await forge('a line of 600 MiB');
    fs.appendFileSync(path.join(dir, await partWrittenNow(clock)), `\n${requestLines(clock.now(), 3)}`);
    const store = new CountingStore(new FileLedgerStore(dir));
    const { ledger, budget } = openWindow(store);
    await ledger.sync();
    assert.strictEqual(budget.used, 3);
    assert.ok(store.bytesRead <= 8 * 1024 * 1024 && store.largestRead <= 64 * 1024, `read ${store.bytesRead} bytes, at most ${store.largestRead} at once`);
    assertUserHasEverything(budget, 'at once');
  });

  it('a clock set back a year: what was recorded ahead does not count, and only Spotify\'s own wait, by elapsed time, still holds', async () => {
    const booted = openWindow();
    clock.setWallClockBy(YEAR); // the machine booted a year ahead
    for (let i = 0; i < 800; i++) booted.budget.spend('GET', '/me/player', 'periodic');
    booted.budget.quotaRefusal('QUOTA_EXCEEDED', '50000');
    await booted.ledger.flushed();
    clock.setWallClockBy(-YEAR); // NTP sets it right
    assert.strictEqual(booted.budget.used, 0, 'the requests dated a year ahead no longer count');
    assert.ok(booted.budget.penalty, 'Spotify did say to wait: this window keeps that wait, counted by elapsed time');
    await clock.advance(50_000_000);
    assertUserHasEverything(booted.budget, 'in the window that recorded them, once the wait has passed');
    const restarted = openWindow();
    await restarted.ledger.sync();
    assertUserHasEverything(restarted.budget, 'after a restart');
  });

  it('a clock set back a minute keeps counting what was just spent', async () => {
    const { budget } = openWindow();
    for (let i = 0; i < 5; i++) budget.spend('GET', '/me/player', 'periodic');
    clock.setWallClockBy(-60_000);
    assert.strictEqual(budget.used, 5);
  });
});
