// Where the harness keeps things: the repo (found from this file, compiled or not),
// the shared cache of downloaded tools, and the gitignored per-run artifacts folder.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot(__dirname);

/** Tools reused across runs (code-server). Override with BACKBEAT_CACHE. */
export const cacheDir = process.env.BACKBEAT_CACHE ?? path.join(os.homedir(), '.cache', 'backbeat');

/** What a person may want to read after a run (logs, the .vsix); gitignored. Nothing
 *  runnable goes here: tools that walk the repo (eslint) would pick it up. */
export const artifactsDir = path.join(repoRoot, '.test-artifacts');

/** `.test-artifacts/<name>`, emptied: the latest run's output under a fixed name. */
export function cleanArtifactDir(name: string): string {
  const dir = path.join(artifactsDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A new empty folder outside the repo for one run's profiles and installed extensions. */
export function freshScratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `backbeat-${prefix}-`));
}
