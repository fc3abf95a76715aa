// What `npm test` runs after the build: sets up the real-VS-Code tools, runs every suite
// (a crashing one is counted as failed and the rest still run), prints a summary table
// and, as the very last line, the totals in the form CI reads: "N passed, N failed".
import { ensureCodeServer } from './codeServer';
import { Counts, CRASHED } from './counts';
import { ensurePrerequisites } from './prerequisites';
import { Suite, SUITES } from './suites';

interface Row extends Counts {
  name: string;
  seconds: number;
  note?: string;
}

async function timed(name: string, work: () => Promise<Counts>, note?: string): Promise<Row> {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  let counts: Counts;
  try {
    counts = await work();
  } catch (err) {
    console.error(`${name} crashed:`, err);
    counts = CRASHED;
    note = 'crashed';
  }
  return { name, ...counts, seconds: (Date.now() - started) / 1000, note };
}

/** Not a test: counts only when it fails (then the suites needing VS Code are not run). */
async function setUpVSCode(): Promise<Counts> {
  await ensurePrerequisites();
  await ensureCodeServer();
  return { passed: 0, failed: 0 };
}

function printTable(rows: Row[]): void {
  const line = (name: string, passed: number, failed: number, seconds: number, note = '') =>
    console.log(` ${name.padEnd(14)} ${String(passed).padStart(6)}  ${String(failed).padStart(6)}  ${seconds.toFixed(1).padStart(6)} s${note ? `  (${note})` : ''}`);
  console.log('\n suite          passed  failed     time');
  for (const r of rows) line(r.name, r.passed, r.failed, r.seconds, r.note);
  const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
  line('total', sum((r) => r.passed), sum((r) => r.failed), sum((r) => r.seconds));
}

async function main(suites: Suite[]): Promise<number> {
  const rows: Row[] = [];
  const setup = await timed('setup (system packages, code-server)', setUpVSCode);
  rows.push({ ...setup, name: 'setup' });
  for (const suite of suites) {
    if (suite.needsVSCode && setup.failed > 0) {
      rows.push({ name: suite.name, ...CRASHED, seconds: 0, note: 'not run: setup failed' });
      continue;
    }
    rows.push(await timed(suite.name, suite.run));
  }
  printTable(rows);
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`); // the very last line: CI reads it
  return failed > 0 ? 1 : 0;
}

main(SUITES).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
