import * as assert from 'assert';
import { SILENT_MS } from '../../../src/localPlayer/provenAlive';
import type { EmulatorDesktopPlayer } from '../../../sim/emulatorDesktopPlayer';
import { Rig } from '../../support/hardening/rig';

// A helper that hangs (macOS or Windows, where nothing here runs them) must never freeze the status
// bar: through the core's real wiring against the emulator, its desktop app reported by a helper
// with a heartbeat on the same simulated clock.

const SECOND = 1_000;
const MINUTE = 60_000;
/** The promise: the Web API takes over within 20 s of the helper falling silent. */
const TAKEOVER_MS = 20 * SECOND;

describe('a local helper that falls silent', () => {
  let rig: Rig;
  let local: EmulatorDesktopPlayer;

  beforeEach(async () => {
    rig = await Rig.start({ stateLagMs: 0 }, { localPlayer: 'helper' });
    local = rig.local!;
    await rig.signIn();
    await wait(0);
  });

  afterEach(async () => {
    await rig?.close();
  });

  async function wait(ms: number): Promise<void> {
    await rig.clock.advance(ms);
    while (rig.reader.inFlight) await rig.pump(rig.reader.inFlight);
  }

  const shown = () => rig.state.snapshot?.item?.name;

  it('is stopped after 15 s, and the Web API shows what plays within 20 s', async () => {
    assert.strictEqual(rig.state.source, 'local', 'the desktop app is the truth while its helper speaks');
    await wait(5 * MINUTE);
    assert.strictEqual(rig.state.source, 'local', 'heartbeats keep it the truth');
    local.silence(true);
    rig.emu.desktop({ type: 'next' });
    const truth = rig.emu.snapshot().itemName;
    assert.notStrictEqual(shown(), truth, 'the hung helper did not report the change');
    await wait(SILENT_MS - SECOND);
    assert.strictEqual(rig.state.source, 'local', 'not before 15 s of silence');
    let waited = SILENT_MS - SECOND;
    while (shown() !== truth && waited < TAKEOVER_MS) {
      await wait(SECOND / 2);
      waited += SECOND / 2;
    }
    assert.strictEqual(shown(), truth, `the status bar shows what plays within ${TAKEOVER_MS / 1000} s`);
    assert.strictEqual(rig.state.source, 'webApi');
    assert.ok(rig.log.lines.some((l) => l.includes('said nothing for 15 s')), 'the log says why');
  });

  it('is started again with back-off, and the desktop app is the truth again once it speaks', async () => {
    local.silence(true);
    await wait(SILENT_MS + SECOND / 2);
    assert.strictEqual(local.watched, false, 'the silent helper was stopped');
    const starts = local.starts;
    await wait(SECOND);
    assert.strictEqual(local.starts, starts + 1, 'started again after 1 s');
    await wait(SILENT_MS);
    assert.strictEqual(local.watched, false, 'still silent: stopped again');
    await wait(2 * SECOND);
    assert.strictEqual(local.starts, starts + 2, 'and started again after 2 s');
    local.silence(false);
    await wait(0);
    assert.strictEqual(rig.state.source, 'local');
    assert.strictEqual(shown(), rig.emu.snapshot().itemName);
  });

  it('a helper that says Spotify is not running may rest: it is not restarted', async () => {
    rig.emu.configure({ desktopRunning: false });
    await wait(0);
    local.silence(true);
    const starts = local.starts;
    await wait(5 * MINUTE);
    assert.strictEqual(local.starts, starts);
    assert.ok(!rig.log.lines.some((l) => l.includes('said nothing')));
  });
});
