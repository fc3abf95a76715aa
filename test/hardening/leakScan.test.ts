import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { filesUnder, findLeaks } from '../support/hardening/leakScan';

/** The scanner the secret checks rely on finds what it must, and never repeats the secret it found. */
describe('hardening: the leak scanner itself', () => {
  const token = 'BQ' + 'x'.repeat(40) + '/+=';

  it('finds a secret as written and as URL-encoded, and names only the place', () => {
    const hits = findLeaks([token], [
      { place: 'clean', text: 'nothing here' },
      { place: 'raw', text: `Authorization: Bearer ${token}` },
      { place: 'encoded', text: `?access_token=${encodeURIComponent(token)}` },
    ]);
    assert.deepStrictEqual(hits.map((h) => h.split(' ')[0]), ['raw', 'encoded']);
    assert.ok(hits.every((h) => !h.includes(token)));
  });

  it('finds a secret inside any file under a folder, binary files included', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-leakscan-'));
    try {
      fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'a', 'b', 'state.vscdb'), Buffer.concat([Buffer.from([0, 1, 2, 255]), Buffer.from(token), Buffer.from([0])]));
      fs.writeFileSync(path.join(dir, 'clean.txt'), 'nothing');
      const hits = findLeaks([token], filesUnder(dir));
      assert.strictEqual(hits.length, 1);
      assert.match(hits[0], /state\.vscdb/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
