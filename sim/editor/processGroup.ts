// Servers started detached run in their own process group so the whole tree (code-server
// forks its extension host and watchers) can be ended; any group still alive when the
// harness exits, even by a crash, is killed so no server outlives the run.
import { ChildProcess } from 'child_process';

const live = new Set<number>();
let hooked = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Remembers a detached child so it is killed if the harness exits first. */
export function track(child: ChildProcess): void {
  if (child.pid === undefined) return;
  live.add(child.pid);
  child.once('exit', () => live.delete(child.pid as number));
  if (!hooked) {
    hooked = true;
    process.once('exit', () => live.forEach((pid) => killGroup(pid, 'SIGKILL')));
    // Killed from outside (a runner's timeout): Node would die without 'exit' handlers.
    // Programs with their own SIGTERM handling (the sandbox) shut down themselves.
    process.on('SIGTERM', () => {
      if (process.listenerCount('SIGTERM') === 1) process.exit(143);
    });
  }
}

/** Ends a detached child's process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(pid, 'SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    killGroup(pid, 'SIGKILL');
    await exited;
  }
  // Stragglers in the group (forked helpers) may outlive the leader.
  killGroup(pid, 'SIGKILL');
  live.delete(pid);
}
