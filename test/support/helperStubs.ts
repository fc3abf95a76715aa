import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { LocalPlayerDeps } from '../../src/localPlayer/localPlayer';
import type { LocalPlayer, LocalPlayerState } from '../../src/localPlayer/localPlayer';
import { FakeClock } from '../../sim/fakeClock';
import { RecordingLog } from '../../sim/recordingLog';

// Puts the stand-ins for osascript and powershell (test/support/stubs) first on PATH for one
// test, tells them which recorded script output to replay, and reads back what they were asked.
// The stubs are plain files in the source tree; tests run from out/, so paths point back there.

const SOURCE_ROOT = path.resolve(__dirname, '..', '..', '..');
const STUBS_DIR = path.join(SOURCE_ROOT, 'test', 'support', 'stubs');
export const RECORDINGS_DIR = path.join(SOURCE_ROOT, 'test', 'support', 'recordings');
export const HELPERS = {
  macos: path.join(SOURCE_ROOT, 'src', 'localPlayer', 'macos', 'spotify.jxa.js'),
  windows: path.join(SOURCE_ROOT, 'src', 'localPlayer', 'windows', 'smtc.ps1'),
};

const KEYS = ['PATH', 'BACKBEAT_STUB_RECORDING', 'BACKBEAT_STUB_CALLS', 'BACKBEAT_STUB_FAIL', 'BACKBEAT_STUB_EXIT'] as const;

export class HelperStubs {
  private readonly saved = KEYS.map((key) => [key, process.env[key]] as const);
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-stubs-'));
  private readonly callsFile = path.join(this.dir, 'calls.jsonl');

  constructor(recording: string, options: { fail?: string; exitAfterReplay?: boolean } = {}) {
    process.env.PATH = `${STUBS_DIR}${path.delimiter}${process.env.PATH}`;
    process.env.BACKBEAT_STUB_RECORDING = path.join(RECORDINGS_DIR, recording);
    process.env.BACKBEAT_STUB_CALLS = this.callsFile;
    this.fail(options.fail);
    if (options.exitAfterReplay) process.env.BACKBEAT_STUB_EXIT = '1';
  }

  /** Makes commands fail with `message` from now on (undefined: succeed). */
  fail(message: string | undefined): void {
    if (message) process.env.BACKBEAT_STUB_FAIL = message;
    else delete process.env.BACKBEAT_STUB_FAIL;
  }

  /** Every invocation (argument lists) and stdin line the stubs received, in order. */
  calls(): unknown[] {
    if (!fs.existsSync(this.callsFile)) return [];
    return fs.readFileSync(this.callsFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  }

  restore(): void {
    for (const [key, value] of this.saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

type StubOptions = ConstructorParameters<typeof HelperStubs>[1];

/** An OS bridge started against the stubs, with every state it reported. */
export class StubbedBridge {
  readonly stubs: HelperStubs;
  readonly clock = new FakeClock(Date.now());
  readonly log = new RecordingLog();
  readonly seen: (LocalPlayerState | undefined)[] = [];
  readonly player: LocalPlayer;

  constructor(create: (deps: LocalPlayerDeps) => LocalPlayer, recording: string, options: StubOptions = {}) {
    this.stubs = new HelperStubs(recording, options);
    this.player = create({ clock: this.clock, log: this.log });
    this.player.onDidChange(() => this.seen.push(this.player.state));
    this.player.start();
  }

  close(): void {
    this.player.dispose();
    this.stubs.restore();
  }
}
