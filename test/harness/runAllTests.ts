// What `npm test` runs after the build: sets up the real-VS-Code tools, runs every suite
// (a crashing one is counted as failed and the rest still run), prints a summary table
// and, as the very last line, the totals in the form CI reads: "N passed, N failed"
// (plus ", N skipped" when any test was skipped).
import { ensureCodeServer } from '../../sim/editor/codeServer';
import { addCounts, Counts, CRASHED, failIfNothingRan, totalsLine } from './counts';
import { ensurePrerequisites } from './prerequisites';
import { Row, summaryTable } from './summary';
import { Suite, SUITES } from './suites';
import { ensureRunId } from '../support/hardening/tally';

async function timed(name: string, work: () => Promise<Counts>): Promise<Row> {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  let counts: Counts;
  try {
    counts = await work();
  } catch (err) {
    console.error(`${name} crashed:`, err);
    counts = CRASHED;
  }
  return { name, ...counts, seconds: (Date.now() - started) / 1000 };
}

/** Not a test: counts only when it fails (then the suites needing VS Code are not run). */
async function setUpVSCode(): Promise<Counts> {
  await ensurePrerequisites();
  await ensureCodeServer();
  return { passed: 0, failed: 0, skipped: 0 };
}

async function main(suites: Suite[]): Promise<number> {
  // Reports the suites leave for each other (the hardening summary) belong to this run only.
  ensureRunId();
  const rows: Row[] = [];
  const setup = await timed('setup (system packages, code-server)', setUpVSCode);
  rows.push({ ...setup, name: 'setup' });
  for (const suite of suites) {
    if (suite.needsVSCode && setup.failed > 0) {
      rows.push({ name: suite.name, ...CRASHED, seconds: 0, note: 'not run: setup failed' });
      continue;
    }
    const row = await timed(suite.name, suite.run);
    rows.push({ ...row, ...failIfNothingRan(row) });
  }
  console.log(`\n${summaryTable(rows).join('\n')}`);
  const total = addCounts(rows);
  console.log(totalsLine(total)); // the very last line: CI reads it
  return total.failed > 0 ? 1 : 0;
}

main(SUITES).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log(totalsLine(CRASHED));
    process.exit(1);
  },
);
