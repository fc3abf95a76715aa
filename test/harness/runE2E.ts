// The browser end-to-end suite: mocha over out/test/e2e/*.e2e.test.js in a child process;
// each test drives code-server through Chromium (see test/e2e/workbench.ts). Screenshots go to
// .test-artifacts/screenshots; `npm run screenshots` (--refresh-media) puts them in media/ for the README.
import * as path from 'path';
import { Counts, CRASHED } from './counts';
import { findFiles, runMochaProcess } from './mochaRun';
import { repoRoot } from './paths';

const E2E_TIMEOUT_MS = 180_000;

export async function runE2E(options: { refreshMedia?: boolean } = {}): Promise<Counts> {
  const files = findFiles(path.join(repoRoot, 'out', 'test', 'e2e'), '.e2e.test.js');
  if (files.length === 0) {
    console.error('no e2e tests found under out/test/e2e (was the project built?)');
    return CRASHED;
  }
  const grep = process.env.BACKBEAT_TEST_GREP;
  // --no-config: a .mocharc added at the root for other suites must not change this one.
  const env = options.refreshMedia ? { BACKBEAT_SCREENSHOTS_DIR: path.join(repoRoot, 'media', 'screenshots') } : undefined;
  return runMochaProcess(['--no-config', '--ui', 'bdd', '--timeout', String(E2E_TIMEOUT_MS), ...(grep ? ['--grep', grep] : []), ...files], { env });
}

if (require.main === module) {
  runE2E({ refreshMedia: process.argv.includes('--refresh-media') }).then((c) => {
    console.log(`${c.passed} passed, ${c.failed} failed`);
    process.exit(c.failed > 0 ? 1 : 0);
  });
}
