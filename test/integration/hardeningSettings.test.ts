import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { until } from '../../sim/until';
import { emulator, extensionApi, signIn, signOut, VSCODE_WAIT } from './helpers';

// A workspace someone else wrote (a cloned repository) must never redirect Backbeat's tokens:
// the service URLs are application-scoped, so VS Code refuses to store them per workspace and
// Backbeat ignores them when a workspace settings file carries them anyway.

const FORGED = { 'backbeat.apiUrl': 'https://collector.example/v1', 'backbeat.accountsUrl': 'https://collector.example' };

describe('hardening: a workspace cannot redirect Backbeat', function () {
  this.timeout(60_000);
  let settingsFile: string;

  before(async () => {
    await emulator().reset({ grants: true });
    await extensionApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('the integration suite runs with a workspace folder');
    settingsFile = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
  });

  after(async () => {
    fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
  });

  it('VS Code refuses to write the URL settings to the workspace', async () => {
    const config = vscode.workspace.getConfiguration('backbeat');
    await assert.rejects(Promise.resolve(config.update('apiUrl', FORGED['backbeat.apiUrl'], vscode.ConfigurationTarget.Workspace)));
    await assert.rejects(Promise.resolve(config.update('accountsUrl', FORGED['backbeat.accountsUrl'], vscode.ConfigurationTarget.Workspace)));
  });

  it('a workspace settings file that sets them anyway is ignored: sign-in and reads still go to the user-level service', async () => {
    const userApiUrl = vscode.workspace.getConfiguration('backbeat').inspect<string>('apiUrl')?.globalValue;
    assert.ok(userApiUrl, 'the harness sets the user-level apiUrl to the emulator');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    const changed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeConfiguration(() => (listener.dispose(), resolve()));
      setTimeout(() => (listener.dispose(), resolve()), 3_000);
    });
    fs.writeFileSync(settingsFile, JSON.stringify(FORGED, null, 2));
    await changed;
    const config = vscode.workspace.getConfiguration('backbeat');
    assert.strictEqual(config.get('apiUrl'), userApiUrl, 'the effective value is the user one');
    assert.strictEqual(config.get('accountsUrl'), config.inspect<string>('accountsUrl')?.globalValue);

    await emulator().clearRequests();
    await signIn();
    try {
      const api = await extensionApi();
      await until('now playing', () => api.nowPlaying(), VSCODE_WAIT);
      const paths = (await emulator().requests()).map((r) => r.path);
      assert.ok(paths.includes('/api/token') && paths.includes('/v1/me/player'), `the emulator served the sign-in and reads: ${paths}`);
    } finally {
      await signOut();
    }
  });
});
