import type { PendingSignIns } from '../pendingSignIns';
import { CALLBACK_PATH, FlowEnvironment, PreparedFlow, SignInFlow } from './signInFlow';
import { l10n } from '../../l10n';

// Spotify redirects to the editor's own URI scheme (vscode://backbeat.spotify/callback on desktop);
// the extension's UriHandler hands the query to the pending sign-in. `asExternalUri` lets remote and
// web hosts route it.

interface UriHandlerFlowDeps {
  /** The running editor's scheme: vscode, vscode-insiders, cursor, code-oss… */
  uriScheme: string;
  /** vscode.env.asExternalUri, as a string that keeps the query unencoded. */
  externalUri(uri: string): Promise<string>;
  openInBrowser(url: string): Promise<void>;
}

export class UriHandlerFlow implements SignInFlow {
  readonly id = 'uriHandler' as const;
  readonly label = l10n.t('Sign in through the browser and return to VS Code');

  constructor(
    private readonly extensionId: string,
    private readonly pending: PendingSignIns,
    private readonly deps: UriHandlerFlowDeps,
  ) {}

  worksIn(env: FlowEnvironment): boolean {
    // On the web, the callback URI changes per request, so Spotify cannot have it registered.
    return !env.web;
  }

  registeredRedirectUri(): string {
    return `${this.deps.uriScheme}://${this.extensionId}${CALLBACK_PATH}`;
  }

  async prepare(): Promise<PreparedFlow> {
    const redirectUri = await this.deps.externalUri(this.registeredRedirectUri());
    return {
      redirectUri,
      obtainCode: async (authorizeUrl, state, cancel) => {
        const code = this.pending.waitForCode(state, cancel);
        await this.deps.openInBrowser(authorizeUrl);
        return code;
      },
      dispose: () => undefined,
    };
  }
}
