import fetch, { RequestInit } from 'node-fetch';
import { l10n } from './l10n';

// One HTTP call with a deadline. A server that accepts the connection and never answers, or stalls
// half-way through its body, must not leave a command or a refresh hanging forever, so the whole
// exchange, body included, is aborted after `timeoutMs`.

const DEFAULT_TIMEOUT_MS = 15_000;

export class NetworkError extends Error {}

/** A body longer than the caller accepts: refused once that many bytes have come, never buffered whole. */
export class AnswerTooLarge extends Error {}

/** A complete answer: status, headers and the whole body as text. */
export interface HttpAnswer {
  status: number;
  ok: boolean;
  header(name: string): string | null;
  text: string;
}

/**
 * `maxBytes` (0: no limit) bounds the body for servers Backbeat does not trust to keep it small;
 * past it the exchange is aborted and AnswerTooLarge thrown.
 */
export async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = 0): Promise<HttpAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // node-fetch's AbortSignal type predates the DOM one; they are compatible at run time.
    const response = await fetch(url, { ...init, size: maxBytes, signal: controller.signal as RequestInit['signal'] });
    const text = await response.text();
    return { status: response.status, ok: response.ok, header: (name) => response.headers.get(name), text };
  } catch (error) {
    const origin = new URL(url).origin;
    if ((error as { type?: string }).type === 'max-size') {
      // node-fetch stops keeping the body but would go on receiving it: close the connection.
      controller.abort();
      throw new AnswerTooLarge(l10n.t('{0} sent an answer over {1} bytes', origin, maxBytes));
    }
    if (controller.signal.aborted) {
      throw new NetworkError(l10n.t('No answer from {0} within {1} s', origin, Math.round(timeoutMs / 1000)));
    }
    const code = (error as { code?: string }).code;
    throw new NetworkError(code ? l10n.t('Cannot reach {0} ({1})', origin, code) : l10n.t('Cannot reach {0}', origin));
  } finally {
    clearTimeout(timer);
  }
}

/** A body that is there but is not JSON: a proxy's HTML page, an answer cut off mid-way. */
export class MalformedJson extends Error {}

/** Reads a body as JSON: `undefined` when empty; throws MalformedJson when it is not JSON. */
export function parseJsonBody(answer: HttpAnswer): unknown {
  if (!answer.text.trim()) return undefined;
  try {
    return JSON.parse(answer.text);
  } catch {
    throw new MalformedJson(l10n.t('HTTP {0} with a body that is not JSON', answer.status));
  }
}

/** Reads a body as JSON without throwing, for error answers: malformed or empty bodies give `undefined`. */
export function readJson(answer: HttpAnswer): unknown {
  try {
    return parseJsonBody(answer);
  } catch (error) {
    if (error instanceof MalformedJson) return undefined;
    throw error;
  }
}
