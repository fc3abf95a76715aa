// A real VS Code for tests without internet: code-server from the npm registry, installed
// with scripts off (its postinstall downloads ripgrep from GitHub) and finished by hand.
// Installed once into the cache; a stamp file makes later calls free.
import * as fs from 'fs';
import * as path from 'path';
import { cacheDir } from './paths';
import { run, which } from './proc';

const CODE_SERVER_VERSION = '4.100.3';

/** Native modules of VS Code that npm skipped with --ignore-scripts. */
const VSCODE_NATIVE_MODULES = ['kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog'];

const codeServerDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const STAMP = '.backbeat-installed';
const stampFile = path.join(codeServerDir, STAMP);

function codeServerEntry(root = codeServerDir): string {
  return path.join(root, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Node's install prefix (holds include/node), so node-gyp builds offline against it. */
function nodePrefix(): string {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (!fs.existsSync(path.join(prefix, 'include', 'node', 'node_version.h'))) {
    throw new Error(`Node headers not found under ${prefix}/include/node; node-gyp would need the internet`);
  }
  return prefix;
}

/** Path of code-server's entry.js, installing code-server first when needed. */
export async function ensureCodeServer(): Promise<string> {
  if (fs.existsSync(stampFile)) return codeServerEntry();
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (rg) is missing; run ensurePrerequisites() first');

  // Build in a private staging folder and rename at the end: an interrupted or
  // concurrent install never leaves a half-built folder behind the final name.
  fs.mkdirSync(cacheDir, { recursive: true });
  removeStaleStagings();
  const staging = fs.mkdtempSync(`${codeServerDir}.staging-`);
  const logFile = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}-install.log`);
  fs.writeFileSync(logFile, `install of code-server ${CODE_SERVER_VERSION} at ${new Date().toISOString()}\n`);
  const env = {
    ...process.env,
    npm_config_nodedir: nodePrefix(), // node-gyp builds against these headers instead of downloading
    npm_config_yes: 'true', // some install scripts run `npx node-gyp`
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const started = Date.now();
  const step = async (what: string, cwd: string, command: string, args: string[]) => {
    console.log(`[code-server] ${what} (${Math.round((Date.now() - started) / 1000)} s)`);
    await run(command, args, { cwd, env, logFile });
  };

  try {
    console.log(`[code-server] installing ${CODE_SERVER_VERSION} into ${codeServerDir}; log: ${logFile}`);
    fs.writeFileSync(path.join(staging, 'package.json'), '{ "private": true }\n');
    await step('npm install code-server', staging, 'npm', ['install', '--ignore-scripts', '--save-exact', `code-server@${CODE_SERVER_VERSION}`]);

    const vscode = path.join(staging, 'node_modules', 'code-server', 'lib', 'vscode');
    await step("install VS Code's dependencies", vscode, 'npm', ['install', '--omit=dev', '--ignore-scripts']);
    await step('build native modules', vscode, 'npm', ['rebuild', ...VSCODE_NATIVE_MODULES]);
    const rgDir = path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(rgDir, { recursive: true });
    forceSymlink(rg, path.join(rgDir, 'rg'));
    forceSymlink('node_modules', path.join(vscode, 'node_modules.asar'));

    const extensions = path.join(vscode, 'extensions');
    await step('install built-in extensions', extensions, 'npm', ['install', '--omit=dev', '--ignore-scripts']);
    await step('built-in extensions postinstall', extensions, process.execPath, ['./postinstall.mjs']);
    forceSymlink('code-linux.sh', path.join(vscode, 'bin', 'remote-cli', 'code-server'));
    forceSymlink('browser-linux.sh', path.join(vscode, 'bin', 'helpers', 'browser.sh'));

    await step('build argon2', staging, 'npm', ['rebuild', 'argon2']);
    await step('check', staging, process.execPath, [codeServerEntry(staging), '--version']);
    fs.writeFileSync(path.join(staging, STAMP), `${CODE_SERVER_VERSION}\n`);
    publish(staging);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  console.log(`[code-server] ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry();
}

/** Staging folders of runs that were killed mid-install (older than any real install takes). */
function removeStaleStagings(): void {
  const prefix = `${path.basename(codeServerDir)}.staging-`;
  for (const name of fs.readdirSync(cacheDir)) {
    const full = path.join(cacheDir, name);
    if (name.startsWith(prefix) && Date.now() - fs.statSync(full).mtimeMs > 60 * 60 * 1000) {
      fs.rmSync(full, { recursive: true, force: true });
    }
  }
}

function forceSymlink(target: string, linkPath: string): void {
  fs.rmSync(linkPath, { force: true });
  fs.symlinkSync(target, linkPath);
}

/** Moves the finished install into place; if another run got there first, keep theirs. */
function publish(staging: string): void {
  if (fs.existsSync(codeServerDir) && !fs.existsSync(stampFile)) {
    fs.rmSync(codeServerDir, { recursive: true, force: true }); // leftover of an older, unfinished layout
  }
  try {
    fs.renameSync(staging, codeServerDir);
  } catch (err) {
    if (!fs.existsSync(stampFile)) throw err;
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
