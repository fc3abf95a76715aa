import { createHash, randomBytes } from 'crypto';
import fetch from 'node-fetch';
import { Emulator, EmulatorOptions, SCOPES_ALL, startEmulator, VirtualClock } from '..';

/** Shared helpers for the emulator's own tests: start it, sign in, call the API. */

export const LOOPBACK_REDIRECT = 'http://127.0.0.1:53682/callback';

export async function startOnVirtualClock(options: EmulatorOptions = {}): Promise<{ emulator: Emulator; clock: VirtualClock }> {
  const clock = new VirtualClock();
  const emulator = await startEmulator({ autoApprove: true, ...options, clock });
  return { emulator, clock };
}

interface SignedInEmulator {
  emulator: Emulator;
  clock: VirtualClock;
  /** An access token with every scope. */
  token: string;
}

/**
 * For a describe block: an emulator on a virtual clock, signed in with every scope, closed afterwards.
 * `per: 'block'` starts one for the whole block; `per: 'test'` a fresh one for each test.
 * The fields are filled in by the hooks, so read them inside hooks and tests.
 */
export function useSignedInEmulator(per: 'block' | 'test' = 'block', options: EmulatorOptions = {}): SignedInEmulator {
  const rig = {} as SignedInEmulator;
  const start = async (): Promise<void> => {
    ({ emulator: rig.emulator, clock: rig.clock } = await startOnVirtualClock(options));
    rig.token = (await signIn(rig.emulator)).accessToken;
  };
  const stop = (): Promise<void> => rig.emulator.close();
  if (per === 'test') {
    beforeEach(start);
    afterEach(stop);
  } else {
    before(start);
    after(stop);
  }
  return rig;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

interface AuthorizeParams {
  redirectUri?: string;
  scopes?: readonly string[];
  state?: string;
  challenge?: string;
  clientId?: string;
  /** Asks Spotify to show its dialog even to a user who approved before. */
  showDialog?: boolean;
}

function authorizeUrl(emulator: Emulator, params: AuthorizeParams = {}): string {
  const query = new URLSearchParams({
    client_id: params.clientId ?? emulator.clientId,
    response_type: 'code',
    redirect_uri: params.redirectUri ?? LOOPBACK_REDIRECT,
    scope: (params.scopes ?? SCOPES_ALL).join(' '),
    state: params.state ?? 'state-123',
  });
  if (params.challenge) {
    query.set('code_challenge_method', 'S256');
    query.set('code_challenge', params.challenge);
  }
  if (params.showDialog) query.set('show_dialog', 'true');
  return `${emulator.accountsUrl}/authorize?${query.toString()}`;
}

/** GET /authorize without following the redirect: the Location header (or the page). */
export async function authorize(emulator: Emulator, params: AuthorizeParams = {}): Promise<{ status: number; location?: URL; text: string }> {
  const response = await fetch(authorizeUrl(emulator, params), { redirect: 'manual' });
  const location = response.headers.get('location');
  return { status: response.status, location: location ? new URL(location) : undefined, text: await response.text() };
}

interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
  contentType: string | null;
}

export async function tokenRequest(emulator: Emulator, form: Record<string, string>, basic?: { id: string; secret: string }): Promise<TokenAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}`;
  const response = await fetch(`${emulator.accountsUrl}/api/token`, { method: 'POST', headers, body: new URLSearchParams(form).toString() });
  return { status: response.status, body: await response.json() as Record<string, unknown>, contentType: response.headers.get('content-type') };
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  verifier: string;
}

/** A full PKCE sign-in with the given scopes (autoApprove must be on). */
export async function signIn(emulator: Emulator, scopes: readonly string[] = SCOPES_ALL): Promise<Tokens> {
  const { verifier, challenge } = pkcePair();
  const { location } = await authorize(emulator, { challenge, scopes });
  const code = location?.searchParams.get('code');
  if (!code) throw new Error(`no code in redirect ${location?.toString()}`);
  const answer = await tokenRequest(emulator, {
    grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, client_id: emulator.clientId, code_verifier: verifier,
  });
  if (answer.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(answer.body)}`);
  return { accessToken: answer.body.access_token as string, refreshToken: answer.body.refresh_token as string, verifier };
}

export interface ApiAnswer {
  status: number;
  text: string;
  /** Parsed JSON, or undefined for an empty/non-JSON body. */
  body: unknown;
  headers: { get(name: string): string | null };
}

export async function api(
  emulator: Emulator, token: string | undefined, method: string, pathAndQuery: string, body?: unknown,
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${emulator.apiUrl}${pathAndQuery}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, text, body: parsed, headers: response.headers };
}

/** The `error` object of a Web API error body. */
export function apiErrorOf(answer: ApiAnswer): { status: number; message: string; reason?: string } {
  return (answer.body as { error: { status: number; message: string; reason?: string } }).error;
}
