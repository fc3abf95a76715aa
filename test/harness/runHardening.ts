// The hardening suite: faults, a soak on a virtual clock, fuzzed callbacks and secret scans,
// on Node against the emulator (test/hardening). Its summary adds the secret scan of a real
// VS Code session (test/e2e/secrets.e2e.test.ts) when the e2e suite ran before it in the same
// `npm test`; reports left by earlier runs are never counted.
import * as path from 'path';
import { Counts } from './counts';
import { findFiles } from './findFiles';
import { runMochaProcess } from './mochaRun';
import { artifactsDir, repoRoot } from '../../sim/editor/paths';
import { exitWith } from './summary';
import { ensureRunId, hardeningSummary, readReport } from '../support/hardening/tally';

const TEST_TIMEOUT_MS = 60_000;
/** Where each part of the suite leaves its figures (see tally.ts), and what to call it. */
const PARTS: Record<string, string> = { hardening: 'Node', 'e2e-secrets': 'VS Code session' };

export async function runHardening(): Promise<Counts> {
  const runId = ensureRunId();
  const outDir = path.join(repoRoot, 'out', 'test', 'hardening');
  const files = findFiles(outDir, '.test.js');
  const counts = await runMochaProcess([
    '--no-config', '--ui', 'bdd', '--timeout', String(TEST_TIMEOUT_MS),
    '--require', path.join(repoRoot, 'out', 'test', 'support', 'hardening', 'rootHooks.js'),
    ...files,
  ]);
  const parts = Object.entries(PARTS).map(([dir, name]) => ({ name, report: readReport(path.join(artifactsDir, dir), runId) }));
  console.log(`\n${hardeningSummary(parts).join('\n')}`);
  return counts;
}

if (require.main === module) {
  void runHardening().then(exitWith);
}
