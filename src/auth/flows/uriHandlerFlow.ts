import * as vscode from 'vscode';
import type { PendingSignIns } from '../pendingSignIns';
import type { FlowEnvironment, PreparedFlow, SignInFlow } from './signInFlow';

/**
 * Spotify redirects to the editor's own URI scheme (vscode://backbeat.spotify/callback on desktop);
 * the extension's UriHandler hands the query to the pending sign-in. `asExternalUri` lets remote and
 * web hosts route it.
 */
export const CALLBACK_PATH = '/callback';

export async function uriHandlerRedirectUri(extensionId: string): Promise<string> {
  const local = vscode.Uri.parse(`${vscode.env.uriScheme}://${extensionId}${CALLBACK_PATH}`);
  // toString(true): an encoded query would not match the redirect URI Spotify sends back to.
  return (await vscode.env.asExternalUri(local)).toString(true);
}

export class UriHandlerFlow implements SignInFlow {
  readonly id = 'uriHandler' as const;
  readonly label = 'Sign in through the browser and return to VS Code';

  constructor(
    private readonly extensionId: string,
    private readonly pending: PendingSignIns,
  ) {}

  worksIn(env: FlowEnvironment): boolean {
    // On the web, the callback URI changes per request, so Spotify cannot have it registered.
    return !env.web;
  }

  async prepare(): Promise<PreparedFlow> {
    const redirectUri = await uriHandlerRedirectUri(this.extensionId);
    return {
      redirectUri,
      obtainCode: async (authorizeUrl, state, cancel) => {
        const code = this.pending.waitForCode(state, cancel);
        // A string, not a vscode.Uri: re-encoding the query would corrupt redirect_uri.
        await vscode.env.openExternal(authorizeUrl as unknown as vscode.Uri);
        return code;
      },
      dispose: () => undefined,
    };
  }
}
