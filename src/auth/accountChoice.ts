// After a sign-out, the next sign-in asks Spotify to show its dialog (`show_dialog=true`). Without
// it, Spotify sends a user who approved the app before straight back, signed in as whichever
// account the browser is logged in to, so switching Spotify accounts would be impossible.
import type { Disposable } from '../disposable';
import type { Event } from '../emitter';
import type { SessionChange } from './sessionKeeper';

/** The part of VS Code's globalState this needs (shared by every window). */
export interface FlagMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const SIGNED_OUT_KEY = 'backbeat.signedOutSinceLastSignIn';

export class AccountChoice implements Disposable {
  private readonly subscription: Disposable;

  constructor(
    private readonly memento: FlagMemento,
    onDidChangeSession: Event<SessionChange>,
  ) {
    this.subscription = onDidChangeSession((change) => {
      if (change.added) void this.memento.update(SIGNED_OUT_KEY, undefined);
      else if (change.removed) void this.memento.update(SIGNED_OUT_KEY, true);
    });
  }

  /** The user signed out since the last sign-in: let them choose the account this time. */
  get wanted(): boolean {
    return this.memento.get<boolean>(SIGNED_OUT_KEY) === true;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
