import type { Disposable } from '../../disposable';
import type { CancelSignal } from '../pendingSignIns';

// One way of getting an authorization code back from the browser. Each flow declares where it
// works, so choosing one is a filter over declarations rather than ifs spread around the code.

export type FlowId = 'uriHandler' | 'loopback' | 'manual';

/** Where Spotify sends the browser back, for every flow that receives the redirect itself. */
export const CALLBACK_PATH = '/callback';

/** Every flow, in the order `auto` tries them where they work. */
export const FLOW_IDS: readonly FlowId[] = ['uriHandler', 'loopback', 'manual'];

export interface FlowEnvironment {
  /** VS Code itself runs in a browser (code-server, Codespaces). */
  web: boolean;
  /** A browser on the user's machine reaches the extension host's 127.0.0.1. */
  browserReachesLoopback: boolean;
}

/** What VS Code reports about where it runs. */
interface EditorPlacement {
  /** VS Code runs in a browser. */
  web: boolean;
  /** The window is connected to a remote (SSH, WSL, a container, a web server): `env.remoteName`. */
  remoteWindow: boolean;
  /**
   * Backbeat's extension host is on the user's machine even in a remote window: its
   * `extensionKind` is "ui" (package.json prefers it, to reach the desktop app's media controls).
   */
  hostOnUserMachine: boolean;
  /** For web: the editor is served from 127.0.0.1 / localhost. */
  servedFromLoopback: boolean;
}

export function flowEnvironmentOf(placement: EditorPlacement): FlowEnvironment {
  const remote = placement.remoteWindow && !placement.hostOnUserMachine;
  return { web: placement.web, browserReachesLoopback: placement.web ? placement.servedFromLoopback : !remote };
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
  /** What the user registers in the Spotify dashboard for this flow in this editor. */
  registeredRedirectUri(): string;
  prepare(): Promise<PreparedFlow>;
}
