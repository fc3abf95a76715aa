import type * as vscode from 'vscode';
import { Emitter } from '../emitter';
import type { Log } from '../log';
import { parseStoredSession, StoredSession } from './session';

// The signed-in session in SecretStorage, under one key holding JSON. SecretStorage is shared by
// every window of this editor, so a change made elsewhere (sign-in, refresh, sign-out) is announced
// through `onDidChangeElsewhere`. Reading never throws: a broken entry is removed and logged.

export const SESSION_KEY = 'backbeat.session';

export class SessionStore {
  private readonly changed = new Emitter<StoredSession | undefined>();
  readonly onDidChangeElsewhere = this.changed.event;
  /** The serialized form this window last read or wrote, to tell our own writes from others'. */
  private lastKnown: string | undefined;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Pick<Log, 'warn' | 'info'>,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SESSION_KEY) void this.recheck();
    });
  }

  /** The stored session (undefined when there is none or it cannot be read). */
  read(): Promise<StoredSession | undefined> {
    return this.inTurn(() => this.readNow());
  }

  write(session: StoredSession): Promise<void> {
    return this.inTurn(async () => {
      const raw = JSON.stringify(session);
      this.lastKnown = raw;
      await this.secrets.store(SESSION_KEY, raw);
    });
  }

  clear(): Promise<void> {
    return this.inTurn(() => this.clearNow());
  }

  /**
   * Reads the session again and announces it if another window changed it. VS Code does not tell
   * every window of every change (code-server tabs hear nothing), so windows also call this on focus.
   */
  recheck(): Promise<void> {
    return this.inTurn(async () => {
      const before = this.lastKnown;
      const session = await this.readNow();
      if (this.lastKnown !== before) this.changed.fire(session);
    });
  }

  /**
   * One storage operation at a time: a read racing this window's own write (a sign-in still being
   * stored when the window is focused) would take the old value for another window's change.
   */
  private inTurn<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.turn.then(operation);
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async readNow(): Promise<StoredSession | undefined> {
    let raw: string | undefined;
    try {
      raw = await this.secrets.get(SESSION_KEY);
    } catch (error) {
      // The OS keychain can be locked or unavailable; treat it as signed out without crashing.
      this.log.warn(`Could not read the stored Spotify session: ${(error as Error).message}`);
      return undefined;
    }
    if (raw === undefined) {
      this.lastKnown = undefined;
      return undefined;
    }
    const session = parseStoredSession(raw);
    if (!session) {
      this.log.warn('The stored Spotify session was unreadable or incomplete; it was removed and you are signed out.');
      await this.clearNow();
      return undefined;
    }
    this.lastKnown = raw;
    return session;
  }

  private async clearNow(): Promise<void> {
    this.lastKnown = undefined;
    try {
      await this.secrets.delete(SESSION_KEY);
    } catch (error) {
      this.log.warn(`Could not remove the stored Spotify session: ${(error as Error).message}`);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
