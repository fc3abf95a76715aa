import { ChildProcess, spawn } from 'child_process';
import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import type { Log } from '../log';
import { RestartDelay } from './restartDelay';

// One long-running helper (osascript on macOS, Windows PowerShell on Windows) that writes one JSON
// line per change and may read commands on stdin. It starts when asked, restarts with back-off
// when it dies, and ends on stop. What it writes to stderr goes to the log, cut short: the
// scripts print only track details and errors, never anything secret.

const STDERR_LINE_MAX = 300;
/** No line of the protocol comes near this; a longer one is a helper gone wrong, dropped whole. */
export const LINE_MAX_CHARS = 64 * 1024;

interface HelperProcessOptions {
  command: string;
  args: string[];
  clock: Clock;
  log: Pick<Log, 'info' | 'warn'>;
  onLine(line: string): void;
  /** The helper ended (before a restart, or for good on stop). */
  onExit(): void;
}

export class HelperProcess {
  private child: ChildProcess | undefined;
  private wanted = false;
  private restart: Disposable | undefined;
  private readonly delay: RestartDelay;

  constructor(private readonly options: HelperProcessOptions) {
    this.delay = new RestartDelay(options.clock);
  }

  get running(): boolean {
    return !!this.child;
  }

  start(): void {
    this.wanted = true;
    if (this.child || this.restart) return;
    const { command, args, log } = this.options;
    this.delay.started();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.child = child;
    readLines(child.stdout!, (line) => this.options.onLine(line));
    readLines(child.stderr!, (line) => log.warn(`${command}: ${line.slice(0, STDERR_LINE_MAX)}`));
    child.stdin!.on('error', () => undefined); // a dead helper's stdin; its exit is handled below
    child.on('error', (error) => log.warn(`${command} did not start: ${error.message}`));
    child.on('close', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.options.onExit();
      if (!this.wanted) return;
      const wait = this.delay.failed();
      log.warn(`${command} ended (${signal ?? `exit code ${code}`}); starting it again in ${Math.round(wait / 1000)} s.`);
      this.restart = this.options.clock.setTimeout(() => {
        this.restart = undefined;
        if (this.wanted) this.start();
      }, wait);
    });
  }

  /** Writes one line to the helper's stdin; false when it is not running. */
  write(line: string): boolean {
    if (!this.child?.stdin?.writable) return false;
    this.child.stdin.write(`${line}\n`);
    return true;
  }

  stop(): void {
    this.wanted = false;
    this.restart?.dispose();
    this.restart = undefined;
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    child.stdin?.end();
    // A helper stopped for silence may hang where a polite signal waits: it holds nothing to save.
    child.kill('SIGKILL');
    this.options.onExit();
  }
}

/**
 * Calls `onLine` for each non-blank line of `stream`. Each chunk is searched once for line ends
 * (never the whole backlog again), and a line longer than LINE_MAX_CHARS is dropped, so a helper
 * that floods cannot make this slow or large.
 */
export function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending: string[] = [];
  let pendingLength = 0;
  let overlong = false;
  const keep = (part: string) => {
    if (overlong) return;
    pendingLength += part.length;
    if (pendingLength > LINE_MAX_CHARS) {
      overlong = true;
      pending = [];
    } else pending.push(part);
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      keep(chunk.slice(start, end));
      const line = overlong ? '' : pending.join('').trim();
      pending = [];
      pendingLength = 0;
      overlong = false;
      start = end + 1;
      if (line) onLine(line);
    }
    keep(chunk.slice(start));
  });
}
