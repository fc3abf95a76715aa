import * as assert from 'assert';
import * as http from 'http';
import { Emulator, startEmulator } from '..';
import { isOwnHost } from '../hostGuard';
import { startOnVirtualClock } from './support';

/** What any web page the user visits can make the browser send to the emulator's port. */
function send(emulator: Emulator, opts: { method: string; path: string; host?: string; contentType?: string; body?: string }): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(emulator.controlUrl);
  const headers: Record<string, string> = {};
  if (opts.host) headers.host = opts.host;
  if (opts.contentType) headers['content-type'] = opts.contentType;
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port: Number(port), method: opts.method, path: opts.path, headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    request.end(opts.body);
  });
}

describe('emulator: no web page can drive it', () => {
  let emulator: Emulator;
  before(async () => {
    ({ emulator } = await startOnVirtualClock());
  });
  after(() => emulator.close());
  afterEach(() => emulator.clearFaults());

  const port = () => new URL(emulator.controlUrl).port;
  const FAULT = JSON.stringify({ match: {}, status: 500, times: 1 });
  const faultsWork = async () => (await send(emulator, { method: 'GET', path: '/v1/me' })).status === 500;

  it('a DNS-rebinding page (its own name in Host) reads no secret, changes nothing and gets no page', async () => {
    const host = `rebind.attacker.example:${port()}`;
    const secrets = await send(emulator, { method: 'GET', path: '/__emulator/secrets', host });
    assert.strictEqual(secrets.status, 421);
    assert.ok(!secrets.text.includes(emulator.clientSecret), 'no secret in the refusal');
    const fault = await send(emulator, { method: 'POST', path: '/__emulator/faults', host, contentType: 'application/json', body: FAULT });
    assert.strictEqual(fault.status, 421);
    assert.strictEqual(await faultsWork(), false, 'no fault was added');
    for (const path of ['/', '/authorize?client_id=x']) {
      assert.strictEqual((await send(emulator, { method: 'GET', path, host })).status, 421, path);
    }
  });

  it('a control POST that is not JSON (a form or text/plain, which pages send without asking) is refused', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const answer = await send(emulator, { method: 'POST', path: '/__emulator/faults', contentType, body: FAULT });
      assert.strictEqual(answer.status, 415, String(contentType));
    }
    assert.strictEqual((await send(emulator, { method: 'POST', path: '/__emulator/revoke', contentType: 'text/plain' })).status, 415);
    assert.strictEqual(await faultsWork(), false, 'no fault was added');
    const json = await send(emulator, { method: 'POST', path: '/__emulator/faults', contentType: 'application/json; charset=utf-8', body: FAULT });
    assert.strictEqual(json.status, 204, 'JSON from the same origin still works');
    assert.strictEqual(await faultsWork(), true);
  });

  it('answers the names it is reached by: its address, and localhost when it listens on loopback', async () => {
    assert.strictEqual((await send(emulator, { method: 'GET', path: '/__emulator/info' })).status, 200, 'its own host:port');
    const local = await startEmulator({ host: '127.0.0.1', autoApprove: true });
    try {
      const localPort = new URL(local.controlUrl).port;
      for (const host of [`127.0.0.1:${localPort}`, `localhost:${localPort}`, `LOCALHOST:${localPort}`]) {
        assert.strictEqual((await send(local, { method: 'GET', path: '/__emulator/info', host })).status, 200, host);
      }
      for (const host of [`127.0.0.1:${Number(localPort) + 1}`, `localhost.attacker.example:${localPort}`, `127.0.0.1.nip.io:${localPort}`]) {
        assert.strictEqual((await send(local, { method: 'GET', path: '/__emulator/info', host })).status, 421, host);
      }
    } finally {
      await local.close();
    }
  });

  it('isOwnHost: the exact address and port, localhost only for loopback, address literals only when listening everywhere', () => {
    assert.strictEqual(isOwnHost('127.0.0.2:8890', '127.0.0.2', 8890), true);
    assert.strictEqual(isOwnHost('localhost:8890', '127.0.0.2', 8890), false, '127.0.0.2 is not what localhost resolves to');
    assert.strictEqual(isOwnHost('127.0.0.2:8891', '127.0.0.2', 8890), false);
    assert.strictEqual(isOwnHost('127.0.0.2', '127.0.0.2', 8890), false, 'no port means port 80');
    assert.strictEqual(isOwnHost('[::1]:9000', '::1', 9000), true);
    assert.strictEqual(isOwnHost('localhost:9000', '::1', 9000), true);
    assert.strictEqual(isOwnHost('127.0.0.1:9000', 'localhost', 9000), true);
    assert.strictEqual(isOwnHost('10.0.0.5:9000', '0.0.0.0', 9000), true);
    assert.strictEqual(isOwnHost('evil.example:9000', '0.0.0.0', 9000), false);
    assert.strictEqual(isOwnHost(undefined, '127.0.0.2', 8890), false);
    assert.strictEqual(isOwnHost('127.0.0.2:8890@evil', '127.0.0.2', 8890), false);
  });
});
