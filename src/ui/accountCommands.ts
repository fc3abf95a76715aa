import * as vscode from 'vscode';
import { registerCommandTable } from './commandTable';
import { clientIdProblem, clientSecretProblem } from '../auth/appCredentials';
import type { ClientSecretStore } from '../auth/clientSecretStore';
import type { FlowId } from '../auth/flows/signInFlow';
import type { SessionKeeper } from '../auth/sessionKeeper';
import { readClientId, storeClientId } from '../vscode/settings/settings';
import type { Log } from '../log';
import { l10n } from '../l10n';

// Sign In, Sign Out, the app credentials (Client ID, optional client secret), the redirect URI
// to register, the setup guide and the log.

interface AccountCommandDeps {
  keeper: SessionKeeper;
  log: Log;
  clientSecrets: ClientSecretStore;
  /** Signs in with Backbeat's scopes (plus those already granted); failures are reported by then. */
  signIn(): Promise<unknown>;
  /** The redirect URI to register for `flow`, or for the flow this editor tries first. */
  redirectUri(flow?: FlowId): Promise<string>;
}

/** `publisher.name#walkthrough id` of the setup walkthrough in package.json. */
const SETUP_WALKTHROUGH = 'backbeat.spotify#setup';
/** Where a developer manages their apps, and each app's User Management. */
const DEVELOPER_DASHBOARD = 'https://developer.spotify.com/dashboard';

export function registerAccountCommands(deps: AccountCommandDeps): vscode.Disposable[] {
  return registerCommandTable({
    'backbeat.signIn': (options?: { reconsent?: boolean }) => signInCommand(deps, options?.reconsent === true),
    'backbeat.signOut': async () => {
      const account = deps.keeper.current?.account.label;
      await deps.keeper.signOut();
      if (account) void vscode.window.showInformationMessage(l10n.t('Signed out of Spotify ({0}).', account));
    },
    'backbeat.setClientId': setClientId,
    'backbeat.setClientSecret': (value?: unknown) => setClientSecret(deps, value),
    'backbeat.clearClientSecret': () => clearClientSecret(deps),
    'backbeat.copyRedirectUri': (flow?: FlowId) => copyRedirectUri(deps, flow),
    'backbeat.openSetupGuide': openSetupGuide,
    'backbeat.openDeveloperDashboard': () => vscode.env.openExternal(vscode.Uri.parse(DEVELOPER_DASHBOARD)),
    'backbeat.copyClientId': copyClientId,
    'backbeat.showLog': () => deps.log.show(),
  });
}

/**
 * Signing in is the user's own request, so it starts the flow directly instead of going through
 * VS Code's "wants to sign in" question. `reconsent`: Spotify said a scope is missing, so ask for
 * consent again although signed in.
 */
async function signInCommand(deps: AccountCommandDeps, reconsent: boolean): Promise<void> {
  const current = deps.keeper.current;
  if (current && !reconsent) {
    void vscode.window.showInformationMessage(l10n.t('Already signed in to Spotify as {0}.', current.account.label));
    return;
  }
  // Without a Client ID nothing can work yet: the walkthrough explains where one comes from.
  if (!readClientId()) return openSetupGuide();
  try {
    await deps.signIn();
  } catch (error) {
    // The sign-in already told the user what went wrong, if anything deserved words.
    deps.log.info(`Sign-in did not complete: ${(error as Error).message}`);
  }
}

async function openSetupGuide(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', SETUP_WALKTHROUGH, false);
}

/** Asks for the Client ID, checks its shape and stores it in user settings. Returns true when set. */
async function setClientId(): Promise<boolean> {
  const current = readClientId();
  const value = await vscode.window.showInputBox({
    title: l10n.t('Spotify Client ID'),
    prompt: l10n.t('The Client ID of your app in the Spotify developer dashboard (32 hexadecimal characters).'),
    value: current,
    ignoreFocusOut: true,
    validateInput: clientIdProblem,
  });
  if (value === undefined) return false;
  await storeClientId(value);
  return true;
}

/** Copies the Client ID, to find the app in the dashboard (or paste it where a helper needs it). */
async function copyClientId(): Promise<void> {
  const clientId = readClientId();
  if (!clientId) {
    void vscode.window.showInformationMessage(l10n.t('No Spotify Client ID is set yet.'), l10n.t('Set Client ID')).then((choice) => (choice ? setClientId() : undefined));
    return;
  }
  await vscode.env.clipboard.writeText(clientId);
  vscode.window.setStatusBarMessage(l10n.t('$(copy) Copied the Client ID {0}', clientId), 5000);
}

/**
 * Stores the client secret in SecretStorage (never in settings). A secret passed as the command's
 * argument (scripts, tests) is stored without asking; one that cannot be a Spotify secret is refused.
 */
async function setClientSecret(deps: AccountCommandDeps, given: unknown): Promise<void> {
  const value =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: l10n.t('Spotify Client Secret (optional)'),
          prompt: l10n.t('From your app\u2019s settings in the Spotify developer dashboard. Kept in VS Code\u2019s secret storage; sign-ins then use it instead of PKCE.'),
          password: true,
          ignoreFocusOut: true,
          validateInput: clientSecretProblem,
        });
  if (value === undefined) return;
  const refusal = clientSecretProblem(value);
  if (refusal) {
    void vscode.window.showErrorMessage(refusal);
    return;
  }
  await deps.clientSecrets.set(value);
  void vscode.window.showInformationMessage(l10n.t('Client secret stored in VS Code\u2019s secret storage. Your next sign-in uses it.'));
}

async function clearClientSecret(deps: AccountCommandDeps): Promise<void> {
  await deps.clientSecrets.clear();
  if (deps.keeper.current?.usesClientSecret) {
    // Spotify refreshes a grant made with the secret only with the secret.
    await deps.keeper.signOut();
    void vscode.window
      .showInformationMessage(l10n.t('Client secret removed. Your session was made with it, so you were signed out; sign in again to use PKCE.'), l10n.t('Sign In'))
      .then((choice) => choice && vscode.commands.executeCommand('backbeat.signIn'));
    return;
  }
  void vscode.window.showInformationMessage(l10n.t('Client secret removed. Sign-ins use PKCE.'));
}

async function copyRedirectUri(deps: AccountCommandDeps, flow: FlowId | undefined): Promise<void> {
  const uri = await deps.redirectUri(flow);
  await vscode.env.clipboard.writeText(uri);
  void vscode.window.showInformationMessage(l10n.t('Copied {0}. Add it under Redirect URIs in your app\u2019s settings in the Spotify developer dashboard.', uri));
}
