// Runs mocha test files and returns the counts, so every suite reports the same way:
// in this process (the extension host's suite) or in a child process (unit, e2e).
import { spawn } from 'child_process';
import * as path from 'path';
import * as readline from 'readline';
import Mocha from 'mocha';
import { Counts, CRASHED, failIfNothingRan, parseResultLine } from './counts';
import { repoRoot } from '../../sim/editor/paths';

export function runMocha(files: string[], options: Mocha.MochaOptions): Promise<Counts> {
  const mocha = new Mocha(options);
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => resolve({ passed: runner.stats?.passes ?? 0, failed: failures, skipped: runner.stats?.pending ?? 0 }));
    } catch (err) {
      reject(err);
    }
  });
}

const MOCHA_BIN = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const COUNTING_REPORTER = path.join(__dirname, 'countingReporter.js');

/** Longest a child mocha run may take before it is killed and counted as crashed. */
const MOCHA_PROCESS_TIMEOUT_MS = 20 * 60_000;
const KILL_GRACE_MS = 10_000;

interface MochaProcessOptions {
  /** Runs only the tests whose full title matches (mocha's --grep). */
  grep?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Where mocha's output lines go (default: this process's stdout). */
  output?: (line: string) => void;
}

/**
 * Runs mocha's CLI in a child process (a crashing or hanging suite cannot take the runner
 * down) with the output streamed through, and returns the counts it reported. A run in which
 * no test ran counts as failed.
 */
export function runMochaProcess(args: string[], opts: MochaProcessOptions = {}): Promise<Counts> {
  const output = opts.output ?? ((line: string) => console.log(line));
  return new Promise((resolve) => {
    // --exit: a test that leaves a server or timer open must not hang the whole run.
    const grep = opts.grep ? ['--grep', opts.grep] : [];
    const child = spawn(process.execPath, [MOCHA_BIN, ...args, ...grep, '--exit', '--reporter', COUNTING_REPORTER], {
      cwd: repoRoot,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => {
      console.error(`mocha still running after ${(opts.timeoutMs ?? MOCHA_PROCESS_TIMEOUT_MS) / 1000} s; stopping it`);
      child.kill('SIGTERM'); // lets it stop the servers it started (see processGroup.ts)
      setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref();
    }, opts.timeoutMs ?? MOCHA_PROCESS_TIMEOUT_MS);
    let counts: Counts | undefined;
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const parsed = parseResultLine(line);
      if (parsed) counts = parsed;
      else output(line);
    });
    child.on('error', (err) => {
      console.error(`mocha did not start: ${err.message}`);
      resolve(CRASHED);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!counts) {
        console.error(`mocha exited (${signal ?? code}) without reporting counts`);
        return resolve(CRASHED);
      }
      const judged = failIfNothingRan(counts, opts.grep);
      // A non-zero exit with nothing failed (e.g. an uncaught error after the run) still fails.
      resolve(code !== 0 && judged.failed === 0 ? { ...judged, failed: 1, note: `mocha exited with ${code}` } : judged);
    });
  });
}
