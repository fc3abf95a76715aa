import { execFile, spawn } from 'child_process';
import * as path from 'path';
import { systemClock } from '../src/clock';
import { MprisPlayer } from '../src/localPlayer/linux/mprisPlayer';
import { startPrivateBus } from '../sim/privateBus';
import { repoRoot } from '../sim/editor/paths';

// `npm run bench:local-player`: what following the Spotify app costs the extension host on Linux.
// This process plays the extension host: it loads the bundled D-Bus part (dist/mprisBus.js) and
// follows the emulator's desktop app (another process, not counted) on a private session bus,
// while playerctl (another process) changes the track every 10 s. Prints memory and CPU figures.

const MINUTE_MS = 60_000;
const CHANGE_EVERY_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function main(): Promise<void> {
  const bus = startPrivateBus();
  const emulator = spawn(process.execPath, [path.join(repoRoot, 'out', 'emulator', 'cli.js'), '--desktop-bus', bus.address], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve) => emulator.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('control:') && resolve()));
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address };
    const playerctl = (...args: string[]) => new Promise<void>((resolve) => execFile('playerctl', ['-p', 'spotify', ...args], { env }, () => resolve()));

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const loadStarted = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { watchMpris } = require(path.join(repoRoot, 'dist', 'mprisBus.js')) as typeof import('../src/localPlayer/linux/mprisBus');
    const player = new MprisPlayer({ clock: systemClock, log: console, watch: () => (name, events) => watchMpris(name, events, bus.address) });
    const changes: string[] = [];
    player.onDidChange(() => player.state?.track && changes.push(player.state.track.title));
    player.start();
    while (!player.state?.track) await sleep(5);
    const connectedMs = performance.now() - loadStarted;
    await sleep(1_000);
    global.gc?.();
    const rssConnected = process.memoryUsage().rss;

    const cpuIdle = process.cpuUsage();
    await sleep(MINUTE_MS);
    const idle = process.cpuUsage(cpuIdle);

    const cpuBusy = process.cpuUsage();
    const seenBefore = changes.length;
    for (let t = 0; t < MINUTE_MS; t += CHANGE_EVERY_MS) {
      await playerctl('next');
      await sleep(CHANGE_EVERY_MS);
    }
    const busy = process.cpuUsage(cpuBusy);
    player.dispose();

    const cpuMs = (u: NodeJS.CpuUsage) => ((u.user + u.system) / 1000).toFixed(0);
    console.log(`Linux local player (MPRIS over D-Bus), measured in this process:
  load dist/mprisBus.js, connect, first state: ${connectedMs.toFixed(0)} ms
  memory (RSS) added: ${megabytes(rssConnected - rssBefore)} MB (from ${megabytes(rssBefore)} to ${megabytes(rssConnected)} MB)
  CPU over a minute, nothing changing: ${cpuMs(idle)} ms
  CPU over a minute, track changed every ${CHANGE_EVERY_MS / 1000} s: ${cpuMs(busy)} ms (${changes.length - seenBefore} updates from the app)`);
  } finally {
    emulator.kill();
    bus.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
