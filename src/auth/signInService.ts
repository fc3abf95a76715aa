// Signing in as the core offers it to every host: the scopes Backbeat needs plus those granted
// before (consent covers the union), the flows the host can use tried in turn (signIn.ts), and the
// new session kept for every window (sessionKeeper.ts). The host brings only the flows and the UI.
import { DEFAULT_SCOPES, normalizeScopes } from './scopes';
import type { SignInFlow } from './flows/signInFlow';
import type { StoredSession } from './session';
import type { SessionKeeper } from './sessionKeeper';
import { signInChoosingFlow, SignInDeps, SignInUi } from './signIn';

export interface SignInHost {
  /** The flows that suit this editor, in the order to try them (VS Code's: src/vscode/editorFlows.ts). */
  flows(): Promise<readonly SignInFlow[]>;
  /** The progress indicator and the "Try another way" question. */
  ui: SignInUi;
}

export class SignInService {
  constructor(
    private readonly keeper: SessionKeeper,
    private readonly deps: Omit<SignInDeps, 'ui'>,
    private readonly host: SignInHost,
  ) {}

  async signIn(scopes: readonly string[] = DEFAULT_SCOPES): Promise<StoredSession> {
    const wanted = normalizeScopes([...DEFAULT_SCOPES, ...(this.keeper.current?.scopes ?? []), ...scopes]);
    const session = await signInChoosingFlow({ ...this.deps, ui: this.host.ui }, await this.host.flows(), wanted);
    await this.keeper.signedIn(session);
    return session;
  }
}
