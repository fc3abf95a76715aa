import * as fs from 'fs';
import { ScriptClock } from '../scriptClock';
import { DateTime, DateTimeOffset, DotNetError, Hashtable, isPsType, psType, PsType, Regex, ScriptStuck, StdinReader, StdoutWriter, windowsRuntimeSystemExtensions } from './dotnet';
import { dotnetRegex, Interpreter, NotSupported, PsError, psString } from './interpreter';
import { Answer, mediaControlTypes, StandInSession, Track, wallClock } from './smtc';

// A stand-in Windows machine for smtc.ps1: Windows PowerShell 5.1 (the interpreter in this
// folder), the .NET and WinRT types it loads, stdin lines the test feeds at virtual times, and
// the stdout lines it writes, each with the virtual time it was written. Run the real script with
// `run(path)`: it returns once the script ends (or throws if it hangs or spins).

/** Calls into .NET without time moving, beyond which the script counts as spinning. */
const WINDOWS_SPIN_LIMIT = 5_000;

export interface WindowsOptions {
  env?: Record<string, string>;
  /** 'Desktop' is Windows PowerShell 5.1; 'Core' is PowerShell 7. */
  psEdition?: 'Desktop' | 'Core';
  /** false: this Windows has no Windows.Media.Control (before Windows 10 1809). */
  winrt?: boolean;
  requestAsync?: Answer;
}

export class WindowsMachine {
  readonly clock = new ScriptClock(WINDOWS_SPIN_LIMIT);
  readonly sessions: StandInSession[] = [];
  readonly output: { at: number; text: string }[] = [];
  private readonly stdin: { at: number; line: string | null }[] = [];
  private stdinClosed = false;

  constructor(private readonly options: WindowsOptions = {}) {}

  /** An app's media session, in GetSessions order. */
  addSession(appId: string, tracks: Track[], setup: (s: StandInSession) => void = () => undefined): StandInSession {
    const session = new StandInSession(appId, tracks, this.clock);
    setup(session);
    this.sessions.push(session);
    return session;
  }

  /** Something that happens at `ms` of virtual time. */
  at(ms: number, run: (m: WindowsMachine) => void): this {
    this.clock.at(ms, () => run(this));
    return this;
  }

  /** A line Backbeat writes to the script's stdin at `ms`. */
  send(ms: number, line: string): this {
    this.stdin.push({ at: ms, line });
    this.stdin.sort((a, b) => a.at - b.at);
    return this;
  }

  /** Backbeat closes stdin at `ms`: the script should end. */
  closeStdin(ms: number): this {
    if (this.stdinClosed) throw new Error('stdin is closed once');
    this.stdinClosed = true;
    this.stdin.push({ at: ms, line: null });
    return this;
  }

  lines(): { at: number; text: string }[] {
    return this.output;
  }

  /** Runs the script at `path` to its end; its exit code. */
  async run(path: string): Promise<number> {
    if (!this.stdinClosed) throw new Error('close stdin at some time, or the script runs forever');
    const clock = this.clock;
    const winrt = mediaControlTypes(() => this.sessions, () => this.options.requestAsync ?? 'do', clock);
    const statics = {
      int: psType('System.Int32'),
      int64: psType('System.Int64'),
      long: psType('System.Int64'),
      bool: psType('System.Boolean'),
      string: psType('System.String'),
      double: psType('System.Double'),
      type: psType('System.Type', {
        GetType: (name: unknown, throwOnError: unknown) => {
          const typeName = String(name).split(',')[0].trim();
          const assembly = String(name).split(',').slice(1).join(',').trim();
          const found = this.options.winrt === false ? undefined : winrt[typeName];
          if (found && /ContentType=WindowsRuntime/i.test(assembly)) return found;
          if (throwOnError === true) throw new DotNetError(`Could not load type '${typeName}' from assembly '${assembly}'.`);
          return null;
        },
      }),
      math: psType('System.Math', { Min: (a: number, b: number) => Math.min(a, b), Max: (a: number, b: number) => Math.max(a, b) }),
      datetime: psType('System.DateTime', {
        get UtcNow() {
          return new DateTime(wallClock(clock));
        },
        MinValue: DateTime.MinValue,
      }),
      datetimeoffset: psType('System.DateTimeOffset', {
        get Now() {
          return new DateTimeOffset(wallClock(clock));
        },
      }),
      console: psType('System.Console', {
        OutputEncoding: 'IBM437',
        OpenStandardOutput: () => ({ stream: 'stdout' }),
        OpenStandardInput: () => ({ stream: 'stdin' }),
      }),
      windowsruntimesystemextensions: windowsRuntimeSystemExtensions(clock),
    };
    const interpreter = new Interpreter({
      env: this.options.env ?? {},
      variables: {
        PSVersionTable: table({ PSEdition: this.options.psEdition ?? 'Desktop', PSVersion: '5.1.19041.5247' }),
        ErrorActionPreference: 'Continue',
      },
      type: (name) => {
        // System.Runtime.WindowsRuntime is not loaded in Windows PowerShell until Add-Type loads it.
        if (name === 'windowsruntimesystemextensions' && !this.loaded) throw new PsError('Unable to find type [System.WindowsRuntimeSystemExtensions].');
        return (statics as Record<string, PsType>)[name];
      },
      call: () => {
        if (clock.call()) throw new ScriptStuck(`the script spun: ${WINDOWS_SPIN_LIMIT} calls into .NET at ${clock.now} ms without waiting`);
      },
      command: (name, args, input) => this.command(name, args, input),
    });
    return interpreter.run(fs.readFileSync(path, 'utf8'));
  }

