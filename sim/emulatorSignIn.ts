import fetch from 'node-fetch';
import { accountOfToken } from '../src/auth/accountOfToken';
import type { SignInFlow } from '../src/auth/flows/signInFlow';
import type { CancelSignal } from '../src/auth/pendingSignIns';
import { DEFAULT_SCOPES } from '../src/auth/scopes';
import type { StoredSession } from '../src/auth/session';
import { signIn, SignInDeps, SignInUi } from '../src/auth/signIn';
import type { SignInHost } from '../src/auth/signInService';
import type { SpotifySettings } from '../src/auth/spotifySettings';
import type { TokenClient } from '../src/auth/tokenEndpoint';
import type { Clock } from '../src/clock';
import type { Log } from '../src/log';
import { RetryAfterGate } from '../src/spotify/retryAfterGate';
import type { Emulator } from '../emulator';

// Signing in to the emulator as a user does, minus the browser: the emulator approves at once and
// its /authorize answers with the redirect that carries the code, which the flow follows as a
// browser would. Everything around the code is the extension's own sign-in (src/auth/signIn.ts).

/** The redirect URI the emulator flow registers (nothing listens there: the flow reads the redirect itself). */
export const EMULATOR_REDIRECT_URI = 'http://127.0.0.1:43210/callback';

const NEVER_CANCELLED: CancelSignal = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

/** The browser's part: opens `authorizeUrl`, the user approves, and the redirect brings the code for `state`. */
export async function approveInBrowser(emu: Emulator, authorizeUrl: string, state: string): Promise<string> {
  emu.configure({ autoApprove: true });
  const response = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? '', authorizeUrl);
  if (location.searchParams.get('state') !== state) throw new Error('the redirect did not carry the sign-in state');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`the redirect to ${location.pathname} carried no code`);
  return code;
}

/** A sign-in flow whose browser is `approveInBrowser`. */
function emulatorFlow(emu: Emulator): SignInFlow {
  return {
    id: 'loopback',
    label: 'the emulator approves at once',
    worksIn: () => true,
    registeredRedirectUri: () => EMULATOR_REDIRECT_URI,
    prepare: async () => ({
      redirectUri: EMULATOR_REDIRECT_URI,
      obtainCode: (authorizeUrl, state) => approveInBrowser(emu, authorizeUrl, state),
      dispose: () => undefined,
    }),
  };
}

/** Nobody watches: no progress to show, never cancelled, and "Try another way" is declined. */
export const unattendedUi: SignInUi = {
  withProgress: (_title, task) => task(() => undefined, NEVER_CANCELLED),
  offer: async () => false,
};

/** What a host gives the core's sign-in (src/core.ts) to sign in to the emulator. */
export function emulatorSignInHost(emu: Emulator): SignInHost {
  return { flows: async () => [emulatorFlow(emu)], ui: unattendedUi };
}

/** `backbeat.clientId`, `accountsUrl` and `apiUrl` as a user points them at the emulator. */
export function emulatorSettings(emu: Emulator): SpotifySettings {
  return { clientId: emu.clientId, accountsUrl: emu.accountsUrl, apiUrl: emu.apiUrl };
}

/** The emulator's token endpoint for Backbeat's app, with its client secret (classic flow) or without (PKCE). */
export function emulatorTokenClient(emu: Emulator, withSecret = false): TokenClient {
  return { accountsUrl: emu.accountsUrl, clientId: emu.clientId, clientSecret: withSecret ? emu.clientSecret : undefined, timeoutMs: 2_000 };
}

/** What `signIn` needs to sign in to the emulator with Backbeat's Client ID and no client secret. */
export function emulatorSignInDeps(emu: Emulator, clock: Clock, log: Pick<Log, 'trace' | 'info' | 'warn' | 'addSecret'>): SignInDeps {
  return {
    settings: () => emulatorSettings(emu),
    clientSecrets: { get: async () => undefined },
    // Only a 429 would make the gate hold a timer; one GET /me rarely meets one.
    accountOf: accountOfToken({ apiUrl: () => emu.apiUrl, gate: new RetryAfterGate(clock), clock, log }),
    ui: unattendedUi,
    clock,
    log,
    showDialog: () => false,
  };
}

/** A session from the extension's own sign-in, for a test that holds no core (a keeper, a client). */
export function signInToEmulator(
  emu: Emulator,
  clock: Clock,
  log: Pick<Log, 'trace' | 'info' | 'warn' | 'addSecret'>,
  scopes: readonly string[] = DEFAULT_SCOPES,
): Promise<StoredSession> {
  return signIn(emulatorSignInDeps(emu, clock, log), emulatorFlow(emu), scopes);
}
