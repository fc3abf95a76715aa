import { ScriptClock } from '../scriptClock';

// The .NET Framework 4.x surface smtc.ps1 touches, written from Microsoft's reference
// (learn.microsoft.com/dotnet/api): Hashtable, TimeSpan, DateTime, DateTimeOffset, Task,
// StreamReader/StreamWriter, Regex, Type and MethodInfo. Only the members the script uses exist;
// any other member is a NotSupported error in the interpreter, not a silent $null.

/** The script can go no further: it blocked forever, or spun without ever waiting. */
export class ScriptStuck extends Error {}

/** An exception thrown inside .NET; the interpreter wraps it as PowerShell does. */
export class DotNetError extends Error {}

/** What a void method returns: writing it to the pipeline writes nothing. */
export const VOID = Symbol('void');

/** System.Collections.Hashtable as @{} makes it: keys compare without case. Iteration here keeps
 * insertion order, which PowerShell 5.1 does not promise (see convertToJson). */
export class Hashtable {
  private readonly entries = new Map<string, [unknown, unknown]>();
  private static id = (key: unknown): string => (typeof key === 'string' ? `s:${key.toLowerCase()}` : `${typeof key}:${String(key)}`);
  has(key: unknown): boolean {
    return this.entries.has(Hashtable.id(key));
  }
  get(key: unknown): unknown {
    return this.entries.get(Hashtable.id(key))?.[1] ?? null;
  }
  set(key: unknown, value: unknown): void {
    const id = Hashtable.id(key);
    this.entries.set(id, [this.entries.get(id)?.[0] ?? key, value]);
  }
  pairs(): [unknown, unknown][] {
    return [...this.entries.values()];
  }
}

export interface PsType {
  psType: true;
  Name: string;
  FullName: string;
  /** What [T]::Member reaches. */
  statics: object;
  GetMethods?(): MethodInfo[];
  ToString(): string;
}
export const isPsType = (v: unknown): v is PsType => typeof v === 'object' && v !== null && (v as PsType).psType === true;

export function psType(fullName: string, statics: object = {}, more: Partial<PsType> = {}): PsType {
  return { psType: true, Name: fullName.split('.').pop()!, FullName: fullName, statics, ToString: () => fullName, ...more };
}

/** Milliseconds from 0001-01-01 (DateTime tick 0) to the Unix epoch. */
const MS_BEFORE_UNIX = 62_135_596_800_000;
const TICKS_PER_MS = 10_000;
/** Ticks since 0001-01-01 pass 2^53: they are BigInt here, the moments kept as Unix ms. */
const ticksOf = (unixMs: number): bigint => BigInt(Math.round((unixMs + MS_BEFORE_UNIX) * TICKS_PER_MS));

/** System.TimeSpan: a count of 100 ns ticks. */
export class TimeSpan {
  constructor(readonly Ticks: number) {}
  static fromMs(ms: number): TimeSpan {
    return new TimeSpan(Math.round(ms * TICKS_PER_MS));
  }
  get TotalMilliseconds(): number {
    return this.Ticks / TICKS_PER_MS;
  }
  get compareKey(): number {
    return this.Ticks;
  }
  op_Subtraction(other: unknown): TimeSpan {
    if (!(other instanceof TimeSpan)) throw new DotNetError('TimeSpan minus something else');
    return new TimeSpan(this.Ticks - other.Ticks);
  }
  ToString(): string {
    return `${this.TotalMilliseconds} ms`;
  }
}

/** System.DateTime (UTC here). MinValue is 0001-01-01, tick 0. */
export class DateTime {
  constructor(readonly unixMs: number) {}
  static readonly MinValue = new DateTime(-MS_BEFORE_UNIX);
  get Ticks(): bigint {
    return ticksOf(this.unixMs);
  }
  get compareKey(): number {
    return this.unixMs;
  }
  AddMilliseconds(ms: number): DateTime {
    return new DateTime(this.unixMs + ms);
  }
  op_Subtraction(other: unknown): TimeSpan {
    if (!(other instanceof DateTime)) throw new DotNetError('DateTime minus something else');
    return TimeSpan.fromMs(this.unixMs - other.unixMs);
  }
  ToString(): string {
    return new Date(this.unixMs).toISOString();
  }
}

