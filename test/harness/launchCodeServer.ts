// Starts code-server (real VS Code in the browser) on loopback for one test run or the
// sandbox: its own user data and extensions folders, test settings, optional .vsix.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ensureCodeServer } from './codeServer';
import { freePort, waitForHttp } from './net';
import { artifactsDir, freshScratchDir } from './paths';
import { tail, run } from './proc';
import { stopGroup, track } from './processGroup';

export interface CodeServerOptions {
  /** Folder opened in the workbench; an empty one when omitted. */
  workspaceFolder?: string;
  /** Merged over BASE_SETTINGS into User/settings.json. */
  userSettings?: Record<string, unknown>;
  /** Added to the server's environment; the extension host inherits it. */
  env?: Record<string, string>;
  extensionsDir?: string;
  userDataDir?: string;
  vsixToInstall?: string;
  /** Origins whose links open without the "Open external website?" dialog. */
  trustedDomains?: string[];
  port?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  workspaceFolder: string;
  logFile: string;
  /** Stops and starts again on the same port with the same folders (state survives). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Quiet, deterministic workbench: no welcome page, telemetry, updates or nags. */
export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  // Test folders live inside this repo; don't offer to open its git repository.
  'git.openRepositoryInParentFolders': 'never',
};

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 60_000;

export async function launchCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
  const entry = await ensureCodeServer();
  const port = opts.port ?? (await freePort(HOST));
  const runDir = freshScratchDir('code-server'); // removed by stop(), with what was not given
  const userDataDir = opts.userDataDir ?? path.join(runDir, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(runDir, 'extensions');
  const workspaceFolder = opts.workspaceFolder ?? path.join(runDir, 'workspace');
  fs.mkdirSync(artifactsDir, { recursive: true });
  const logFile = path.join(artifactsDir, `code-server-${port}.log`);
  fs.writeFileSync(logFile, '');
  for (const dir of [userDataDir, extensionsDir, workspaceFolder]) fs.mkdirSync(dir, { recursive: true });
  writeUserSettings(userDataDir, { ...BASE_SETTINGS, ...opts.userSettings });

  const dirArgs = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];

  const args = [
    entry,
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    // Keep code-server's own config next to this run instead of in ~/.config.
    '--config', path.join(runDir, 'config.yaml'),
    ...dirArgs,
    // A repeatable flag: one occurrence per domain.
    ...(opts.trustedDomains ?? []).flatMap((d) => ['--link-protection-trusted-domains', d]),
    workspaceFolder,
  ];
  const env = { ...process.env, ...opts.env };
  const url = `http://${HOST}:${port}/`;

  let child: ChildProcess;
  try {
    if (opts.vsixToInstall) {
      await run(process.execPath, [entry, ...dirArgs, '--install-extension', opts.vsixToInstall, '--force'], { logFile });
    }
    child = await start(args, env, url, logFile);
  } catch (err) {
    fs.rmSync(runDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    port,
    userDataDir,
    extensionsDir,
    workspaceFolder,
    logFile,
    async restart() {
      await stopGroup(child);
      child = await start(args, env, url, logFile);
    },
    async stop() {
      await stopGroup(child);
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}

export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

async function start(args: string[], env: NodeJS.ProcessEnv, url: string, logFile: string): Promise<ChildProcess> {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { detached: true, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  track(child);
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `code-server exited (${signal ?? code})`));
  try {
    await waitForHttp(`${url}healthz`, READY_TIMEOUT_MS, () => exited);
  } catch (err) {
    await stopGroup(child);
    throw new Error(`${(err as Error).message}\n--- last lines of ${logFile} ---\n${tail(logFile)}`);
  }
  return child;
}
