// The Debian packages the real-VS-Code tests need: Chromium to drive the workbench,
// ripgrep for code-server's search, a C++ toolchain plus Kerberos headers to build
// code-server's native modules, dbus-daemon for the private session bus the emulator's desktop
// app is published on, and playerctl, the independent MPRIS client its contract tests check it
// with. Installed here when possible so CI and fresh machines work.
import { spawnSync } from 'child_process';
import { run, which } from '../../sim/editor/proc';

const REQUIRED_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'make', 'g++', 'python3', 'dbus-daemon', 'playerctl'] as const;

function isInstalled(pkg: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function missingPackages(): string[] {
  if (!which('dpkg-query')) return [...REQUIRED_PACKAGES];
  return REQUIRED_PACKAGES.filter((p) => !isInstalled(p));
}

/** Installs missing packages with apt-get when running as root, else explains what to do. */
export async function ensurePrerequisites(): Promise<void> {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && which('apt-get') !== undefined;
  if (!canInstall) {
    throw new Error(
      `Missing system packages: ${missing.join(' ')}.\n` +
        `Install them first, e.g.: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`[prerequisites] installing ${missing.join(' ')} with apt-get`);
  await run('apt-get', ['update'], { env });
  await run('apt-get', ['install', '-y', ...missing], { env });
  const still = missingPackages();
  if (still.length > 0) throw new Error(`apt-get did not install: ${still.join(' ')}`);
}
