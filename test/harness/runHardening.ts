// The hardening suite: faults, a soak on a virtual clock, fuzzed callbacks and secret scans,
// on Node against the emulator (test/hardening). Its summary adds the secret scans that ran
// inside VS Code (integration, e2e) when those suites ran first in the same `npm test`.
import * as path from 'path';
import { Counts } from './counts';
import { findFiles, runMochaProcess } from './mochaRun';
import { artifactsDir, repoRoot } from './paths';
import { addReports, HardeningReport, readReport, summaryLine } from '../hardening/support/tally';

const TEST_TIMEOUT_MS = 60_000;
/** Where each part of the suite leaves its figures (see tally.ts). */
const REPORT_DIRS = ['hardening', 'integration', 'e2e-secrets'];

export async function runHardening(): Promise<Counts> {
  const outDir = path.join(repoRoot, 'out', 'test', 'hardening');
  const files = findFiles(outDir, '.test.js');
  const counts = await runMochaProcess([
    '--no-config', '--ui', 'bdd', '--timeout', String(TEST_TIMEOUT_MS),
    '--require', path.join(outDir, 'support', 'rootHooks.js'),
    ...files,
  ]);
  const reports = REPORT_DIRS.map((dir) => readReport(path.join(artifactsDir, dir))).filter((r): r is HardeningReport => !!r);
  console.log(`\n${summaryLine(addReports(reports))}`);
  return counts;
}

if (require.main === module) {
  runHardening().then((c) => {
    console.log(`${c.passed} passed, ${c.failed} failed`);
    process.exit(c.failed > 0 ? 1 : 0);
  });
}
