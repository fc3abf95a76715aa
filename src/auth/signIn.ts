// Signing in from start to stored session: PKCE (or the client secret), the flow that brings the
// code back, the token exchange and the account's name from `GET /me`, under a cancellable
// progress indicator; the flows that suit this editor are tried in turn, with "Having trouble
// signing in? Try another way" between them. The progress UI, the question and `GET /me` come in
// as small interfaces (VS Code's live in editorSignIn.ts), so tests drive this very code.
import { randomUUID } from 'crypto';
import type { Clock } from '../clock';
import type { SpotifySettings } from './spotifySettings';
import type { Log } from '../log';
import { SpotifyError } from '../spotify/errors';
import type { AccountOfToken } from './accountOfToken';
import { clientIdProblem } from './appCredentials';
import { buildAuthorizeUrl } from './authorizeUrl';
import type { ClientSecretStore } from './clientSecretStore';
import { signInTryingFlows } from './flows/chooseFlow';
import type { SignInFlow } from './flows/signInFlow';
import type { CancelSignal } from './pendingSignIns';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce';
import type { StoredSession } from './session';
import { NotOnUserList, SignInCancelled, SignInSetupNeeded } from './signInErrors';
import { exchangeCode } from './tokenEndpoint';
import { l10n } from '../l10n';

export interface SignInUi {
  /** Runs `task` under a progress indicator titled `title` with a Cancel button; `report` sets the line under the title. */
  withProgress<T>(title: string, task: (report: (message: string) => void, cancel: CancelSignal) => Promise<T>): Promise<T>;
  /** Shows `message` with one button; resolves true when the user presses it, false when it is dismissed. */
  offer(message: string, button: string): Promise<boolean>;
}

export interface SignInDeps {
  settings(): SpotifySettings;
  clientSecrets: Pick<ClientSecretStore, 'get'>;
  accountOf: AccountOfToken;
  ui: SignInUi;
  clock: Clock;
  log: Pick<Log, 'info' | 'addSecret'>;
  /** Ask Spotify to show its dialog (after a sign-out, so another account can be chosen). */
  showDialog(): boolean;
}

/** Tries `flows` (the ones that suit this editor, in order) until one signs in or the user stops. */
export function signInChoosingFlow(deps: SignInDeps, flows: readonly SignInFlow[], scopes: readonly string[]): Promise<StoredSession> {
  return signInTryingFlows(flows, (flow) => signIn(deps, flow, scopes), (failed, next, error) => {
    const why = error instanceof SignInCancelled ? 'cancelled' : (error as Error).message;
    deps.log.info(`The ${failed.id} sign-in did not complete (${why}); offering the ${next.id} flow.`);
    return deps.ui.offer(l10n.t('Having trouble signing in? Try another way: {0}.', next.label), l10n.t('Try Another Way'));
  });
}

/** One attempt with `flow`. */
export async function signIn(deps: SignInDeps, flow: SignInFlow, scopes: readonly string[]): Promise<StoredSession> {
  const settings = deps.settings();
  const clientId = settings.clientId;
  if (!clientId) throw new SignInSetupNeeded(l10n.t('Set your Spotify Client ID first.'));
  const problem = clientIdProblem(clientId);
  if (problem) throw new SignInSetupNeeded(l10n.t('The Client ID in backbeat.clientId is not valid. {0}', problem));
  const clientSecret = await deps.clientSecrets.get();
  return deps.ui.withProgress(l10n.t('Signing in to Spotify'), async (report, cancel) => {
    report(l10n.t('approve Backbeat in your browser…'));
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
        showDialog: deps.showDialog(),
      });
      deps.log.info(`Signing in with the ${flow.id} flow; redirect URI ${prepared.redirectUri}`);
      const code = await prepared.obtainCode(authorizeUrl, state, cancel);
      deps.log.addSecret(code);
      report(l10n.t('finishing…'));
      const client = { accountsUrl: settings.accountsUrl, clientId, clientSecret };
      const grant = await exchangeCode(client, code, prepared.redirectUri, verifier);
      deps.log.addSecret(grant.accessToken);
      deps.log.addSecret(grant.refreshToken);
      if (!grant.refreshToken) throw new Error(l10n.t('Spotify did not return a refresh token; sign in again.'));
      const account = await deps.accountOf(grant.accessToken).catch((error: unknown) => {
        // The first request after consent is where Spotify refuses an account missing from the app's user list.
        throw error instanceof SpotifyError && error.kind === 'user_not_registered' ? new NotOnUserList(clientId) : error;
      });
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
  });
}
