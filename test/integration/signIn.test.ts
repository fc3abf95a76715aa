import * as assert from 'assert';
import * as net from 'net';
import fetch from 'node-fetch';
import * as vscode from 'vscode';
import type { RecordedRequest } from '../../emulator';
import { DEFAULT_CLIENT_SECRET } from '../../emulator/options';
import { until } from '../../sim/until';
import { emulator, extensionApi, VSCODE_WAIT } from './helpers';
import { watchNotifications } from './playbackSupport';

// Every sign-in flow in VS Code's real extension host (code-server), against the emulator: the
// browser popup the harness keeps open follows Spotify's redirects; where a test needs to act
// as the browser itself (deny, forge, replay), it reads the attempt from the emulator's log.

const CONFIG = 'backbeat';

function config() {
  return vscode.workspace.getConfiguration(CONFIG);
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await config().update(key, value, vscode.ConfigurationTarget.Global);
}

async function accountLabels(): Promise<string[]> {
  return (await vscode.authentication.getAccounts('spotify')).map((a) => a.label);
}

async function signedIn(): Promise<boolean> {
  return (await accountLabels()).length > 0;
}

/** Starts "Spotify: Sign In"; the promise settles when the sign-in is over, whatever the outcome. */
function startSignIn(): Thenable<unknown> {
  return vscode.commands.executeCommand('backbeat.signIn');
}

/** The /authorize request of the attempt under way, as the browser sent it. */
async function authorizeRequest(): Promise<RecordedRequest> {
  return until('the browser at Spotify\u2019s authorize page', async () => (await emulator().requests()).filter((r) => r.path === '/authorize').pop(), VSCODE_WAIT);
}

function authorizeUrl(request: RecordedRequest): string {
  return `${config().get<string>('accountsUrl')}/authorize?${new URLSearchParams(request.query)}`;
}

/** Plays the user at the consent page: returns where Spotify sends the browser next. */
async function consent(request: RecordedRequest, decision: 'approve' | 'deny'): Promise<string> {
  const page = await fetch(authorizeUrl(request), { redirect: 'manual' });
  const requestId = /name="request_id" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const decided = await fetch(`${new URL(authorizeUrl(request)).origin}/authorize/decision`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, decision }).toString(),
  });
  return decided.headers.get('location') ?? '';
}

async function load(url: string): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url, { redirect: 'manual' });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: (error as { code?: string }).code ?? String(error) };
  }
}

/**
 * Delivers `<scheme>://backbeat.spotify/callback?query` to the extension's UriHandler the way a
 * browser does: through the editor's external form of the link (code-server's callback route).
 */
async function openEditorLink(query: string): Promise<void> {
  const base = (await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://backbeat.spotify/callback`))).toString(true);
  // A string: a vscode.Uri would re-encode the query.
  await vscode.env.openExternal(`${base}${base.includes('?') ? '&' : '?'}${query}` as unknown as vscode.Uri);
}

/** Presses Cancel on the sign-in's progress notification. */
async function cancelProgress(): Promise<void> {
  await vscode.commands.executeCommand('notifications.focusToasts');
  await vscode.commands.executeCommand('notification.acceptPrimaryAction');
}

async function signOut(): Promise<void> {
  await vscode.commands.executeCommand('backbeat.signOut');
  await until('signed out', async () => !(await signedIn()), VSCODE_WAIT);
}

/** Dismisses notifications (the progress one cancels; "Try another way" is declined). */
async function dismissNotifications(): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
}

