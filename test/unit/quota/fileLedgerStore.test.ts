import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileLedgerStore } from '../../../src/quota/ledgerStore';
import { RequestLedger } from '../../../src/quota/requestLedger';
import { FakeClock } from '../../../sim/fakeClock';
import { RecordingLog } from '../../../sim/recordingLog';

/** The ledger's real storage: files in the extension's global storage folder, shared by every window. */
describe('file ledger store', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-ledger-')), 'globalStorage', 'requests');
  });
  afterEach(() => fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true }));

  it('creates its folder, appends, and reads only what was added since', async () => {
    const store = new FileLedgerStore(dir);
    const text = async (from: number, maxBytes = 100) => (await store.readFrom('a.log', from, maxBytes))?.bytes.toString('utf8');
    assert.strictEqual(await text(0), undefined, 'nothing yet, no folder yet');
    await store.append('a.log', 'one\n');
    await store.append('a.log', 'two\n');
    assert.strictEqual(await text(0), 'one\ntwo\n');
    assert.strictEqual(await text(4), 'two\n');
    assert.strictEqual(await text(2, 4), 'e\ntw', 'no more than asked for');
    assert.strictEqual(await text(8), undefined, 'unchanged: one stat, no read');
    assert.deepStrictEqual(await store.parts(), ['a.log']);
    await store.remove('a.log');
    assert.deepStrictEqual(await store.parts(), []);
  });

  it('shares one ledger between two windows and a restart, with no secret in it', async () => {
    const clock = new FakeClock();
    const open = () => new RequestLedger({ store: new FileLedgerStore(dir), clock, log: new RecordingLog() });
    const a = open();
    const b = open();
    a.record('periodic');
    b.record('command');
    b.recordPenalty({ since: clock.now(), until: clock.now() + 3600_000, reason: 'QUOTA_EXCEEDED' });
    await Promise.all([a.flushed(), b.flushed()]);
    await a.sync();
    assert.strictEqual(a.recent().length, 2);
    assert.ok(a.currentPenalty);
    const restarted = open();
    await restarted.sync();
    assert.deepStrictEqual(restarted.recent().map((e) => e.kind).sort(), ['command', 'periodic']);
    assert.strictEqual(restarted.currentPenalty?.reason, 'QUOTA_EXCEEDED');
    const text = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    assert.match(text, /^(\d+ [a-z]+ [0-9a-f]{12}( \d+ [A-Z_]+)?\n)+$/, 'only times, kinds and window ids');
  });
});
