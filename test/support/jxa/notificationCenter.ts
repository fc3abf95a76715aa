import { NSDictionary, NSNotification, NSString, ObjCObject, unwrap, wrap } from './foundation';
import type { ScriptClock } from '../scriptClock';

// NSDistributedNotificationCenter and the run loop that delivers its notifications.
// Apple's documentation: the centre does not retain its observers; notifications reach a process
// only while its run loop runs; `runUntilDate:` returns at once when the run loop has no input
// sources. The centre holds each observer through a WeakRef, so an observer nothing in the script
// references is really freed when the stand-in's garbage collection runs (the JXA bridge frees
// such objects too), and from then on its notifications go nowhere.

/** An instance of a class the script registered with ObjC.registerSubclass. */
export class ObjCInstance extends ObjCObject {
  constructor(private readonly methods: Record<string, { implementation: (...args: unknown[]) => unknown }>) {
    super();
    for (const selector of Object.keys(methods)) {
      const name = selector.replace(/:(.)/g, (_m, c: string) => c.toUpperCase()).replace(/:$/, '');
      Object.defineProperty(this, name, { value: (...args: unknown[]) => this.perform(selector, args) });
    }
  }

  perform(selector: string, args: unknown[]): unknown {
    const method = this.methods[selector];
    if (!method) throw new Error(`unrecognized selector sent to instance: ${selector}`);
    return method.implementation.apply(this, args);
  }
}

interface Registration {
  observer: WeakRef<ObjCInstance>;
  selector: string;
  name: string;
}

export class DistributedNotificationCenter {
  private registrations: Registration[] = [];
  private queue: { name: string; userInfo: Record<string, unknown> }[] = [];
  /** Once an observer was added, the centre's port is a source of this process's run loop. */
  hasInputSource = false;

  constructor(private readonly failAdd = false) {}

  addObserverSelectorNameObject(observer: unknown, selector: unknown, name: unknown, _object: unknown): void {
    if (this.failAdd) throw new Error('NSDistributedNotificationCenter: could not reach distnoted');
    if (!(observer instanceof ObjCInstance)) throw new TypeError('observer must be an Objective-C object');
    this.registrations.push({ observer: new WeakRef(observer), selector: String(unwrap(selector)), name: String(unwrap(name)) });
    this.hasInputSource = true;
  }

  /** Observers still alive for `name` (a test reads this after a collection). */
  observers(name: string): number {
    return this.registrations.filter((r) => r.name === name && r.observer.deref()).length;
  }

  /** Another process posts: queued for this process when someone here observes that name. */
  post(name: string, userInfo: Record<string, unknown>): void {
    if (this.observers(name)) this.queue.push({ name, userInfo });
  }

  /** The run loop hands over what is queued, oldest first, to the observers still alive. */
  deliver(): void {
    while (this.queue.length) {
      const { name, userInfo } = this.queue.shift()!;
      for (const registration of this.registrations.filter((r) => r.name === name)) {
        const observer = registration.observer.deref();
        if (!observer) continue;
        observer.perform(registration.selector, [new NSNotification(new NSString(name), wrap(userInfo) as NSDictionary)]);
      }
    }
  }
}

export class RunLoop extends ObjCObject {
  constructor(
    private readonly clock: ScriptClock,
    private readonly center: DistributedNotificationCenter,
  ) {
    super();
  }

  /** Runs until `date`, delivering notifications as they come; at once without input sources. */
  runUntilDate(date: unknown): void {
    const until = (date as { ms?: number })?.ms;
    if (typeof until !== 'number') throw new TypeError('runUntilDate needs an NSDate');
    if (!this.center.hasInputSource) return;
    do this.center.deliver();
    while (this.clock.runNextBy(until));
    this.clock.advanceTo(until);
  }
}
