import type { Disposable } from '../../clock';
import type { CancelSignal } from '../pendingSignIns';

/**
 * One way of getting an authorization code back from the browser. Each flow declares where it
 * works, so choosing one is a filter over declarations rather than ifs spread around the code.
 */
export type FlowId = 'uriHandler' | 'loopback' | 'manual';

export interface FlowEnvironment {
  /** The extension host runs on another machine than the browser (Remote-SSH, WSL, containers). */
  remote: boolean;
  /** VS Code itself runs in a browser (code-server, Codespaces, vscode.dev). */
  web: boolean;
}

export interface PreparedFlow extends Disposable {
  /** The redirect URI this attempt sends to Spotify. */
  readonly redirectUri: string;
  /** Sends the user to `authorizeUrl` and resolves with the authorization code for `state`. */
  obtainCode(authorizeUrl: string, state: string, cancel: CancelSignal): Promise<string>;
}

export interface SignInFlow {
  readonly id: FlowId;
  /** Words for "Try another way" choices. */
  readonly label: string;
  worksIn(env: FlowEnvironment): boolean;
  prepare(): Promise<PreparedFlow>;
}
