// The test run's own bookkeeping: what the closing line and the table say, that a suite
// running no test fails, that skipped tests are counted, and that the hardening summary only
// reports figures from its own run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { failIfNothingRan, parseResultLine, resultLine, totalsLine } from '../../harness/counts';
import { runMochaProcess } from '../../harness/mochaRun';
import { summaryTable } from '../../harness/summary';
import { emptyReport, ensureRunId, hardeningSummary, readReport, writeReport } from '../../support/hardening/tally';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-summary-'));
}

describe('test run summary', () => {
  it('the closing line is "N passed, N failed", with ", N skipped" only when something was skipped', () => {
    assert.strictEqual(totalsLine({ passed: 12, failed: 0, skipped: 0 }), '12 passed, 0 failed');
    assert.strictEqual(totalsLine({ passed: 12, failed: 1, skipped: 2 }), '12 passed, 1 failed, 2 skipped');
  });

  it('a suite that ran no test fails, and the note names the grep that matched nothing', () => {
    assert.deepStrictEqual(failIfNothingRan({ passed: 0, failed: 0, skipped: 0 }, 'sign aut'), {
      passed: 0,
      failed: 1,
      skipped: 0,
      note: 'no test ran: BACKBEAT_TEST_GREP="sign aut" matches none',
    });
    assert.strictEqual(failIfNothingRan({ passed: 0, failed: 0, skipped: 3 }).failed, 1, 'only skipped tests: nothing ran');
    assert.deepStrictEqual(failIfNothingRan({ passed: 1, failed: 0, skipped: 0 }, 'x'), { passed: 1, failed: 0, skipped: 0 });
  });

  it('the table has a skipped column, each suite\u2019s note, and a total row that adds up', () => {
    const table = summaryTable([
      { name: 'unit', passed: 10, failed: 0, skipped: 2, seconds: 1.5 },
      { name: 'e2e', passed: 0, failed: 1, skipped: 0, seconds: 0.5, note: 'no test ran' },
    ]);
    assert.match(table[0], /passed\s+failed\s+skipped\s+time/);
    const cells = (line: string) => line.trim().split(/\s+/);
    assert.deepStrictEqual(cells(table[1]), ['unit', '10', '0', '2', '1.5', 's']);
    assert.deepStrictEqual(cells(table[2]), ['e2e', '0', '1', '0', '0.5', 's', '(no', 'test', 'ran)']);
    assert.deepStrictEqual(cells(table[3]), ['total', '10', '1', '2', '2.0', 's']);
  });

  it('the result line a child process prints carries passed, failed and skipped; anything else is not a result', () => {
    const counts = { passed: 3, failed: 1, skipped: 2 };
    assert.deepStrictEqual(parseResultLine(resultLine(counts)), counts);
    assert.strictEqual(parseResultLine('BACKBEAT_RESULT {"passed":3,"failed":1}'), undefined);
    assert.strictEqual(parseResultLine('BACKBEAT_RESULT {"passed":-1,"failed":0,"skipped":0}'), undefined);
    assert.strictEqual(parseResultLine('  3 passing'), undefined);
  });

  describe('mocha in a child process, counted through the counting reporter', function () {
    this.timeout(30_000);
    let dir: string;
    let spec: string;
    before(() => {
      dir = tempDir();
      spec = path.join(dir, 'sample.test.js');
      fs.writeFileSync(
        spec,
        [
          "describe('sample', () => {",
          "  it('passes', () => undefined);",
          "  it('is pending');",
          "  it.skip('is skipped', () => undefined);",
          "  it('skips itself', function () { this.skip(); });",
          '});',
        ].join('\n'),
      );
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const quiet = { output: () => undefined };

    it('counts pending, skipped and self-skipping tests as skipped', async () => {
      assert.deepStrictEqual(await runMochaProcess(['--no-config', spec], quiet), { passed: 1, failed: 0, skipped: 3 });
    });

    it('a grep that matches no test makes the run fail with a note', async () => {
      const counts = await runMochaProcess(['--no-config', spec], { ...quiet, grep: 'no such test' });
      assert.strictEqual(counts.failed, 1);
      assert.match(counts.note ?? '', /no test ran: BACKBEAT_TEST_GREP="no such test"/);
    });
  });

  describe('the hardening summary', () => {
    const report = (outputsScanned: number, leaksFound = 0) => ({ ...emptyReport(), faultsTried: 2, inputsFuzzed: 5, outputsScanned, leaksFound, leakPlaces: leaksFound ? ['the log'] : [] });

    it('adds up the parts of this run and names them', () => {
      assert.deepStrictEqual(hardeningSummary([{ name: 'Node', report: report(10) }, { name: 'VS Code session', report: report(20) }]), [
        'hardening: faults tried 4, inputs fuzzed 10, leaks found 0 (30 outputs scanned) [Node + VS Code session]',
        'forged ledger lines tried 0: no forged ledger in this run',
      ]);
    });

    it('says how many forged ledger lines were tried, what was refused and what the user still had', () => {
      const forged = { ...report(10), forgedLedger: { lines: 2003, refused: 2002, capped: 1, ledgers: 7, userKept: 6 } };
      const line = hardeningSummary([{ name: 'Node', report: forged }, { name: 'VS Code session', report: report(20) }])[1];
      assert.strictEqual(line, 'forged ledger lines tried 2003: 2002 refused, 1 penalty cut to a day; after 6 of 7 forged ledgers the user still had commands, reads and a sane status bar');
    });

    it('says which part did not run in this run, and where a leak was found', () => {
      assert.deepStrictEqual(hardeningSummary([{ name: 'Node', report: report(10, 1) }, { name: 'VS Code session', report: undefined }]), [
        'hardening: faults tried 2, inputs fuzzed 5, leaks found 1 (10 outputs scanned) [Node; not run in this run: VS Code session]',
        'leaks at: the log',
        'forged ledger lines tried 0: no forged ledger in this run',
      ]);
    });

    it('says that no secret scan ran when nothing was scanned, or no part reported', () => {
      assert.match(hardeningSummary([{ name: 'Node', report: report(0) }])[0], /no secret scan ran \[Node\]/);
      assert.deepStrictEqual(hardeningSummary([{ name: 'Node', report: undefined }]), ['hardening: no report from this run, so no secret scan ran; not run in this run: Node']);
    });

    it('adds a line per condition tried, with what was refused and what the user still had', () => {
      const node = { ...report(10), clockJumps: { tried: 3, asked: 4, refused: 0, userChecks: 4, userKept: 4 }, flappingSources: { tried: 2, asked: 1000, refused: 990, userChecks: 3, userKept: 3 } };
      const session = { ...report(5), flappingSources: { tried: 1, asked: 50, refused: 49, userChecks: 1, userKept: 1 } };
      const conditionLines = (lines: string[]) => lines.filter((l) => /^(clock jumps|flapping sources) /.test(l));
      assert.deepStrictEqual(conditionLines(hardeningSummary([{ name: 'Node', report: node }, { name: 'VS Code session', report: session }])), [
        'clock jumps tried 3: reads held back 0 of 4; the user still had 4 of 4 (a read on focus, after a command and at a track end on time; no burst)',
        'flapping sources tried 3: background checks refused 1039 of 1050; the user still had 4 of 4 (the reserve for commands, and their Next)',
      ]);
      assert.deepStrictEqual(conditionLines(hardeningSummary([{ name: 'Node', report: report(10) }])), [], 'no line for a class not tried');
    });

    it('reads only a report written in this run: one left by an earlier run is ignored', () => {
      const dir = tempDir();
      const saved = process.env.BACKBEAT_RUN_ID;
      try {
        process.env.BACKBEAT_RUN_ID = 'earlier run';
        writeReport(dir, report(10));
        delete process.env.BACKBEAT_RUN_ID;
        const thisRun = ensureRunId();
        assert.notStrictEqual(thisRun, 'earlier run');
        assert.strictEqual(readReport(dir, thisRun), undefined, 'the earlier run\u2019s report');
        writeReport(dir, report(20));
        assert.strictEqual(readReport(dir, thisRun)?.outputsScanned, 20);
      } finally {
        if (saved === undefined) delete process.env.BACKBEAT_RUN_ID;
        else process.env.BACKBEAT_RUN_ID = saved;
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
