// Running external commands for the harness: output goes to a log file (installs are
// noisy), and a failure shows the log's tail so the cause is visible without digging.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';

interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Append stdout and stderr here instead of inheriting the terminal. */
  logFile?: string;
}

/** Last `lines` lines of a text file, or '' when it does not exist. */
export function tail(file: string, lines = 40): string {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Runs a command to completion; rejects with the log's tail when it exits non-zero. */
export function run(command: string, args: string[], opts: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    let log: number | undefined;
    if (opts.logFile) {
      log = fs.openSync(opts.logFile, 'a');
      fs.writeSync(log, `\n$ (cd ${opts.cwd ?? process.cwd()} && ${command} ${args.join(' ')})\n`);
    }
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: log === undefined ? 'inherit' : ['ignore', log, log],
    });
    const done = (err?: Error) => {
      if (log !== undefined) fs.closeSync(log);
      if (err) reject(err);
      else resolve();
    };
    child.on('error', done);
    child.on('exit', (code, signal) => {
      if (code === 0) return done();
      const where = opts.logFile ? `\n--- last lines of ${opts.logFile} ---\n${tail(opts.logFile)}` : '';
      done(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${where}`));
    });
  });
}

/** Full path of an executable on PATH, or undefined. */
export function which(name: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const found = r.stdout.trim();
  return r.status === 0 && found ? found : undefined;
}
