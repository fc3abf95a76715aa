import type * as vscode from 'vscode';
import { Emitter } from '../emitter';
import type { StoredSession } from '../auth/session';
import type { SessionChange, SessionKeeper } from '../auth/sessionKeeper';
import { hasAllScopes, normalizeScopes } from '../auth/scopes';

// VS Code's view of the Spotify account (provider id `spotify`): the Accounts menu, and
// `vscode.authentication.getSession('spotify', scopes)` for Backbeat and any other extension.
// Sessions are read from memory only; signing in is delegated to `signIn`. Built on Backbeat's own
// Emitter (shaped like vscode.Event) so its rules are unit-tested without VS Code.

export const PROVIDER_ID = 'spotify';
export const PROVIDER_LABEL = 'Spotify';

function toAuthenticationSession(session: StoredSession): vscode.AuthenticationSession {
  return {
    id: session.id,
    accessToken: session.accessToken,
    account: { id: session.account.id, label: session.account.label },
    scopes: session.scopes,
  };
}

export class SpotifyAuthProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new Emitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event as unknown as vscode.Event<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly keeper: SessionKeeper,
    private readonly signIn: (scopes: readonly string[]) => Promise<StoredSession>,
  ) {
    this.subscription = keeper.onDidChange((change) => this.changed.fire(toEvent(change)));
  }

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    const session = this.keeper.current;
    if (!session) return [];
    if (scopes && !hasAllScopes(session.scopes, normalizeScopes(scopes))) return [];
    return [toAuthenticationSession(session)];
  }

  /** Signing in keeps the session (src/auth/signInService.ts), which fires the change event. */
  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    return toAuthenticationSession(await this.signIn(scopes));
  }

  async removeSession(sessionId: string): Promise<void> {
    if (this.keeper.current?.id === sessionId) await this.keeper.signOut();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function toEvent(change: SessionChange): vscode.AuthenticationProviderAuthenticationSessionsChangeEvent {
  return {
    added: change.added ? [toAuthenticationSession(change.added)] : [],
    removed: change.removed ? [toAuthenticationSession(change.removed)] : [],
    changed: change.changed ? [toAuthenticationSession(change.changed)] : [],
  };
}
