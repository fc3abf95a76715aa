// The browser end-to-end suite: mocha over out/test/e2e/*.e2e.test.js in a child process;
// each test drives code-server through Chromium (see test/e2e/workbench.ts). Screenshots go to
// .test-artifacts/screenshots; `npm run screenshots` (--refresh-media) puts them in media/ for the README.
import * as path from 'path';
import { Counts, CRASHED } from './counts';
import { findFiles } from './findFiles';
import { runMochaProcess } from './mochaRun';
import { repoRoot } from '../../sim/editor/paths';
import { exitWith } from './summary';

const E2E_TIMEOUT_MS = 180_000;

export async function runE2E(options: { refreshMedia?: boolean } = {}): Promise<Counts> {
  const files = findFiles(path.join(repoRoot, 'out', 'test', 'e2e'), '.e2e.test.js');
  if (files.length === 0) {
    return { ...CRASHED, note: 'no e2e tests under out/test/e2e (was the project built?)' };
  }
  // --no-config: a .mocharc added at the root for other suites must not change this one.
  const env = options.refreshMedia ? { BACKBEAT_SCREENSHOTS_DIR: path.join(repoRoot, 'media', 'screenshots') } : undefined;
  return runMochaProcess(['--no-config', '--ui', 'bdd', '--timeout', String(E2E_TIMEOUT_MS), ...files], { env, grep: process.env.BACKBEAT_TEST_GREP || undefined });
}

if (require.main === module) {
  void runE2E({ refreshMedia: process.argv.includes('--refresh-media') }).then(exitWith);
}
