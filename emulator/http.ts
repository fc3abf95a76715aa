import type { IncomingHttpHeaders, ServerResponse } from 'http';

/** One parsed request, as every handler in the emulator sees it. */
export interface RequestContext {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a handler answers; the server writes it (so handlers stay pure and testable). */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; undefined means an empty body. */
  body?: string | Buffer | object;
}

export function json(status: number, body: object, headers: Record<string, string> = {}): Reply {
  return { status, headers, body };
}

export function empty(status: number): Reply {
  return { status };
}

export function html(status: number, page: string): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { location } };
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Buffer | undefined;
  if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') {
    payload = Buffer.from(reply.body);
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (reply.body !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.body));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (reply.status !== 204 && reply.status !== 304) {
    headers['content-length'] = String(payload?.length ?? 0);
  }
  res.writeHead(reply.status, headers);
  res.end(reply.status === 204 ? undefined : payload);
}

export function parseQuery(search: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of search) {
    query[key] = value;
  }
  return query;
}

/** The body of an application/x-www-form-urlencoded request. */
export function parseForm(body: Buffer): Record<string, string> {
  return parseQuery(new URLSearchParams(body.toString('utf8')));
}

/** A JSON body, or undefined when the body is empty; throws SyntaxError when malformed. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  return text === '' ? undefined : JSON.parse(text);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