describe('signing in: every flow in real VS Code', function () {
  this.timeout(60_000);

  before(async () => {
    await emulator().reset({ grants: true });
    await extensionApi();
    if (await signedIn()) await signOut();
  });

  beforeEach(async () => {
    await emulator().configure({ autoApprove: true });
    await emulator().clearRequests();
  });

  afterEach(async () => {
    if (await signedIn()) await signOut();
    // After signing out, so its "Signed out" toast cannot sit above the next test's progress notification.
    await dismissNotifications();
    await setSetting('signInFlow', undefined);
    await setSetting('loopbackPort', undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand('backbeat.clearClientSecret');
    await emulator().configure({ autoApprove: true });
  });

  it('loopback: the browser comes back to a page on 127.0.0.1 (free port), the account appears, the server is gone', async () => {
    await setSetting('signInFlow', 'loopback');
    await startSignIn();
    assert.deepStrictEqual(await accountLabels(), ['Backbeat Tester']);
    const redirectUri = (await authorizeRequest()).query.redirect_uri;
    assert.match(redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    assert.strictEqual((await load(redirectUri)).status, 0, 'the loopback server closed after the callback');
  });

  it('uriHandler: the browser comes back through the editor\u2019s own link (code-server routes it to the UriHandler)', async () => {
    await setSetting('signInFlow', 'uriHandler');
    await startSignIn();
    assert.deepStrictEqual(await accountLabels(), ['Backbeat Tester']);
    const redirectUri = (await authorizeRequest()).query.redirect_uri;
    assert.match(redirectUri, /\/callback\?.*vscode-authority=backbeat\.spotify/, 'asExternalUri of code-oss://backbeat.spotify/callback');
  });

  it('manual: opens Spotify with http://127.0.0.1/callback and asks for the address; closing the box ends quietly', async () => {
    await setSetting('signInFlow', 'manual');
    const done = startSignIn();
    const redirectUri = (await authorizeRequest()).query.redirect_uri;
    assert.strictEqual(redirectUri, 'http://127.0.0.1/callback');
    await new Promise((r) => setTimeout(r, 500)); // the paste box is up
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await new Promise((r) => setTimeout(r, 500)); // "Try another way" is offered…
    await dismissNotifications(); // …and declined
    await done;
    assert.strictEqual(await signedIn(), false);
  });

  it('classic flow: with a client secret the code is exchanged and refreshed with HTTP Basic, without PKCE', async () => {
    await vscode.commands.executeCommand('backbeat.setClientSecret', DEFAULT_CLIENT_SECRET);
    try {
      await setSetting('signInFlow', 'loopback');
      await startSignIn();
      assert.ok(await signedIn(), 'the emulator only exchanges a code without a challenge for the right secret');
      assert.strictEqual((await authorizeRequest()).query.code_challenge, undefined, 'no PKCE');
      // The emulator refuses to refresh a grant made with the secret unless the secret comes along.
      await emulator().clearRequests();
      await emulator().expire();
      await vscode.commands.executeCommand('backbeat.pause');
      await until('a refresh and the paused device', async () => !(await emulator().snapshot()).isPlaying, VSCODE_WAIT);
      const token = (await emulator().requests()).filter((r) => r.path === '/api/token');
      assert.deepStrictEqual(token.map((r) => r.status), [200]);
      await vscode.commands.executeCommand('backbeat.play');
    } finally {
      await vscode.commands.executeCommand('backbeat.clearClientSecret');
    }
    await until('signed out: the session needed the cleared secret', async () => !(await signedIn()), VSCODE_WAIT);
  });

  it('denial in Spotify ends the sign-in at once; the tab shows an error page', async () => {
    await emulator().configure({ autoApprove: false });
    await setSetting('signInFlow', 'loopback');
    const started = Date.now();
    const done = startSignIn();
    const location = await consent(await authorizeRequest(), 'deny');
    assert.match(location, /error=access_denied/);
    const page = await load(location);
    assert.match(page.text, /You declined access in Spotify/);
    await done;
    assert.ok(Date.now() - started < 20_000, 'not after a timeout');
    assert.strictEqual(await signedIn(), false);
  });

  it('loopback accepts only its own state: forged, incomplete and replayed callbacks change nothing', async () => {
    await emulator().configure({ autoApprove: false });
    await setSetting('signInFlow', 'loopback');
    const done = startSignIn();
    const request = await authorizeRequest();
    const { redirect_uri: redirectUri, state } = request.query;
    assert.strictEqual((await load(`${redirectUri}?code=forged&state=not-${state}`)).status, 400, 'wrong state');
    assert.strictEqual((await load(`${redirectUri}?state=${encodeURIComponent(state)}`)).status, 400, 'missing code');
    assert.strictEqual(await signedIn(), false);
    const location = await consent(request, 'approve');
    assert.strictEqual((await load(location)).status, 200);
    await done;
    assert.ok(await signedIn());
    assert.strictEqual((await load(location)).status, 0, 'replay: the server is closed');
  });

  it('the UriHandler ignores forged, incomplete and replayed callbacks and completes with the real one', async () => {
    await emulator().configure({ autoApprove: false });
    await setSetting('signInFlow', 'uriHandler');
    let over = false;
    const done = startSignIn().then(() => (over = true));
    const request = await authorizeRequest();
    const state = request.query.state;
    await openEditorLink(`code=forged&state=not-${encodeURIComponent(state)}`);
    await openEditorLink(`state=${encodeURIComponent(state)}`);
    await new Promise((r) => setTimeout(r, 1_500));
    assert.strictEqual(over, false, 'still waiting for the real callback');
    const location = new URL(await consent(request, 'approve'));
    await openEditorLink(`code=${encodeURIComponent(location.searchParams.get('code') ?? '')}&state=${encodeURIComponent(state)}`);
    await done;
    const [account] = await vscode.authentication.getAccounts('spotify');
    assert.strictEqual(account?.label, 'Backbeat Tester');
    await emulator().clearRequests();
    await openEditorLink(`code=${encodeURIComponent(location.searchParams.get('code') ?? '')}&state=${encodeURIComponent(state)}`);
    await new Promise((r) => setTimeout(r, 1_000));
    const tokenRequests = (await emulator().requests()).filter((r) => r.path === '/api/token');
    assert.deepStrictEqual(tokenRequests, [], 'a replayed callback starts no exchange');
  });

  it('cancelling the progress notification ends the sign-in without an error and closes the loopback server', async () => {
    await emulator().configure({ autoApprove: false });
    await setSetting('signInFlow', 'loopback');
    const done = startSignIn();
    let finished = false;
    void Promise.resolve(done).finally(() => (finished = true));
    const redirectUri = (await authorizeRequest()).query.redirect_uri;
    // Cancel until it takes: on a busy machine the notification may not be focusable at once.
    // The loopback server closing is the sign that it did (and "Try another way" comes only after).
    for (let i = 0; i < 10 && (await load(redirectUri)).status !== 0; i++) {
      await cancelProgress();
      await new Promise((r) => setTimeout(r, 500));
    }
    // No thanks to "Try another way", which may take a moment to appear (the machine can be busy).
    for (let i = 0; i < 20 && !finished; i++) {
      await new Promise((r) => setTimeout(r, 500));
      await dismissNotifications();
    }
    await done;
    assert.strictEqual(await signedIn(), false);
    assert.strictEqual((await load(redirectUri)).status, 0);
  });

  it('a busy backbeat.loopbackPort offers another way, and accepting it switches to the paste flow', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      await setSetting('signInFlow', 'loopback');
      await setSetting('loopbackPort', (blocker.address() as net.AddressInfo).port);
      const done = startSignIn();
      await new Promise((r) => setTimeout(r, 1_000)); // "Having trouble signing in? Try another way"
      await vscode.commands.executeCommand('notifications.focusToasts');
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      const request = await authorizeRequest();
      assert.strictEqual(request.query.redirect_uri, 'http://127.0.0.1/callback', 'the manual flow took over');
      await new Promise((r) => setTimeout(r, 500));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await done;
    } finally {
      blocker.close();
    }
  });

  it('a revoked grant signs out, and the next command does not try to refresh again', async () => {
    await setSetting('signInFlow', 'loopback');
    await startSignIn();
    assert.ok(await signedIn());
    await emulator().revoke();
    await emulator().expire();
    await vscode.commands.executeCommand('backbeat.pause');
    await until('signed out by the server', async () => !(await signedIn()), VSCODE_WAIT);
    await emulator().clearRequests();
    await vscode.commands.executeCommand('backbeat.pause');
    assert.deepStrictEqual((await emulator().requests()).filter((r) => r.path === '/api/token'), []);
  });

  it('six months after signing in, Spotify ends the sign-in: one line says so, with Sign In', async () => {
    await setSetting('signInFlow', 'loopback');
    await startSignIn();
    assert.ok(await signedIn());
    const notes = watchNotifications();
    try {
      await emulator().expireGrants();
      await vscode.commands.executeCommand('backbeat.pause');
      await until('signed out by the server', async () => !(await signedIn()), VSCODE_WAIT);
      await until('the notification', () => notes.shown.find((n) => /six months/.test(n.text)), VSCODE_WAIT);
      const told = notes.shown.filter((n) => /six months/.test(n.text));
      assert.deepStrictEqual(told.map((n) => [n.text, n.actions]), [['Spotify ends a sign-in after six months, and yours has ended. Sign in again to go on.', ['Sign In']]]);
    } finally {
      notes.dispose();
    }
  });

  it('Copy Redirect URI copies the URI to register for a flow', async () => {
    await vscode.commands.executeCommand('backbeat.copyRedirectUri', 'loopback');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'http://127.0.0.1/callback');
    await vscode.commands.executeCommand('backbeat.copyRedirectUri', 'uriHandler');
    assert.strictEqual(await vscode.env.clipboard.readText(), `${vscode.env.uriScheme}://backbeat.spotify/callback`);
  });

  it('Sign In without a Client ID opens the setup walkthrough instead of failing', async () => {
    const clientId = config().get<string>('clientId');
    await setSetting('clientId', '');
    try {
      await startSignIn();
      const tab = await until('the walkthrough', () => vscode.window.tabGroups.activeTabGroup.activeTab, VSCODE_WAIT);
      assert.match(tab.label, /Welcome|Walkthrough|Set up Spotify sign-in/);
      assert.strictEqual(await signedIn(), false);
    } finally {
      await setSetting('clientId', clientId);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
