// Builds the installable .vsix the e2e test and the sandbox install, the way a user gets it.
// The bundle in dist/ holds all runtime code, so no node_modules go into the package.
import * as fs from 'fs';
import * as path from 'path';
import { artifactsDir, repoRoot } from './paths';
import { run } from './proc';

const VSCE = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Bundles (when the extension has esbuild.mjs) and packages `extensionRoot`; returns the .vsix path. */
export async function packageExtension(extensionRoot = repoRoot, out = path.join(artifactsDir, 'backbeat-spotify.vsix')): Promise<string> {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.rmSync(out, { force: true });
  // The log goes with the other artifacts, which a fresh clone (`npm run sandbox` first) has none of yet.
  fs.mkdirSync(artifactsDir, { recursive: true });
  const logFile = path.join(artifactsDir, 'package.log');
  fs.writeFileSync(logFile, '');
  console.log(`[package] ${out} (log: ${logFile})`);
  if (fs.existsSync(path.join(extensionRoot, 'esbuild.mjs'))) {
    await run(process.execPath, ['esbuild.mjs'], { cwd: extensionRoot, logFile });
  }
  // --skip-license: vsce would otherwise stop at a y/N prompt when LICENSE is missing.
  await run(process.execPath, [VSCE, 'package', '--no-dependencies', '--skip-license', '--out', out], { cwd: extensionRoot, logFile });
  return out;
}
