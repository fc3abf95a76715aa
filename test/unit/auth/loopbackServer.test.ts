import * as assert from 'assert';
import * as net from 'net';
import { startLoopbackServer } from '../../../src/auth/flows/loopbackServer';
import { SignInFlowUnavailable } from '../../../src/auth/signInErrors';
import { load } from '../../support/browserDouble';

const REFUSED = { status: 0, text: 'ECONNREFUSED' };

function port(redirectUri: string): number {
  return Number(new URL(redirectUri).port);
}

describe('loopback sign-in server', () => {
  it('listens on 127.0.0.1 only, on a free port, with /callback as the redirect URI', async () => {
    const server = await startLoopbackServer(0, () => 'ignored');
    try {
      assert.match(server.redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      assert.ok(port(server.redirectUri) > 0);
      // Not on the machine's other addresses: 127.0.0.2 is loopback too but not where it listens.
      assert.deepStrictEqual(await load(`http://127.0.0.2:${port(server.redirectUri)}/callback`), REFUSED);
    } finally {
      server.dispose();
    }
  });

  it('answers 404 for other paths and 405 for other methods, without bothering the sign-in', async () => {
    const received: string[] = [];
    const server = await startLoopbackServer(0, (params) => (received.push(params.toString()), 'ignored'));
    try {
      const base = server.redirectUri.replace('/callback', '');
      assert.strictEqual((await load(`${base}/favicon.ico`)).status, 404);
      assert.strictEqual((await load(`${base}/`)).status, 404);
      assert.strictEqual((await load(`${server.redirectUri}?code=x&state=y`, 'POST')).status, 405);
      assert.deepStrictEqual(received, []);
    } finally {
      server.dispose();
    }
  });

  it('keeps waiting after an ignored callback, shows a friendly page and closes after one that counts', async () => {
    const server = await startLoopbackServer(0, (params) => (params.get('state') === 'good' ? 'signedIn' : 'ignored'));
    const wrong = await load(`${server.redirectUri}?code=x&state=forged`);
    assert.strictEqual(wrong.status, 400);
    assert.match(wrong.text, /not valid/);
    const right = await load(`${server.redirectUri}?code=x&state=good`);
    assert.strictEqual(right.status, 200);
    assert.match(right.text, /You can close this tab/);
    assert.doesNotMatch(right.text, /<script/i);
    assert.deepStrictEqual(await load(`${server.redirectUri}?code=x&state=good`), REFUSED, 'closed after the callback');
    server.dispose();
  });

  it('shows an error page for a denial', async () => {
    const server = await startLoopbackServer(0, () => 'declined');
    const page = await load(`${server.redirectUri}?error=access_denied&state=s`);
    assert.match(page.text, /You declined access in Spotify/);
    server.dispose();
  });

  it('uses the port set in backbeat.loopbackPort, and says clearly when it is busy', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      await assert.rejects(startLoopbackServer(busy, () => 'ignored'), (e: unknown) => e instanceof SignInFlowUnavailable && new RegExp(`Port ${busy}.*in use.*backbeat\\.loopbackPort`).test(e.message));
    } finally {
      blocker.close();
    }
    const fixed = await startLoopbackServer(busy, () => 'ignored');
    assert.strictEqual(port(fixed.redirectUri), busy);
    fixed.dispose();
  });

  it('stops listening when disposed (timeout or cancel)', async () => {
    const server = await startLoopbackServer(0, () => 'ignored');
    server.dispose();
    assert.deepStrictEqual(await load(server.redirectUri), REFUSED);
  });
});
