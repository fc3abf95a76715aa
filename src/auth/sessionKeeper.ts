import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import { Emitter } from '../emitter';
import type { Log } from '../log';
import type { StoredSession } from './session';
import type { SessionStore } from './sessionStore';
import { isDeadGrant, refreshGrant, TokenClient, TokenError } from './tokenEndpoint';
import { l10n } from '../l10n';

// Keeps the signed-in session alive: refreshes ahead of expiry and on demand, shares one in-flight
// refresh between all callers, follows other windows through the store, and signs out only when
// Spotify says the grant is dead.

export interface SessionChange {
  added?: StoredSession;
  removed?: StoredSession;
  changed?: StoredSession;
}

export class NotSignedIn extends Error {
  constructor() {
    super(l10n.t('You are not signed in to Spotify.'));
  }
}

/** A token this close to expiry is refreshed before use: timers drift across sleep. */
const EXPIRY_MARGIN_MS = 60_000;
/** Scheduled refresh at about 2/3 of the token's lifetime. */
const REFRESH_AT_FRACTION = 2 / 3;
const RETRY_DELAYS_MS = [5_000, 15_000, 60_000, 5 * 60_000];
/** Another window may be a moment away from storing the token it rotated. */
const ROTATION_GRACE_MS = 1_500;

interface SessionKeeperOptions {
  store: SessionStore;
  clock: Clock;
  log: Pick<Log, 'info' | 'warn' | 'addSecret'>;
  /** Where and how to refresh; read at refresh time so setting changes apply. */
  tokenClient(usesClientSecret: boolean): Promise<TokenClient>;
  /** Called once when the grant is dead and the user has been signed out. */
  onSignedOutByServer(error: TokenError): void;
  /** Called once when this tab was signed out because another tab renewed the session it cannot read. */
  onSessionInAnotherTab?(): void;
}

export class SessionKeeper {
  private session: StoredSession | undefined;
  private inFlight: Promise<StoredSession> | undefined;
  private timer: Disposable | undefined;
  private failures = 0;
  private readonly changes = new Emitter<SessionChange>();
  readonly onDidChange = this.changes.event;
  private readonly storeSubscription: Disposable;

  constructor(private readonly options: SessionKeeperOptions) {
    this.storeSubscription = options.store.onDidChangeElsewhere((stored) => this.follow(stored));
  }

  get current(): StoredSession | undefined {
    return this.session;
  }

  async initialize(): Promise<void> {
    this.follow(await this.options.store.read());
  }

  /** A valid access token, refreshed first when it is about to expire. */
  async accessToken(): Promise<string> {
    const session = this.session;
    if (!session) throw new NotSignedIn();
    if (this.options.clock.now() < session.expiresAt - EXPIRY_MARGIN_MS) return session.accessToken;
    return (await this.refresh()).accessToken;
  }

  /** After a 401 for `rejectedToken`: refresh once, unless someone already did. */
  async accessTokenAfterRejection(rejectedToken: string): Promise<string> {
    const session = this.session;
    if (!session) throw new NotSignedIn();
    if (session.accessToken !== rejectedToken) return session.accessToken;
    return (await this.refresh()).accessToken;
  }

  /** Adopts a session from a completed sign-in. */
  async signedIn(session: StoredSession): Promise<void> {
    const previous = this.session;
    this.remember(session);
    await this.options.store.write(session);
    this.changes.fire(previous ? { removed: previous, added: session } : { added: session });
  }

  async signOut(): Promise<void> {
    const previous = this.session;
    this.session = undefined;
    this.cancelTimer();
    await this.options.store.clear();
    if (previous) this.changes.fire({ removed: previous });
  }

