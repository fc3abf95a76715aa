// The unit suite: plain mocha in Node with its own config (test/unit/.mocharc.json).
import { Counts } from './counts';
import { runMochaProcess } from './mochaRun';

export function runUnit(): Promise<Counts> {
  return runMochaProcess(['--config', 'test/unit/.mocharc.json']);
}
