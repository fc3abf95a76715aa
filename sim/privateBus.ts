import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// A D-Bus session bus of our own (Debian's dbus-daemon), so tests and the sandbox publish and
// find the emulator's desktop app without touching the user's session. Its socket is a path in a
// fresh temporary folder (or an abstract name, on request); `stop` ends the daemon and removes it.

export interface PrivateBus {
  /** For DBUS_SESSION_BUS_ADDRESS. */
  address: string;
  stop(): void;
}

/** `abstract`: listen on a Linux abstract socket instead, as some desktops' session buses do. */
export function startPrivateBus(options: { abstract?: boolean } = {}): PrivateBus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-bus-'));
  const socket = options.abstract ? `unix:abstract=${path.join(dir, 'bus')}` : `unix:path=${path.join(dir, 'bus')}`;
  const result = spawnSync(
    'dbus-daemon',
    ['--session', '--fork', '--nopidfile', '--print-address=1', '--print-pid=1', `--address=${socket}`],
    { encoding: 'utf8', timeout: 10_000 },
  );
  if (result.error || result.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    const reason = result.error?.message ?? result.stderr.trim();
    throw new Error(`dbus-daemon did not start (${reason}); install Debian's "dbus-daemon" package (the test set-up does).`);
  }
  const [address, pid] = result.stdout.trim().split('\n').map((line) => line.trim());
  return {
    address,
    stop() {
      try {
        process.kill(Number(pid));
      } catch {
        // Already gone.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