  refresh(): Promise<StoredSession> {
    this.inFlight ??= this.refreshOnce().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async refreshOnce(): Promise<StoredSession> {
    const session = this.session;
    if (!session) throw new NotSignedIn();
    const client = await this.options.tokenClient(session.usesClientSecret === true);
    try {
      const grant = await refreshGrant(client, session.refreshToken);
      const refreshed: StoredSession = {
        ...session,
        accessToken: grant.accessToken,
        // Spotify may omit the refresh token: the old one stays valid then.
        refreshToken: grant.refreshToken ?? session.refreshToken,
        expiresAt: this.options.clock.now() + grant.expiresInSeconds * 1000,
        scopes: grant.scopes.length ? grant.scopes : session.scopes,
      };
      if (this.session?.id !== session.id) throw new NotSignedIn(); // signed out meanwhile
      this.remember(refreshed);
      await this.options.store.write(refreshed);
      this.failures = 0;
      this.options.log.info('Refreshed the Spotify access token.');
      this.changes.fire({ changed: refreshed });
      return refreshed;
    } catch (error) {
      if (isDeadGrant(error)) return this.recoverFromDeadGrant(session, error);
      if (error instanceof TokenError && error.kind === 'unavailable') this.scheduleRetry(error);
      throw error;
    }
  }

  /** Before concluding the grant is dead, use a newer token another window may have stored. */
  private async recoverFromDeadGrant(used: StoredSession, error: TokenError): Promise<StoredSession> {
    let stored = await this.options.store.read();
    if (stored?.refreshToken === used.refreshToken) {
      // The other window may be a moment away from storing the token it rotated.
      await this.nextStoreChange(ROTATION_GRACE_MS);
      stored = await this.options.store.read();
    }
    if (stored && stored.refreshToken !== used.refreshToken) {
      this.options.log.info('Another window refreshed the Spotify session; using its token.');
      this.follow(stored);
      if (this.options.clock.now() < stored.expiresAt - EXPIRY_MARGIN_MS) return stored;
      return this.refreshOnce();
    }
    if (await this.options.store.readsOldCopy()) {
      // A web editor's tab: another tab rotated the token and stored it where this tab cannot read.
      this.options.log.warn('Another tab renewed the Spotify session; this tab reads an old copy of it until it reloads.');
      if (this.session?.id === used.id) {
        await this.signOut(); // in this tab only: the store keeps the other tab's session
        this.options.onSessionInAnotherTab?.();
      }
      throw new NotSignedIn();
    }
    this.options.log.warn(`Spotify refused to refresh the session (${error.description ?? 'invalid_grant'}); signing out.`);
    if (this.session?.id === used.id) {
      await this.signOut();
      this.options.onSignedOutByServer(error);
    }
    throw error;
  }

  private nextStoreChange(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        timer.dispose();
        subscription.dispose();
        resolve();
      };
      const subscription = this.options.store.onDidChangeElsewhere(done);
      const timer = this.options.clock.setTimeout(done, timeoutMs);
    });
  }

  /** Takes over what the store holds (from this window's read or another window's write). */
  private follow(stored: StoredSession | undefined): void {
    const previous = this.session;
    if (!stored) {
      this.session = undefined;
      this.cancelTimer();
      if (previous) this.changes.fire({ removed: previous });
      return;
    }
    this.remember(stored);
    if (!previous) this.changes.fire({ added: stored });
    else if (previous.id !== stored.id) this.changes.fire({ removed: previous, added: stored });
    else if (previous.accessToken !== stored.accessToken) this.changes.fire({ changed: stored });
  }

  private remember(session: StoredSession): void {
    this.session = session;
    this.options.log.addSecret(session.accessToken);
    this.options.log.addSecret(session.refreshToken);
    this.scheduleRefresh(session);
  }

  private scheduleRefresh(session: StoredSession): void {
    const now = this.options.clock.now();
    const lifetime = Math.max(0, session.expiresAt - now);
    // For a token of unknown age, 2/3 of what is left is a safe stand-in for 2/3 of its lifetime.
    const delay = Math.max(0, lifetime * REFRESH_AT_FRACTION);
    this.setTimer(delay);
  }

  private scheduleRetry(error: TokenError): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)];
    this.failures++;
    this.options.log.warn(`${error.message} Retrying in ${Math.round(delay / 1000)} s; you stay signed in.`);
    this.setTimer(delay);
  }

  private setTimer(delayMs: number): void {
    this.cancelTimer();
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = undefined;
      if (this.session) this.refresh().catch(() => undefined); // failures are logged and rescheduled
    }, delayMs);
  }

  private cancelTimer(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }

  dispose(): void {
    this.cancelTimer();
    this.storeSubscription.dispose();
    this.changes.dispose();
  }
}
