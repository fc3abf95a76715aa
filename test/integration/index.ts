// Entry point VS Code's extension host loads for the integration suite (extensionTestsPath):
// runs every compiled *.test.js under this folder with mocha and prints the counts on one
// machine-readable line, because the runner outside cannot read mocha's state.
import { CRASHED, resultLine } from '../harness/counts';
import { findFiles } from '../harness/findFiles';
import { runMocha } from '../harness/mochaRun';

const TEST_TIMEOUT_MS = 20_000;

export async function run(): Promise<void> {
  const files = findFiles(__dirname, '.test.js');
  let counts;
  try {
    counts = await runMocha(files, {
      ui: 'bdd',
      timeout: TEST_TIMEOUT_MS,
      color: false,
      // Lets a developer run part of the suite: BACKBEAT_TEST_GREP reaches the extension host.
      grep: process.env.BACKBEAT_TEST_GREP || undefined,
    });
  } catch (err) {
    console.log(resultLine(CRASHED)); // a test file threw while loading
    throw err;
  }
  console.log(resultLine(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
  // Desktop runs (test-electron) read only the exit code: a run of nothing must not pass.
  if (counts.passed === 0) throw new Error('no integration test ran');
}
