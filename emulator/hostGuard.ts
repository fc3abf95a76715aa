// The emulator answers only requests addressed to itself. A web page on any site can make the
// browser send requests to a loopback port; if its own host name resolves to 127.0.0.2 (DNS
// rebinding), the browser even treats the emulator as that page's origin and reads the answers.
// Such requests still carry the page's host name in Host, so only the names the emulator is
// reached by (its address and port, and localhost when it listens on loopback) are let in.
import { isIP } from 'net';
import { json, Reply } from './http';

const WILDCARDS = new Set(['0.0.0.0', '::']);
const LOOPBACK_ADDRESSES = ['127.0.0.1', '[::1]'];

function hostLiteral(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host.toLowerCase();
}

/** Whether `host` (a Host header) names the emulator listening on `listenHost`:`port`. */
export function isOwnHost(host: string | undefined, listenHost: string, port: number): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!match) return false;
  const [, name, portText] = match;
  if (Number(portText ?? 80) !== port) return false;
  if (WILDCARDS.has(listenHost)) {
    // Listening everywhere: any address literal may be ours; a DNS name never is, but localhost.
    return name === 'localhost' || isIP(name.replace(/^\[|\]$/g, '')) !== 0;
  }
  const own = hostLiteral(listenHost);
  if (name === own) return true;
  // A browser asked for localhost connects to 127.0.0.1 or [::1], whichever answers.
  if (own === 'localhost') return LOOPBACK_ADDRESSES.includes(name);
  return LOOPBACK_ADDRESSES.includes(own) && name === 'localhost';
}

export function foreignHostReply(): Reply {
  return json(421, { error: 'this server answers only requests addressed to its own address (Host header)' });
}
