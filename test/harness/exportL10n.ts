import * as fs from 'fs';
import * as path from 'path';
import { sourceFiles, translateCalls } from './l10nCalls';
import { repoRoot } from '../../sim/editor/paths';

// `npm run l10n-export`: writes l10n/bundle.l10n.json, every text of src/ a translator translates,
// in the format of `@vscode/l10n-dev export` (CONTRIBUTING.md, "Texts and translations").

const bundle: Record<string, string | { message: string; comment: string[] }> = {};
const unreadable: string[] = [];
for (const full of sourceFiles(path.join(repoRoot, 'src'))) {
  const calls = translateCalls(path.relative(repoRoot, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
  for (const { key, message, comment } of calls.found) bundle[key] = comment ? { message, comment } : message;
  unreadable.push(...calls.unreadable);
}
if (unreadable.length) {
  console.error(`l10n.t calls whose message is not a literal:\n${unreadable.join('\n')}`);
  process.exit(1);
}
const out = path.join(repoRoot, 'l10n', 'bundle.l10n.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`${Object.keys(bundle).length} messages written to ${path.relative(repoRoot, out)}`);
