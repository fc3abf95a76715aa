import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import type { Clock } from '../clock';
import type { SpotifySettings } from '../config/settings';
import { isValidClientId } from '../config/serviceUrl';
import type { Log } from '../log';
import { SpotifyClient } from '../spotify/client';
import { RequestMeter, SpotifyHttp } from '../spotify/http';
import type { RetryAfterGate } from '../spotify/retryAfterGate';
import { buildAuthorizeUrl } from './authorizeUrl';
import type { ClientSecretStore } from './clientSecretStore';
import { flowsToTry, signInTryingFlows } from './flows/chooseFlow';
import { detectFlowEnvironment } from './flows/flowEnvironment';
import type { SignInFlow } from './flows/signInFlow';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce';
import type { StoredSession } from './session';
import { SignInCancelled, SignInSetupNeeded } from './signInErrors';
import { signInFlowSetting } from './signInSettings';
import { exchangeCode } from './tokenEndpoint';

/**
 * Signing in from start to stored session: the flows that suit this editor, tried in turn with
 * "Having trouble signing in? Try another way" between them.
 */
export const TRY_ANOTHER_WAY = 'Try Another Way';

export async function signInChoosingFlow(deps: SignInDeps, extensionId: string, flows: readonly SignInFlow[], scopes: readonly string[]): Promise<StoredSession> {
  const candidates = flowsToTry(flows, signInFlowSetting(), await detectFlowEnvironment(extensionId));
  return signInTryingFlows(candidates, (flow) => signIn(deps, flow, scopes), async (failed, next, error) => {
    const why = error instanceof SignInCancelled ? 'cancelled' : (error as Error).message;
    deps.log.info(`The ${failed.id} sign-in did not complete (${why}); offering the ${next.id} flow.`);
    const choice = await vscode.window.showInformationMessage(`Having trouble signing in? Try another way: ${next.label}.`, TRY_ANOTHER_WAY);
    return choice === TRY_ANOTHER_WAY;
  });
}

/**
 * One sign-in attempt from start to stored session: PKCE (or the client secret), the flow that
 * brings the code back, the token exchange and the account's name from `GET /me`, all under a
 * cancellable progress notification.
 */
export interface SignInDeps {
  settings(): SpotifySettings;
  clientSecrets: ClientSecretStore;
  gate: RetryAfterGate;
  /** Counts the sign-in's `GET /me` into the daily budget. */
  meter?: RequestMeter;
  clock: Clock;
  log: Log;
}

export async function signIn(deps: SignInDeps, flow: SignInFlow, scopes: readonly string[]): Promise<StoredSession> {
  const settings = deps.settings();
  const clientId = settings.clientId;
  if (!clientId) throw new SignInSetupNeeded('Set your Spotify Client ID first.');
  if (!isValidClientId(clientId)) {
    throw new SignInSetupNeeded(`The Client ID in backbeat.clientId is not valid: Spotify Client IDs are 32 hexadecimal characters.`);
  }
  const clientSecret = await deps.clientSecrets.get();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Signing in to Spotify', cancellable: true },
    async (progress, cancel) => {
      progress.report({ message: 'approve Backbeat in your browser…' });
      const prepared = await flow.prepare();
      try {
        const state = createState();
        const verifier = clientSecret ? undefined : createCodeVerifier();
        const authorizeUrl = buildAuthorizeUrl({
          accountsUrl: settings.accountsUrl,
          clientId,
          redirectUri: prepared.redirectUri,
          state,
          scopes,
          codeChallenge: verifier && codeChallengeS256(verifier),
        });
        deps.log.info(`Signing in with the ${flow.id} flow; redirect URI ${prepared.redirectUri}`);
        const code = await prepared.obtainCode(authorizeUrl, state, cancel);
        deps.log.addSecret(code);
        progress.report({ message: 'finishing…' });
        const client = { accountsUrl: settings.accountsUrl, clientId, clientSecret };
        const grant = await exchangeCode(client, code, prepared.redirectUri, verifier);
        deps.log.addSecret(grant.accessToken);
        deps.log.addSecret(grant.refreshToken);
        if (!grant.refreshToken) throw new Error('Spotify did not return a refresh token; sign in again.');
        const account = await accountFor(deps, settings.apiUrl, grant.accessToken);
        return {
          id: randomUUID(),
          accessToken: grant.accessToken,
          refreshToken: grant.refreshToken,
          expiresAt: deps.clock.now() + grant.expiresInSeconds * 1000,
          scopes: grant.scopes.length ? grant.scopes : [...scopes],
          account: { id: account.id, label: account.displayName },
          usesClientSecret: !!clientSecret,
        };
      } finally {
        prepared.dispose();
      }
    },
  );
}

function accountFor(deps: SignInDeps, apiUrl: string, accessToken: string) {
  const fixedToken = {
    accessToken: async () => accessToken,
    accessTokenAfterRejection: async () => {
      throw new Error('Spotify rejected the new access token.');
    },
  };
  const http = new SpotifyHttp({ apiUrl: () => apiUrl, tokens: fixedToken, gate: deps.gate, meter: deps.meter, clock: deps.clock, log: deps.log });
  return new SpotifyClient(http).me();
}
