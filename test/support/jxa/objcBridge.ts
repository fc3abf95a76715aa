import { deepUnwrap, NIL, NSDate, NSUTF8StringEncoding, unwrap, wrap } from './foundation';
import { DistributedNotificationCenter, ObjCInstance, RunLoop } from './notificationCenter';
import type { ScriptClock } from '../scriptClock';

// `$` and `ObjC`, JXA's Objective-C bridge, with the classes a helper script touches: $(value)
// wraps (nil without a value), $.NSFileHandle.fileHandleWithStandardOutput.writeData(...) writes to
// stdout at once, ObjC.registerSubclass defines a class whose instances come from
// $.Name.alloc.init, and the distributed notification centre with its run loop.

export interface BridgeHost {
  clock: ScriptClock;
  center: DistributedNotificationCenter;
  /** Each call into the system (it throws once the script must end). */
  call(): void;
  write(stream: 'stdout' | 'stderr', bytes: Buffer): void;
  failRegisterSubclass: boolean;
}

interface SubclassDefinition {
  name?: string;
  superclass?: string;
  methods?: Record<string, { types?: unknown; implementation: (...args: unknown[]) => unknown }>;
}

export function makeBridge(host: BridgeHost): { $: unknown; ObjC: unknown } {
  const { clock, center, call } = host;
  const runLoop = new RunLoop(clock, center);
  const standardOutput = {
    writeData(data: unknown) {
      call();
      const bytes = (data as { bytes?: Buffer })?.bytes;
      if (!Buffer.isBuffer(bytes)) throw new TypeError('writeData needs NSData');
      host.write('stdout', bytes);
    },
  };
  const classes: Record<string, object> = {
    NSFileHandle: {
      get fileHandleWithStandardOutput() {
        return standardOutput;
      },
    },
    NSDate: {
      dateWithTimeIntervalSinceNow: (seconds: number) => new NSDate(clock.now + Number(seconds) * 1000),
    },
    NSRunLoop: {
      get currentRunLoop() {
        return {
          runUntilDate(date: unknown) {
            call();
            runLoop.runUntilDate(date);
          },
        };
      },
    },
    NSDistributedNotificationCenter: {
      get defaultCenter() {
        return center;
      },
    },
  };
  const constants: Record<string, unknown> = { NSUTF8StringEncoding };
  const registered: Record<string, object> = {};

  const $ = new Proxy((...values: unknown[]) => (values.length === 0 ? NIL : wrap(values[0])), {
    get: (_target, key) => (typeof key === 'string' ? (classes[key] ?? registered[key] ?? constants[key]) : undefined),
  });

  const ObjC = {
    import(framework: string) {
      call();
      if (!['Foundation', 'Cocoa', 'AppKit'].includes(framework)) throw new Error(`ObjC.import: no framework named ${framework}`);
    },
    registerSubclass(definition: SubclassDefinition) {
      call();
      const name = definition?.name;
      if (!name) throw new TypeError('registerSubclass needs a name');
      if (host.failRegisterSubclass) throw new Error(`${name}: the Objective-C runtime refused the class`);
      if (classes[name] || registered[name]) throw new Error(`${name}: a class with that name exists`);
      const methods = definition.methods ?? {};
      registered[name] = {
        get alloc() {
          return {
            get init() {
              return new ObjCInstance(methods);
            },
          };
        },
      };
    },
    unwrap,
    deepUnwrap,
  };
  return { $, ObjC };
}
