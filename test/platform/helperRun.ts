import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { until } from '../../sim/until';

// For the desktop-helpers workflow (GitHub Actions, on real Windows and macOS runners): one run
// of a helper script, every stdout line kept with the time it arrived, and a way to wait for a
// line. Nothing here runs in `npm test`: these systems are not available there.

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Line {
  /** Milliseconds since the run started. */
  at: number;
  text: string;
  json: Record<string, unknown> | undefined;
}

const running: ChildProcess[] = [];

export class HelperRun {
  readonly lines: Line[] = [];
  readonly stderr: string[] = [];
  /** Every byte of stdout, to check the encoding as written. */
  readonly raw: Buffer[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly started = Date.now();

  constructor(readonly name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'pipe', windowsHide: true });
    running.push(this.child);
    let pending = Buffer.alloc(0);
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.raw.push(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (let end = pending.indexOf(10); end >= 0; end = pending.indexOf(10)) {
        const text = pending.subarray(0, end).toString('utf8').replace(/\r$/, '');
        pending = pending.subarray(end + 1);
        if (text.trim()) this.lines.push({ at: Date.now() - this.started, text, json: parse(text) });
      }
    });
    this.child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.stderr.push(`${command} did not start: ${error.message}`);
        resolve(null);
      });
      this.child.on('close', (code) => resolve(code));
    });
  }

  get elapsed(): number {
    return Date.now() - this.started;
  }

  write(line: string): void {
    this.child.stdin!.write(`${line}\n`);
  }

  /** Closes stdin: the scripts end then. */
  end(): void {
    this.child.stdin!.end();
  }

  /** The first line from index `from` on whose JSON `matches`; fails after `ms`. */
  waitFor(what: string, matches: (json: Record<string, unknown>) => boolean, ms: number, from = 0): Promise<Record<string, unknown>> {
    return until(`${this.name}: ${what}`, () => this.lines.slice(from).find((l) => l.json && matches(l.json))?.json, { timeoutMs: ms, pollMs: 100 });
  }

  /** What it wrote, for the workflow's log when a check fails. */
  describe(): string {
    return [`--- ${this.name} stdout ---`, ...this.lines.map((l) => `${(l.at / 1000).toFixed(1)} s ${l.text}`), `--- ${this.name} stderr ---`, this.stderr.join('')].join('\n');
  }
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(text);
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms / 1000} s`)), ms))]);
}

/** Runs the checks; on failure prints why and every run's output, and exits non-zero. */
export function main(name: string, checks: (runs: HelperRun[]) => Promise<void>): void {
  const runs: HelperRun[] = [];
  checks(runs).then(
    () => console.log(`${name}: all checks passed`),
    (error: Error) => {
      console.error(`${name}: FAILED: ${error.message}`);
      for (const run of runs) console.error(run.describe());
      process.exitCode = 1;
    },
  ).finally(() => {
    for (const child of running) if (child.exitCode === null) child.kill();
  });
}
