import type { SecretStorage } from './secretStorage';
import { Emitter } from '../emitter';
import type { Log } from '../log';
import { parseStoredSession, StoredSession } from './session';
import type { SessionMark, SessionMarks } from './sessionMark';

// The signed-in session in SecretStorage, under one key holding JSON. SecretStorage is shared by
// every window of this editor, so a change made elsewhere (sign-in, refresh, sign-out) is announced
// through `onDidChangeElsewhere`. Reading never throws: a broken entry is removed and logged.
// Except in a web editor: each tab keeps its own copy, loaded when the tab opened, and saves that
// whole copy on each write. Each change therefore also leaves a mark (sessionMark.ts) that tells
// other tabs their copy is old: a sign-out then reaches them, a sign-in they cannot read is announced
// through `onDidSignInOutOfReach`, and they never write their old copy over the new session.

export const SESSION_KEY = 'backbeat.session';

export class SessionStore {
  private readonly changed = new Emitter<StoredSession | undefined>();
  readonly onDidChangeElsewhere = this.changed.event;
  private readonly outOfReach = new Emitter<void>();
  /** Another tab signed in, but this tab's copy of SecretStorage cannot show it until a reload. */
  readonly onDidSignInOutOfReach = this.outOfReach.event;
  /** The mark of the last change this window made or took in; undefined until first looked at. */
  private seenMark: string | undefined;
  private marksLooked = false;
  /** What this window's copy still holds of a session another tab signed out: not a session any more. */
  private signedOutElsewhere: string | undefined;
  /** The serialized form this window last read or wrote, to tell our own writes from others'. */
  private lastKnown: string | undefined;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly secrets: SecretStorage,
    private readonly log: Pick<Log, 'warn' | 'info'>,
    /** Shared by every window and tab; absent, changes are known only through SecretStorage. */
    private readonly marks?: SessionMarks,
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
      this.signedOutElsewhere = undefined;
      await this.secrets.store(SESSION_KEY, raw);
      await this.leaveMark(true);
    });
  }

  clear(): Promise<void> {
    return this.inTurn(async () => {
      const outdated = await this.outdatedCopy();
      if (outdated !== undefined) {
        // Deleting from an old copy would save that whole copy over another tab's newer session.
        this.signedOutElsewhere = outdated.raw;
        this.lastKnown = undefined;
        this.seenMark = outdated.mark;
        this.log.info('Signed out in this tab only: another tab changed the Spotify session since this tab opened.');
        return;
      }
      await this.clearNow();
      await this.leaveMark(false);
    });
  }

  /**
   * Reads the session again and announces it if another window changed it. VS Code does not tell
   * every window of every change (code-server tabs hear nothing), so windows also call this on focus.
   */
  recheck(): Promise<void> {
    return this.inTurn(async () => {
      const before = this.lastKnown;
      // The mark first: a window leaves it after storing, so a new mark means the store has changed.
      const mark = await this.readMark();
      const session = await this.readNow();
      const markIsNew = mark !== undefined && mark.id !== this.seenMark;
      if (mark) this.seenMark = mark.id;
      if (this.lastKnown !== before) {
        this.changed.fire(session);
      } else if (markIsNew && !mark.signedIn && before !== undefined) {
        // Signed out in another tab while this tab's copy still holds the session.
        this.signedOutElsewhere = before;
        this.lastKnown = undefined;
        this.changed.fire(undefined);
      } else if (markIsNew && mark.signedIn && before === undefined) {
        this.outOfReach.fire();
      }
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
    if (!this.marksLooked) {
      // Changes made before this window opened are in its copy already.
      this.marksLooked = true;
      this.seenMark = (await this.readMark())?.id;
    }
    let raw: string | undefined;
    try {
      raw = await this.secrets.get(SESSION_KEY);
      if (raw !== undefined && raw === this.signedOutElsewhere) raw = undefined;
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

  /** Another tab changed the session since this tab's copy of SecretStorage was taken. */
  readsOldCopy(): Promise<boolean> {
    return this.inTurn(async () => (await this.outdatedCopy()) !== undefined);
  }

  /** Another window marked a change that this window's storage does not show: it reads an old copy. */
  private async outdatedCopy(): Promise<{ raw: string | undefined; mark: string } | undefined> {
    if (!this.marksLooked) return undefined; // never read yet: nothing to compare with
    const mark = await this.readMark();
    if (mark === undefined || mark.id === this.seenMark) return undefined;
    const raw = await this.secrets.get(SESSION_KEY).then(
      (value) => value,
      () => undefined,
    );
    return raw === this.lastKnown ? { raw, mark: mark.id } : undefined;
  }

  private readMark(): Promise<SessionMark | undefined> {
    return this.marks ? this.marks.read().catch(() => undefined) : Promise.resolve(undefined);
  }

  private async leaveMark(signedIn: boolean): Promise<void> {
    if (!this.marks) return;
    try {
      this.seenMark = (await this.marks.leave(signedIn)).id;
    } catch (error) {
      this.log.warn(`Could not tell other windows the Spotify session changed: ${(error as Error).message}`);
    }
  }

  private async clearNow(): Promise<void> {
    this.lastKnown = undefined;
    this.signedOutElsewhere = undefined;
    try {
      await this.secrets.delete(SESSION_KEY);
    } catch (error) {
      this.log.warn(`Could not remove the stored Spotify session: ${(error as Error).message}`);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.outOfReach.dispose();
  }
}