  private loaded = false;

  private command(name: string, args: unknown[], input: unknown[] | undefined): unknown[] | undefined {
    switch (name.toLowerCase()) {
      case 'add-type': {
        const [flag, assembly] = args as [{ parameter?: string }, unknown];
        if (flag?.parameter?.toLowerCase() !== 'assemblyname' || assembly !== 'System.Runtime.WindowsRuntime') throw new NotSupported(`Add-Type ${psString(args)}`);
        this.loaded = true;
        return [];
      }
      case 'new-object':
        return [this.newObject(String(args[0]), args.length > 1 ? (Array.isArray(args[1]) ? args[1] : [args[1]]) : [])];
      case 'convertto-json':
        return [convertToJson(input ?? [], args)];
    }
    return undefined;
  }

  /** New-Object T args: -ArgumentList by position, an array for several arguments. */
  private newObject(type: string, args: unknown[]): unknown {
    switch (type.toLowerCase().replace(/^system\./, '')) {
      case 'text.utf8encoding':
        return { BOM: args[0] === true, ToString: () => 'System.Text.UTF8Encoding' };
      case 'io.streamwriter':
        if ((args[0] as { stream?: string })?.stream !== 'stdout') throw new NotSupported('a StreamWriter on anything but stdout');
        return new StdoutWriter(this.clock, this.output);
      case 'io.streamreader':
        if ((args[0] as { stream?: string })?.stream !== 'stdin') throw new NotSupported('a StreamReader on anything but stdin');
        return new StdinReader(this.clock, this.stdin);
      case 'text.regularexpressions.regex':
        return new Regex(String(args[0]), args[1], dotnetRegex);
    }
    throw new NotSupported(`New-Object ${type}`);
  }
}

function table(entries: Record<string, unknown>): Hashtable {
  const t = new Hashtable();
  for (const [k, v] of Object.entries(entries)) t.set(k, v);
  return t;
}

/**
 * ConvertTo-Json of Windows PowerShell 5.1 (it serialises with JavaScriptSerializer): strings
 * escape ", \, control characters, and <, >, &, ' as \u003c, \u003e, \u0026, \u0027, and keep
 * other non-ASCII characters; -Compress leaves out whitespace; what lies deeper than -Depth is
 * written as its ToString(). A Hashtable's keys come in the Hashtable's own (hash) order, which
 * this stand-in does not reproduce: it keeps insertion order, so tests compare parsed JSON.
 */
export function convertToJson(input: unknown[], args: unknown[]): string {
  let depth = 2;
  let compress = false;
  for (let i = 0; i < args.length; i++) {
    const p = (args[i] as { parameter?: string })?.parameter?.toLowerCase();
    if (p === 'compress') compress = true;
    else if (p === 'depth') depth = Number(args[++i]);
    else throw new NotSupported(`ConvertTo-Json ${psString(args[i])}`);
  }
  if (!compress) throw new NotSupported('ConvertTo-Json without -Compress');
  const text = (s: string) => `"${s.replace(/["\\\u0000-\u001f<>&']/g, (c) => ({ '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
  const write = (v: unknown, level: number): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : text(String(v));
    if (typeof v === 'string') return text(v);
    if (level > depth) return text(psString(v instanceof Hashtable ? 'System.Collections.Hashtable' : v));
    if (Array.isArray(v)) return `[${v.map((x) => write(x, level + 1)).join(',')}]`;
    if (v instanceof Hashtable) return `{${v.pairs().map(([k, x]) => `${text(psString(k))}:${write(x, level + 1)}`).join(',')}}`;
    if (isPsType(v)) throw new NotSupported('ConvertTo-Json of a type');
    throw new NotSupported('ConvertTo-Json of a .NET object');
  };
  return input.length === 1 ? write(input[0], 0) : write(input, 0);
}
