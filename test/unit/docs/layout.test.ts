import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findFiles } from '../../harness/findFiles';

// The folders of src/ are its layers (ARCHITECTURE.md); eslint.config.mjs enforces them room by
// room. A new room that the config does not list would escape every rule, and two files of one
// name make a newcomer guess which one is meant.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SRC = path.join(ROOT, 'src');

describe('the layout of src/', () => {
  const rooms = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

  it('has a layer rule for every room: eslint.config.mjs lists each folder of src/', () => {
    const config = fs.readFileSync(path.join(ROOT, 'eslint.config.mjs'), 'utf8');
    const listed = /const ROOMS = \[([^\]]*)\]/.exec(config)?.[1].match(/'([^']+)'/g)?.map((q) => q.slice(1, -1)) ?? [];
    assert.deepStrictEqual([...rooms].sort(), [...listed].sort());
  });

  it('describes every room in ARCHITECTURE.md', () => {
    const architecture = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    assert.deepStrictEqual(rooms.filter((room) => !architecture.includes(`src/${room}/`)), []);
  });

  it('gives no two source files the same name', () => {
    const byName = new Map<string, string[]>();
    for (const file of findFiles(SRC, '.ts')) {
      const name = path.basename(file);
      byName.set(name, [...(byName.get(name) ?? []), path.relative(ROOT, file)]);
    }
    assert.deepStrictEqual([...byName.values()].filter((files) => files.length > 1), []);
  });
});
