import * as http from 'http';
import type { Disposable } from '../../disposable';
import { SignInFlowUnavailable } from '../signInErrors';
import { callbackPage, CallbackOutcome } from './loopbackPages';
import { CALLBACK_PATH } from './signInFlow';
import { l10n } from '../../l10n';

// A one-shot web server on 127.0.0.1 that receives Spotify's redirect: GET /callback only
// (404 elsewhere, 405 for other methods). It stops listening once a callback completed the
// sign-in, and when disposed (timeout, cancel, done).

const LOOPBACK_HOST = '127.0.0.1';

/** The loopback redirect URI: with the port the server got, or without one as registered at Spotify. */
export function loopbackRedirectUri(port?: number): string {
  return `http://${LOOPBACK_HOST}${port === undefined ? '' : `:${port}`}${CALLBACK_PATH}`;
}

interface LoopbackServer extends Disposable {
  readonly redirectUri: string;
}

/** Decides what a callback means; only 'ignored' keeps the server waiting. */
type CallbackReceiver = (params: URLSearchParams) => CallbackOutcome;

export async function startLoopbackServer(port: number, receive: CallbackReceiver): Promise<LoopbackServer> {
  const server = http.createServer((request, response) => {
    const url = requestUrl(request.url);
    if (url?.pathname !== CALLBACK_PATH) return reply(response, 404, l10n.t('Not found'));
    if (request.method !== 'GET') {
      response.setHeader('Allow', 'GET');
      return reply(response, 405, l10n.t('Method not allowed'));
    }
    const outcome = receive(url.searchParams);
    const page = callbackPage(outcome);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    // The code is in this page's address: keep it out of caches and Referer headers.
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    reply(response, page.status, page.html, outcome === 'ignored' ? undefined : () => close());
  });
  const close = () => {
    server.close();
    server.closeAllConnections();
  };
  await listen(server, port);
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { redirectUri: loopbackRedirectUri(actualPort), dispose: close };
}

/**
 * The request's path and query, read as a path on this server; undefined for targets that are not
 * one (`*`, absolute URLs). Resolving against a base instead would read `//host/x` as another host,
 * and throw on `////`: an exception here would take the extension host down.
 */
function requestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(`http://${LOOPBACK_HOST}${target ?? '/'}`);
  } catch {
    return undefined;
  }
}

function reply(response: http.ServerResponse, status: number, body: string, after?: () => void): void {
  response.statusCode = status;
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Connection', 'close');
  if (!response.hasHeader('Content-Type')) response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(body, after);
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new SignInFlowUnavailable(l10n.t('Port {0} on {1} is in use by another program. Clear the setting backbeat.loopbackPort to use a free port, or choose another.', port, LOOPBACK_HOST))
          : new SignInFlowUnavailable(l10n.t('Backbeat could not listen on {0}:{1} for the sign-in ({2}).', LOOPBACK_HOST, port, error.code ?? error.message)),
      );
    });
    server.listen(port, LOOPBACK_HOST, () => resolve());
  });
}
