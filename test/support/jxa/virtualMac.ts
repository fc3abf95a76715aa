import * as v8 from 'v8';
import * as vm from 'vm';
import { ScriptClock } from '../scriptClock';
import { DistributedNotificationCenter } from './notificationCenter';
import { SpotifyApp, SpotifyOptions } from './spotifyApp';

// One Mac for one run of a script: virtual time, Spotify.app, the distributed notification
// centre, and the script's output with the virtual time of each write. The test schedules what
// the user does (`at(seconds, ...)`) and when Backbeat goes away (stdout closes). The process
// ends as a real one would: writing to the closed stdout ends it (SIGPIPE); one that spins, or
// stays silent long after, is killed (Backbeat's watchdog would).

/** Calls into the system without time moving, beyond which the script counts as spinning. */
const MAC_SPIN_LIMIT = 500;

export const SPOTIFY_NOTIFICATION = 'com.spotify.client.PlaybackStateChanged';

// A real collection: V8's gc() (flag set at run time, no node option needed). The script runs as
// one synchronous job, and WeakRef keeps what it saw alive until the job's end; a run in a
// context with its own microtask checkpoint ends that, so only reachability decides.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const checkpoint = vm.createContext({}, { microtaskMode: 'afterEvaluate' });

/** After stdout closed, how long a silent script lives before it is killed. */
const KILL_AFTER_MS = 15_000;

export type EndReason = 'stdout closed' | 'spinning' | 'killed';

export class ScriptEnded extends Error {
  constructor(readonly why: EndReason) {
    super(`the script was ended: ${why}`);
  }
}

export interface MacOptions {
  spotify?: SpotifyOptions;
  /** ObjC.registerSubclass throws. */
  failRegisterSubclass?: boolean;
  /** addObserver:selector:name:object: throws. */
  failAddObserver?: boolean;
  /** When Backbeat goes away and the script's stdout closes (seconds). */
  stdoutClosesAt?: number;
}

export class VirtualMac {
  readonly clock = new ScriptClock(MAC_SPIN_LIMIT);
  readonly center: DistributedNotificationCenter;
  readonly spotify: SpotifyApp;
  readonly failRegisterSubclass: boolean;
  readonly output: { at: number; stream: 'stdout' | 'stderr'; bytes: Buffer }[] = [];
  ended: ScriptEnded | undefined;
  private readonly closesAt: number;

  constructor(options: MacOptions = {}) {
    this.center = new DistributedNotificationCenter(options.failAddObserver);
    this.spotify = new SpotifyApp(this.clock, (userInfo) => this.center.post(SPOTIFY_NOTIFICATION, userInfo), options.spotify);
    this.failRegisterSubclass = options.failRegisterSubclass ?? false;
    this.closesAt = (options.stdoutClosesAt ?? 30) * 1000;
  }

  /** Schedules something (the user in Spotify, a collection) at a virtual time in seconds. */
  at(seconds: number, what: (mac: this) => void): this {
    this.clock.at(seconds * 1000, () => what(this));
    return this;
  }

  /** The bridge's garbage collection: frees every object the script no longer references. */
  collectGarbage(): void {
    vm.runInContext('0', checkpoint);
    gc();
  }

  /** Every call the script makes into the system passes here. */
  call(): void {
    if (this.ended) throw this.ended;
    if (this.clock.call()) this.end('spinning');
    if (this.clock.now > this.closesAt + KILL_AFTER_MS) this.end('killed');
  }

  write(stream: 'stdout' | 'stderr', bytes: Buffer): void {
    if (this.ended) throw this.ended;
    if (stream === 'stdout' && this.clock.now >= this.closesAt) this.end('stdout closed');
    this.output.push({ at: this.clock.now, stream, bytes });
  }

  /** What the script wrote on `stream`, line by line, each with the virtual time it came (ms). */
  lines(stream: 'stdout' | 'stderr' = 'stdout'): { at: number; text: string }[] {
    return this.output
      .filter((o) => o.stream === stream)
      .flatMap((o) => o.bytes.toString('utf8').split('\n').filter(Boolean).map((text) => ({ at: o.at, text })));
  }

  private end(why: EndReason): never {
    this.ended = new ScriptEnded(why);
    throw this.ended;
  }
}
