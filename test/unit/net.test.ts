import * as assert from 'assert';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { AnswerTooLarge, fetchWithTimeout } from '../../src/net';

// A server Backbeat does not trust (LRCLIB) may answer with far more than it asked for: past the
// bound the answer is refused and the connection closed, not read to its end.

describe('fetchWithTimeout with a body bound', () => {
  let server: Server;
  let sent: number;
  let closed: Promise<void>;
  const TOTAL = 50 * 1024 * 1024;

  beforeEach(async () => {
    sent = 0;
    server = createServer((_req, res) => {
      closed = new Promise((resolve) => res.on('close', resolve));
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (sent < TOTAL && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses an answer over the bound and stops receiving it', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await assert.rejects(fetchWithTimeout(url, {}, 10_000, 512 * 1024), AnswerTooLarge);
    await closed;
    assert.ok(sent < TOTAL / 2, `${sent} bytes sent of ${TOTAL}`);
  });
});
