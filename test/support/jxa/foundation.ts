// The Foundation objects the JXA Objective-C bridge hands a script, as far as a helper script
// uses them. Following JXA's release notes: methods without arguments read as properties
// (`$.NSFileHandle.fileHandleWithStandardOutput`, `alloc.init`), methods with arguments are called
// by their selector in camel case (`dataUsingEncoding`, `addObserverSelectorNameObject`), `.js`
// and `ObjC.unwrap` give the JavaScript value, `isNil()` tells nil apart.

export class ObjCObject {
  isNil(): boolean {
    return false;
  }
}

export class Nil extends ObjCObject {
  override isNil(): boolean {
    return true;
  }
  get js(): undefined {
    return undefined;
  }
}

export const NIL = new Nil();

export class NSString extends ObjCObject {
  constructor(readonly value: string) {
    super();
  }
  get js(): string {
    return this.value;
  }
  dataUsingEncoding(encoding: number): NSData | Nil {
    return encoding === NSUTF8StringEncoding ? new NSData(Buffer.from(this.value, 'utf8')) : NIL;
  }
}

export class NSNumber extends ObjCObject {
  constructor(readonly value: number | boolean) {
    super();
  }
  get js(): number | boolean {
    return this.value;
  }
}

export class NSData extends ObjCObject {
  constructor(readonly bytes: Buffer) {
    super();
  }
}

export class NSArray extends ObjCObject {
  constructor(readonly items: ObjCObject[]) {
    super();
  }
  get js(): ObjCObject[] {
    return [...this.items];
  }
}

export class NSDictionary extends ObjCObject {
  constructor(readonly entries: Map<string, ObjCObject>) {
    super();
  }
  objectForKey(key: unknown): ObjCObject {
    return this.entries.get(String(unwrap(key))) ?? NIL;
  }
  /** Shallow, as `.js` is: the values stay wrapped (ObjC.deepUnwrap goes all the way). */
  get js(): Record<string, ObjCObject> {
    return Object.fromEntries(this.entries);
  }
}

export class NSDate extends ObjCObject {
  constructor(readonly ms: number) {
    super();
  }
}

export class NSNotification extends ObjCObject {
  constructor(
    readonly name: NSString,
    readonly userInfo: NSDictionary,
  ) {
    super();
  }
}

export const NSUTF8StringEncoding = 4;

/** A JavaScript value as the bridge passes it to Objective-C. */
export function wrap(value: unknown): ObjCObject {
  if (value instanceof ObjCObject) return value;
  if (value === undefined || value === null) return NIL;
  if (typeof value === 'string') return new NSString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return new NSNumber(value);
  if (Array.isArray(value)) return new NSArray(value.map(wrap));
  if (typeof value === 'object') return new NSDictionary(new Map(Object.entries(value).map(([k, v]) => [k, wrap(v)])));
  throw new TypeError(`the bridge cannot pass ${typeof value}`);
}

export function unwrap(value: unknown): unknown {
  return value instanceof ObjCObject && 'js' in value ? (value as { js: unknown }).js : value;
}

export function deepUnwrap(value: unknown): unknown {
  if (value instanceof NSArray) return value.items.map(deepUnwrap);
  if (value instanceof NSDictionary) return Object.fromEntries([...value.entries].map(([k, v]) => [k, deepUnwrap(v)]));
  return unwrap(value);
}
