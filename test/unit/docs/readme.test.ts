import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// The README is what a user reads before anything else: it names every command and setting the
// extension contributes, and stays short enough to read in a few minutes.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
// The manifest as VS Code shows it: each `%key%` replaced by its English from package.nls.json.
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'), (_key, value: unknown) =>
  typeof value === 'string' ? value.replace(/^%([^%]+)%$/, (placeholder, key: string) => nls[key] ?? placeholder) : value,
) as {
  contributes: { commands: { title: string; category: string }[]; configuration: { properties: Record<string, unknown> } };
};

describe('the README', () => {
  it('names every command of the Command Palette', () => {
    const missing = manifest.contributes.commands.map((c) => `**${c.category}: ${c.title}**`).filter((name) => !readme.includes(name));
    assert.deepStrictEqual(missing, []);
  });

  it('names every setting', () => {
    const missing = Object.keys(manifest.contributes.configuration.properties).filter((key) => !readme.includes(`\`${key}\``));
    assert.deepStrictEqual(missing, []);
  });

  it('stays short: the benchmark and development live in docs/benchmark.md and CONTRIBUTING.md', () => {
    const lines = readme.split('\n').length;
    assert.ok(lines <= 210, `${lines} lines`);
    for (const doc of ['docs/benchmark.md', 'CONTRIBUTING.md']) assert.ok(readme.includes(`](${doc})`), `links ${doc}`);
  });
});
