// The hardening suite: faults, a soak on a virtual clock, fuzzed callbacks and secret scans,
// on Node against the emulator (test/hardening). Its summary adds the secret scan of a real
// VS Code session (test/e2e/secrets.e2e.test.ts) when the e2e suite ran first in `npm test`.
import * as path from 'path';
import { Counts } from './counts';
import { findFiles, runMochaProcess } from './mochaRun';
import { artifactsDir, repoRoot } from './paths';
import { addReports, HardeningReport, readReport, summaryLine } from '../support/hardening/tally';

const TEST_TIMEOUT_MS = 60_000;
/** Where each part of the suite leaves its figures (see tally.ts), and what to call it. */
const PARTS: Record<string, string> = { hardening: 'Node', 'e2e-secrets': 'VS Code session' };

export async function runHardening(): Promise<Counts> {
  const outDir = path.join(repoRoot, 'out', 'test', 'hardening');
  const files = findFiles(outDir, '.test.js');
  const counts = await runMochaProcess([
    '--no-config', '--ui', 'bdd', '--timeout', String(TEST_TIMEOUT_MS),
    '--require', path.join(repoRoot, 'out', 'test', 'support', 'hardening', 'rootHooks.js'),
    ...files,
  ]);
  const found = Object.entries(PARTS).flatMap(([dir, name]) => {
    const report = readReport(path.join(artifactsDir, dir));
    return report ? [{ name, report }] : [];
  });
  const total: HardeningReport = addReports(found.map((f) => f.report));
  console.log(`\n${summaryLine(total)} [${found.map((f) => f.name).join(' + ')}]`);
  if (total.leaksFound > 0) console.log(`leaks at: ${total.leakPlaces.join('; ')}`);
  return counts;
}

if (require.main === module) {
  runHardening().then((c) => {
    console.log(`${c.passed} passed, ${c.failed} failed`);
    process.exit(c.failed > 0 ? 1 : 0);
  });
}
