import * as path from 'path';
import { artifactsDir } from '../../../sim/editor/paths';
import { tally, writeReport } from './tally';

// Loaded with `mocha --require`: any promise rejection nobody handled, anywhere in the suite,
// fails the test during which it happened; at the end the suite's figures are saved for its runner.

const HARDENING_ARTIFACTS = path.join(artifactsDir, 'hardening');

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

export const mochaHooks = {
  beforeAll(): void {
    process.on('unhandledRejection', onUnhandled);
  },
  async afterEach(): Promise<void> {
    // Rejections surface a turn after they happen: let them.
    await new Promise((resolve) => setImmediate(resolve));
    const found = unhandled.splice(0);
    if (found.length) {
      throw new Error(`unhandled promise rejection(s): ${found.map((r) => (r instanceof Error ? r.stack : String(r))).join('\n')}`);
    }
  },
  afterAll(): void {
    process.off('unhandledRejection', onUnhandled);
    writeReport(HARDENING_ARTIFACTS, tally);
  },
};
