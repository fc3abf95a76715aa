import { Clock, sleep } from '../clock';
import type { Log } from '../log';
import type { RequestKind } from './requestKinds';
import { fetchWithTimeout, HttpAnswer, MalformedJson, NetworkError, parseJsonBody } from '../net';
import { ClosedEndpoints } from './closedEndpoints';
import { classifyError, SpotifyError } from './errors';
import type { RetryAfterGate } from './retryAfterGate';
import { l10n } from '../l10n';

// The only way requests reach the Web API: adds the bearer token, refreshes once on a 401,
// honours the Retry-After gate, retries briefly while a device wakes up (202) and turns every
// failure into a SpotifyError.

interface TokenSource {
  accessToken(): Promise<string>;
  accessTokenAfterRejection(rejectedToken: string): Promise<string>;
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

interface ApiResponse {
  /** Parsed JSON, or undefined for an empty body (204). */
  data: unknown;
}

/** A waking device answers 202; Spotify's advice: retry after about 5 s, at most 5 times (spotify/web-api #784). */
const WAKING_RETRIES = 5;
const WAKING_DELAY_MS = 5_000;

/** Counts each request sent, per endpoint: the benchmark and tests read it. */

/** Counts each request against the daily budget and may refuse it (src/quota/requestBudget.ts). */
interface RequestMeter {
  /** Throws when the request may not leave now; otherwise counts it. */
  spend(method: HttpMethod, path: string, kind: RequestKind | undefined): void;
  /** For a 429: the error to throw when it is Spotify's daily quota, undefined for an ordinary wait. */
  quotaRefusal(reason: string | undefined, retryAfterHeader: string | null): Error | undefined;
}

export interface SpotifyHttpOptions {
  apiUrl(): string;
  tokens: TokenSource;
  gate: RetryAfterGate;
  clock: Clock;
  log: Pick<Log, 'trace' | 'warn'>;
  timeoutMs?: number;
  meter?: RequestMeter;
}

function closedToApp(): SpotifyError {
  return new SpotifyError('closed_to_app', l10n.t('Spotify keeps refusing this endpoint with 429 while it answers the others.'), 429);
}

export class SpotifyHttp {
  private readonly closedEndpoints = new ClosedEndpoints();

  constructor(private readonly options: SpotifyHttpOptions) {}

  /** `kind`: what the request is for (the daily budget's breakdown); by endpoint when absent. */
  async request(method: HttpMethod, path: string, query?: Query, body?: unknown, kind?: RequestKind): Promise<ApiResponse> {
    const endpoint = `${method} ${path}`;
    // Known closed to this app: asking again would only spend the budget.
    if (this.closedEndpoints.isClosed(endpoint)) throw closedToApp();
    let token = await this.options.tokens.accessToken();
    let response = await this.send(method, path, token, query, body, kind);
    if (response.status === 401) {
      token = await this.options.tokens.accessTokenAfterRejection(token);
      response = await this.send(method, path, token, query, body, kind);
    }
    for (let attempt = 0; response.status === 202 && method !== 'GET' && attempt < WAKING_RETRIES; attempt++) {
      await sleep(this.options.clock, WAKING_DELAY_MS);
      response = await this.send(method, path, token, query, body, kind);
    }
    if (response.status === 202 && method !== 'GET') {
      // Still only accepted: the command has not happened, and saying it did would be a lie.
      throw new SpotifyError('device_waking', l10n.t('The Spotify device is still waking up.'), 202);
    }
    // An answer from the endpoint itself (a 5xx may come from Spotify's front end) shows it open to this app.
    if (response.status !== 429 && response.status < 500) this.closedEndpoints.noteAnswer(endpoint);
    if (response.ok) return { data: this.successBody(response, method, path) };
    if (response.status === 429) {
      const quota = this.options.meter?.quotaRefusal(classifyError(429, response.text).reason, response.header('retry-after'));
      if (quota) throw quota;
      const seconds = this.options.gate.block(response.header('retry-after'));
      this.options.log.warn(`Spotify asked to wait ${seconds} s before the next request (${method} ${path}).`);
      if (this.closedEndpoints.noteRefusal(endpoint)) {
        this.options.log.warn(`${method} ${path} is refused again while other requests are answered: closed to development-mode apps; Backbeat stops asking it.`);
        throw closedToApp();
      }
      throw classifyError(429, response.text, seconds);
    }
    const error = classifyError(response.status, response.text);
    this.options.log.warn(`${method} ${path} failed: HTTP ${response.status}${error.reason ? ` ${error.reason}` : ''} ${error.message}`);
    throw error;
  }

  /**
   * A garbled answer to a read must not read as "nothing playing": it is an answer Backbeat could
   * not read. A command was accepted whatever its body says, and nothing reads that body.
   */
  private successBody(response: HttpAnswer, method: HttpMethod, path: string): unknown {
    try {
      return parseJsonBody(response);
    } catch (error) {
      if (!(error instanceof MalformedJson)) throw error;
      this.options.log.warn(`${method} ${path}: ${error.message}`);
      if (method !== 'GET') return undefined;
      throw new SpotifyError('malformed', l10n.t('Spotify sent an answer Backbeat could not read.'), response.status);
    }
  }

  private async send(method: HttpMethod, path: string, token: string, query?: Query, body?: unknown, kind?: RequestKind): Promise<HttpAnswer> {
    const waitSeconds = this.options.gate.remainingSeconds();
    if (waitSeconds > 0) {
      throw new SpotifyError('rate_limited', l10n.t('Spotify asked to wait {0} s.', waitSeconds), 429, undefined, waitSeconds);
    }
    this.options.meter?.spend(method, path, kind);
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    let payload: string | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    } else if (method !== 'GET') {
      // Spotify's front end answers 411 to a bodiless PUT/POST without a length.
      headers['Content-Length'] = '0';
    }
    this.options.log.trace(`${method} ${path}`);
    try {
      return await fetchWithTimeout(this.url(path, query), { method, headers, body: payload }, this.options.timeoutMs);
    } catch (error) {
      if (error instanceof NetworkError) throw new SpotifyError('network', error.message);
      throw error;
    }
  }

  private url(path: string, query?: Query): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.options.apiUrl()}${path}${search ? `?${search}` : ''}`;
  }
}
