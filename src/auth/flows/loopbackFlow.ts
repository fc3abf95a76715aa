import type { PendingSignIns } from '../pendingSignIns';
import type { CallbackOutcome } from './loopbackPages';
import { loopbackRedirectUri, startLoopbackServer } from './loopbackServer';
import type { FlowEnvironment, PreparedFlow, SignInFlow } from './signInFlow';
import { l10n } from '../../l10n';

// Spotify redirects the browser to http://127.0.0.1:<port>/callback, served by the extension host
// for the length of one sign-in. Spotify accepts any port for a loopback URI registered without one.

interface LoopbackFlowDeps {
  /** 0 for a free port, or the port the user fixed in backbeat.loopbackPort. */
  port(): number;
  openInBrowser(url: string): Promise<void>;
}

export class LoopbackFlow implements SignInFlow {
  readonly id = 'loopback' as const;
  readonly label = l10n.t('Sign in through the browser with a page served by VS Code on 127.0.0.1');

  constructor(
    private readonly pending: PendingSignIns,
    private readonly deps: LoopbackFlowDeps,
  ) {}

  worksIn(env: FlowEnvironment): boolean {
    return env.browserReachesLoopback;
  }

  registeredRedirectUri(): string {
    return loopbackRedirectUri();
  }

  async prepare(): Promise<PreparedFlow> {
    let expectedState: string | undefined;
    const server = await startLoopbackServer(this.deps.port(), (params) =>
      expectedState !== undefined && params.get('state') === expectedState ? outcomeOf(this.pending, params) : 'ignored',
    );
    return {
      redirectUri: server.redirectUri,
      obtainCode: async (authorizeUrl, state, cancel) => {
        expectedState = state;
        const code = this.pending.waitForCode(state, cancel);
        await this.deps.openInBrowser(authorizeUrl);
        return code;
      },
      dispose: () => server.dispose(),
    };
  }
}

function outcomeOf(pending: PendingSignIns, params: URLSearchParams): CallbackOutcome {
  if (!pending.deliver(params)) return 'ignored';
  const error = params.get('error');
  if (!error) return 'signedIn';
  return error === 'access_denied' ? 'declined' : 'failed';
}
