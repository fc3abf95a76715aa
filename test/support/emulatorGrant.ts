import fetch from 'node-fetch';
import { codeChallengeS256, createCodeVerifier, createState } from '../../src/auth/pkce';
import { buildAuthorizeUrl } from '../../src/auth/authorizeUrl';
import { exchangeCode, TokenClient } from '../../src/auth/tokenEndpoint';
import type { StoredSession } from '../../src/auth/session';
import { DEFAULT_SCOPES } from '../../src/auth/scopes';
import type { Emulator } from '../../emulator';

// Completes a real authorization against the emulator without a browser: /authorize with
// autoApprove answers a redirect carrying the code, as the browser would follow it.

export const LOOPBACK_REDIRECT = 'http://127.0.0.1:43210/callback';

export async function authorizeCode(emu: Emulator, options: { verifier?: string; redirectUri?: string; scopes?: readonly string[] } = {}): Promise<string> {
  emu.configure({ autoApprove: true });
  const state = createState();
  const url = buildAuthorizeUrl({
    accountsUrl: emu.accountsUrl,
    clientId: emu.clientId,
    redirectUri: options.redirectUri ?? LOOPBACK_REDIRECT,
    state,
    scopes: options.scopes ?? DEFAULT_SCOPES,
    codeChallenge: options.verifier && codeChallengeS256(options.verifier),
  });
  const response = await fetch(url, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? '');
  if (location.searchParams.get('state') !== state) throw new Error('state not echoed');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location.pathname}`);
  return code;
}

export function tokenClient(emu: Emulator, withSecret = false): TokenClient {
  return { accountsUrl: emu.accountsUrl, clientId: emu.clientId, clientSecret: withSecret ? emu.clientSecret : undefined, timeoutMs: 2_000 };
}

export async function emulatorSession(emu: Emulator, now: number, scopes?: readonly string[]): Promise<StoredSession> {
  const verifier = createCodeVerifier();
  const code = await authorizeCode(emu, { verifier, scopes });
  const grant = await exchangeCode(tokenClient(emu), code, LOOPBACK_REDIRECT, verifier);
  return {
    id: `session-${Math.random()}`,
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken!,
    expiresAt: now + grant.expiresInSeconds * 1000,
    scopes: grant.scopes,
    account: { id: 'backbeat-tester', label: 'Backbeat Tester' },
  };
}
