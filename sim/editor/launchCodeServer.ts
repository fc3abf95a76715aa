// Starts code-server (real VS Code in the browser) on loopback for one test run or the
// sandbox: its own user data and extensions folders, test settings, optional .vsix.
// Always behind a fresh random password: any web page can make the browser reach a loopback
// port, and one that rebinds its own name to 127.0.0.1 passes code-server's Origin check; with
// --auth none it would get a terminal as this user.
import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
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
  /** What code-server's login page asks for (the browser keeps a session cookie once in). */
  password: string;
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
  const password = randomBytes(18).toString('base64url');
  const { args, env } = serverCommand({
    entry, port, password, dirArgs, workspaceFolder, configFile: path.join(runDir, 'config.yaml'), trustedDomains: opts.trustedDomains, env: opts.env,
  });
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
    password,
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

interface ServerCommandInput {
  entry: string;
  port: number;
  password: string;
  dirArgs: string[];
  workspaceFolder: string;
  configFile: string;
  trustedDomains?: string[];
  env?: Record<string, string>;
}

/** code-server's command line and environment: loopback, the given port, password login. */
export function serverCommand(input: ServerCommandInput): { args: string[]; env: NodeJS.ProcessEnv } {
  const args = [
    input.entry,
    '--bind-addr', `${HOST}:${input.port}`,
    '--auth', 'password',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    // Keep code-server's own config next to this run instead of in ~/.config.
    '--config', input.configFile,
    ...input.dirArgs,
    // A repeatable flag: one occurrence per domain.
    ...(input.trustedDomains ?? []).flatMap((d) => ['--link-protection-trusted-domains', d]),
    input.workspaceFolder,
  ];
  // In the environment, not on the command line where `ps` shows it; code-server removes it
  // from its own environment before starting the extension host and terminals.
  return { args, env: { ...process.env, ...input.env, PASSWORD: input.password } };
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
