import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileLedgerStore } from '../../src/quota/ledgerStore';
import { LEDGER_WINDOW_MS, RequestLedger } from '../../src/quota/requestLedger';
import { quotaSpentLabel, spendLine } from '../../src/present/budgetText';
import { FORGERIES, partWrittenNow, reasonForgingALine } from '../support/hostileLedger';
import { Rig } from '../support/hardening/rig';
import { tally } from '../support/hardening/tally';
import { RecordingLog } from '../../sim/recordingLog';

// The request ledger is files in global storage that anyone with the user's rights can edit, and
// a hostile server can choose the words of its 429. The real core over a ledger in files, against
// the emulator: after each forgery the user still has their commands and reads, and the status
// bar names a time within a day.

const HOUR = 3600_000;
const BACK_AT = /^\$\(watch\) Spotify quota spent · back at ((Sun|Mon|Tue|Wed|Thu|Fri|Sat) )?\d\d:\d\d$/;

describe('hardening: forged ledger lines', function () {
  this.timeout(120_000);
  let root: string;
  let dir: string;
  let rig: Rig;

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-forged-'));
    dir = path.join(root, 'requests');
    rig = await Rig.start({}, { ledgerDir: dir });
    await rig.signIn();
    await rig.nextRead();
  });

  afterEach(async () => {
    await rig.core.ledger.flushed();
    await rig.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** Through a penalty, if one holds: then a command runs, reads come back, the tooltip's line is plain. */
  async function assertUserKeepsEverything(): Promise<void> {
    const now = rig.clock.now();
    const penalty = rig.core.budget.penalty;
    if (penalty) {
      assert.ok(penalty.until <= now + LEDGER_WINDOW_MS, `a penalty until ${new Date(penalty.until).toISOString()}`);
      assert.match(quotaSpentLabel(penalty.until, now), BACK_AT);
      await rig.clock.advance(penalty.until - now);
    }
    assert.strictEqual(await rig.command('Next', (client) => client.next()), true, 'a command runs');
    await rig.nextRead(HOUR);
    assert.ok(['active', 'nothingActive'].includes(rig.state.availability.kind), JSON.stringify(rig.state.availability));
    assert.match(spendLine(rig.core.budget.status(), undefined, rig.clock.now()), /^Spotify requests, last 24 h: \d{1,2} of 1,000$/);
    tally.forgedLedger.userKept++;
  }

  for (const forgery of FORGERIES) {
    it(`${forgery.name}: nothing forged counts, a penalty lasts a day at most, and the user keeps commands and reads`, async () => {
      tally.forgedLedger.ledgers++;
      tally.forgedLedger.lines += forgery.lines;
      const before = rig.core.budget.used;
      forgery.write(dir, await partWrittenNow(rig.clock), rig.clock.now());
      await rig.core.budget.sync();
      assert.strictEqual(rig.core.budget.used, before, 'no forged request counts');
      const capped = rig.core.budget.penalty ? 1 : 0;
      tally.forgedLedger.capped += capped;
      tally.forgedLedger.refused += forgery.lines - capped;
      await assertUserKeepsEverything();
    });
  }

  it("a 429 whose reason carries a line end: the other windows see Spotify's wait, not the forged line's", async () => {
    tally.forgedLedger.ledgers++;
    tally.forgedLedger.lines++;
    const body = { error: { status: 429, message: 'Too many requests', reason: reasonForgingALine(rig.clock.now()) } };
    rig.emu.addFault({ match: { method: 'GET', path: '/v1/me/player' }, status: 429, headers: { 'Retry-After': '3600' }, body });
    await rig.nextRead();
    const told = rig.core.budget.penalty;
    assert.ok(told && told.until <= rig.clock.now() + HOUR, JSON.stringify(told));
    await rig.core.ledger.flushed();
    const otherWindow = new RequestLedger({ store: new FileLedgerStore(dir), clock: rig.clock, log: new RecordingLog() });
    await otherWindow.sync();
    assert.deepStrictEqual(otherWindow.currentPenalty, { ...told, reason: undefined });
    tally.forgedLedger.refused++;
    await assertUserKeepsEverything();
  });
});
