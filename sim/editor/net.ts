// Ports and readiness checks for the local servers the tests start.
import * as http from 'http';
import * as net from 'net';
import { until } from '../until';

/** A port the OS reports free on `host` right now. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether `port` can be bound on `host` (for preferring a fixed, memorable port). */
function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** `preferred` when it is free, else any free port. */
export async function preferPort(preferred: number, host = '127.0.0.1'): Promise<number> {
  return (await isPortFree(preferred, host)) ? preferred : freePort(host);
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode !== undefined && res.statusCode < 500);
    });
    req.setTimeout(2000, () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** Resolves once `url` answers HTTP; rejects after `timeoutMs` or when `gaveUp()` says so. */
export async function waitForHttp(url: string, timeoutMs: number, gaveUp: () => string | undefined = () => undefined): Promise<void> {
  await until(
    `${url} to answer`,
    async () => {
      if (await answers(url)) return true;
      const reason = gaveUp();
      if (reason) throw new Error(`${url} will not answer: ${reason}`);
      return false;
    },
    { timeoutMs, pollMs: 200 },
  );
}