/** System.DateTimeOffset: a moment (UtcTicks) and an offset; subtracting compares moments. */
export class DateTimeOffset {
  constructor(readonly unixMs: number) {}
  get UtcTicks(): bigint {
    return ticksOf(this.unixMs);
  }
  get compareKey(): number {
    return this.unixMs;
  }
  op_Subtraction(other: unknown): TimeSpan {
    if (!(other instanceof DateTimeOffset)) throw new DotNetError('DateTimeOffset minus something else');
    return TimeSpan.fromMs(this.unixMs - other.unixMs);
  }
  ToString(): string {
    return new Date(this.unixMs).toISOString();
  }
}

/** How an asynchronous operation ends: when (never: undefined) and with what. */
export interface Outcome<T> {
  at: number | undefined;
  result?: T;
  error?: string;
}

/**
 * System.Threading.Tasks.Task<TResult>. Wait(Int32) returns true if the task completed within
 * the time, false otherwise, and throws an AggregateException ("One or more errors occurred.")
 * if it faulted. Result blocks until the task completes and throws the same way. Here blocking
 * moves the virtual clock; a Result that would block forever is a stuck script.
 */
export class Task<T> {
  constructor(private readonly clock: ScriptClock, private readonly outcome: () => Outcome<T>) {}

  Wait(ms: number): boolean {
    if (!Number.isInteger(ms) || ms < -1) throw new DotNetError('The timeout must be -1 or a non-negative Int32.');
    const { at } = this.outcome();
    const deadline = ms === -1 ? Infinity : this.clock.now + ms;
    if (at !== undefined && at <= deadline) {
      this.clock.advanceTo(Math.max(at, this.clock.now));
      this.throwIfFaulted();
      return true;
    }
    if (deadline === Infinity) throw new ScriptStuck(`Wait(-1) on a task that never completes, at ${this.clock.now} ms`);
    this.clock.advanceTo(deadline);
    return false;
  }

  get Result(): T | null {
    const { at, result } = this.outcome();
    if (at === undefined) throw new ScriptStuck(`.Result of a task that never completes blocked the script forever, at ${this.clock.now} ms`);
    this.clock.advanceTo(Math.max(at, this.clock.now));
    this.throwIfFaulted();
    return result ?? null;
  }

  private throwIfFaulted(): void {
    if (this.outcome().error !== undefined) throw new DotNetError('One or more errors occurred.');
  }
}

/** A WinRT IAsyncOperation<TResult>; only WindowsRuntimeSystemExtensions.AsTask makes it awaitable
 * from Windows PowerShell (it has no await, and the projected interface offers no Wait). */
export class AsyncOperation<T> {
  constructor(readonly outcome: Outcome<T>) {}
  ToString(): string {
    return 'System.__ComObject';
  }
}

interface MethodInfo {
  Name: string;
  GetParameters(): { ParameterType: { Name: string } }[];
  MakeGenericMethod(...types: PsType[]): MethodInfo;
  Invoke(target: unknown, args: unknown[]): unknown;
  ToString(): string;
}

/**
 * System.WindowsRuntimeSystemExtensions (System.Runtime.WindowsRuntime.dll) as GetMethods()
 * lists it: the AsTask overloads for IAsyncAction, IAsyncActionWithProgress<P>,
 * IAsyncOperation<T> and IAsyncOperationWithProgress<T,P>, each also with a CancellationToken
 * (and progress), and the GetAwaiter/AsAsync* methods. Only AsTask<T>(IAsyncOperation<T>) runs.
 */
