// A tool run as one check (typecheck, lint): passes when it exits 0, output shown as is.
import * as path from 'path';
import { Counts } from './counts';
import { repoRoot } from '../../sim/editor/paths';
import { run } from '../../sim/editor/proc';

/** Runs a Node tool from the repo's node_modules, e.g. ('typescript/bin/tsc', ['-p', '.']). */
export async function nodeToolCheck(script: string, args: string[]): Promise<Counts> {
  try {
    await run(process.execPath, [path.join(repoRoot, 'node_modules', script), ...args], { cwd: repoRoot });
    return { passed: 1, failed: 0, skipped: 0 };
  } catch (err) {
    console.error((err as Error).message);
    return { passed: 0, failed: 1, skipped: 0 };
  }
}
