import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { makeApplication } from './applicationObject';
import { makeBridge } from './objcBridge';
import { ScriptEnded, VirtualMac } from './virtualMac';

// A stand-in JXA runtime, written from Apple's documentation and checked against how public JXA
// scripts use it (none of it comes from Backbeat's script):
// - Apple, "JavaScript for Automation Release Notes", OS X 10.10 and 10.11
//   (developer.apple.com/library/archive/releasenotes/InterapplicationCommunication/RN-JavaScriptForAutomation/):
//   Application objects and specifiers, run(argv), delay(), console.log, ObjC.import, $(), ObjC.unwrap
//   and deepUnwrap, ObjC.registerSubclass;
// - Apple's Foundation reference: NSRunLoop runUntilDate: (returns at once without input sources),
//   NSDistributedNotificationCenter (observers are not retained), NSFileHandle, NSString;
// - Apple, "AppleScript Language Guide", error numbers (-1743 not authorized, -2700, -10006);
// - public scripts and threads: JXA-Cookbook's wiki on the ObjC bridge; menu-bar apps observing
//   com.spotify.client.PlaybackStateChanged; artemgordinskiy/Spotifree issue #40 and
//   joshspicer/SpotStatus pull request #5 (an Apple event as Spotify quits starts it again).
//
// `osascript -l JavaScript script.js args...` on the stand-in Mac: the script runs in its own
// context with JXA's globals (Application, ObjC, $, delay, console.log to stderr, and a Date on
// the virtual clock), then `run(argv)` is called as osascript does. A value it returns is
// printed; an uncaught error is printed as osascript prints it and the exit code is 1.

/** Real time a script may run without calling into the system (an endless pure-JS loop). */
const REAL_TIMEOUT_MS = 20_000;
/** The wall-clock time at the virtual start. */
const EPOCH = Date.UTC(2026, 10, 28, 12);
const VIRTUAL_DATE = `(function (now) {
  return class extends Date {
    constructor(...args) { if (args.length) super(...args); else super(now()); }
    static now() { return now(); }
  };
})`;

export interface OsascriptResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function osascript(mac: VirtualMac, scriptPath: string, argv: string[]): OsascriptResult {
  const call = () => mac.call();
  const { $, ObjC } = makeBridge({
    clock: mac.clock,
    center: mac.center,
    call,
    write: (stream, bytes) => mac.write(stream, bytes),
    failRegisterSubclass: mac.failRegisterSubclass,
  });
  const context = vm.createContext({
    Application: makeApplication({ Spotify: mac.spotify }, call),
    ObjC,
    $,
    delay(seconds: number) {
      call();
      mac.clock.advanceTo(mac.clock.now + Math.max(0, Number(seconds) || 0) * 1000);
    },
    console: { log: (...parts: unknown[]) => mac.write('stderr', Buffer.from(parts.map(String).join(' ') + '\n')) },
    osascriptArgv: argv,
  });
  context.Date = vm.runInContext(VIRTUAL_DATE, context)(() => EPOCH + mac.clock.now);
  const name = path.basename(scriptPath);
  const exitCode = ((): number => {
    try {
      vm.runInContext(fs.readFileSync(scriptPath, 'utf8'), context, { filename: name, timeout: REAL_TIMEOUT_MS });
      const result: unknown = vm.runInContext('run(osascriptArgv)', context, { timeout: REAL_TIMEOUT_MS });
      if (result !== undefined) mac.write('stdout', Buffer.from(`${String(result)}\n`));
      return 0;
    } catch (error) {
      if (error instanceof ScriptEnded) return error.why === 'stdout closed' ? 141 : 137;
      const number = (error as { errorNumber?: number })?.errorNumber ?? -2700;
      mac.output.push({ at: mac.clock.now, stream: 'stderr', bytes: Buffer.from(`${name}: execution error: Error: ${String(error)} (${number})\n`) });
      return 1;
    }
  })();
  const text = (stream: 'stdout' | 'stderr') => Buffer.concat(mac.output.filter((o) => o.stream === stream).map((o) => o.bytes)).toString('utf8');
  return { exitCode, stdout: text('stdout'), stderr: text('stderr') };
}
