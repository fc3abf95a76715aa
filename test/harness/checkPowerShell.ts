// Part of `npm run lint` and of the lint suite: every PowerShell script in the repository must
// parse with the PowerShell grammar, and be plain ASCII (Windows PowerShell 5.1 reads a script
// without a byte order mark in the ANSI code page, so any other character would change).
// `node out/test/harness/checkPowerShell.js [file...]` checks the given files instead; it exits
// non-zero when one fails.
import * as fs from 'fs';
import * as path from 'path';
import { parsePowerShell, syntaxErrors } from '../support/powerShellGrammar';
import { Counts } from './counts';
import { findFiles } from './findFiles';
import { repoRoot } from '../../sim/editor/paths';

const SEARCHED = ['src', 'test'];

function nonAscii(source: string): string[] {
  return source.split('\n').flatMap((line, i) => {
    const column = line.search(/[^\x00-\x7f]/);
    return column < 0 ? [] : [`${i + 1}:${column + 1}: a non-ASCII character (Windows PowerShell would misread it)`];
  });
}

/** One check: passes when every file parses and is ASCII; prints each problem as file:line:column. */
export async function checkPowerShell(files = SEARCHED.flatMap((dir) => findFiles(path.join(repoRoot, dir), '.ps1'))): Promise<Counts> {
  if (files.length === 0) {
    console.error('PowerShell check: no script found');
    return { passed: 0, failed: 1, skipped: 0 };
  }
  let bad = 0;
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    const problems = [...syntaxErrors(await parsePowerShell(source)), ...nonAscii(source)];
    for (const problem of problems) console.error(`${path.relative(repoRoot, file)}:${problem}`);
    if (problems.length) bad++;
  }
  console.log(`PowerShell check: ${files.length - bad} of ${files.length} scripts parse and are ASCII`);
  return bad ? { passed: 0, failed: 1, skipped: 0 } : { passed: 1, failed: 0, skipped: 0 };
}

if (require.main === module) {
  const files = process.argv.slice(2).map((file) => path.resolve(file));
  checkPowerShell(files.length ? files : undefined).then(
    (counts) => (process.exitCode = counts.failed ? 1 : 0),
    (err: Error) => {
      console.error(`PowerShell check: ${err.message}`);
      process.exitCode = 1;
    },
  );
}