export function windowsRuntimeSystemExtensions(clock: ScriptClock): PsType {
  const method = (name: string, parameters: string[], run?: (op: unknown) => unknown, generic = false): MethodInfo => ({
    Name: name,
    GetParameters: () => parameters.map((p) => ({ ParameterType: { Name: p } })),
    MakeGenericMethod: () => method(name, parameters, run, false),
    Invoke(target, args) {
      if (generic) throw new DotNetError('Late bound operations cannot be performed on types or methods for which ContainsGenericParameters is true.');
      if (!run) throw new DotNetError(`${name} is not part of the stand-in`);
      if (target !== null || !Array.isArray(args) || args.length !== parameters.length) throw new DotNetError('Parameter count mismatch.');
      return run(args[0]);
    },
    ToString: () => `${name}(${parameters.join(', ')})`,
  });
  const asTask = (op: unknown) => {
    if (!(op instanceof AsyncOperation)) throw new DotNetError("Object of type 'System.Object' cannot be converted to type 'IAsyncOperation`1'.");
    const outcome = (op as AsyncOperation<unknown>).outcome;
    return new Task(clock, () => outcome);
  };
  const methods: MethodInfo[] = [
    method('AsTask', ['IAsyncAction']),
    method('AsTask', ['IAsyncAction', 'CancellationToken']),
    method('AsTask', ['IAsyncActionWithProgress`1'], undefined, true),
    method('AsTask', ['IAsyncActionWithProgress`1', 'CancellationToken'], undefined, true),
    method('AsTask', ['IAsyncOperation`1'], asTask, true),
    method('AsTask', ['IAsyncOperation`1', 'CancellationToken'], undefined, true),
    method('AsTask', ['IAsyncOperationWithProgress`2'], undefined, true),
    method('AsTask', ['IAsyncOperationWithProgress`2', 'CancellationToken'], undefined, true),
    method('GetAwaiter', ['IAsyncAction']),
    method('GetAwaiter', ['IAsyncOperation`1'], undefined, true),
    method('AsAsyncAction', ['Task']),
    method('AsAsyncOperation', ['Task`1'], undefined, true),
    method('ToString', []),
    method('Equals', ['Object']),
    method('GetHashCode', []),
    method('GetType', []),
  ];
  return psType('System.WindowsRuntimeSystemExtensions', {}, { GetMethods: () => methods });
}

/** System.Text.RegularExpressions.Regex with RegexOptions.IgnoreCase or None. */
export class Regex {
  private readonly re: RegExp;
  constructor(pattern: string, options: unknown, toJs: (pattern: string, ignoreCase: boolean) => RegExp) {
    if (options !== undefined && !/^(IgnoreCase|None)$/i.test(String(options))) throw new DotNetError(`RegexOptions ${String(options)} is not part of the stand-in`);
    this.re = toJs(pattern, /^IgnoreCase$/i.test(String(options)));
  }
  IsMatch(input: unknown): boolean {
    if (input === null || input === undefined) throw new DotNetError('Value cannot be null.\r\nParameter name: input');
    return this.re.test(String(input));
  }
}

/** The process's standard input as StreamReader sees it: lines, then the end (null). */
export class StdinReader {
  private next = 0;
  constructor(private readonly clock: ScriptClock, private readonly lines: { at: number; line: string | null }[]) {}

  /** StreamReader.ReadLineAsync: the next line, or null once the stream has ended. (.NET allows
   * one pending read at a time; the stand-in does not check that.) */
  ReadLineAsync(): Task<string> {
    const entry = this.lines[this.next];
    if (entry && entry.line !== null) this.next++;
    const outcome: Outcome<string> = entry ? { at: entry.at, result: entry.line ?? undefined } : { at: undefined };
    return new Task(this.clock, () => outcome);
  }
}

/** StreamWriter over stdout: each WriteLine is one line, with the virtual time it was written.
 * Without AutoFlush a StreamWriter keeps what it writes in its buffer: Backbeat would see nothing. */
export class StdoutWriter {
  AutoFlush = false;
  private readonly buffered: { at: number; text: string }[] = [];
  constructor(private readonly clock: ScriptClock, private readonly lines: { at: number; text: string }[]) {}
  WriteLine(text: unknown): typeof VOID {
    this.buffered.push({ at: this.clock.now, text: typeof text === 'string' ? text : String(text ?? '') });
    if (this.AutoFlush) this.Flush();
    return VOID;
  }
  Flush(): typeof VOID {
    this.lines.push(...this.buffered.splice(0).map((l) => ({ ...l, at: this.clock.now })));
    return VOID;
  }
}
