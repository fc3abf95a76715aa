import type { SecretStorage } from './auth/secretStorage';
import { SessionKeeper } from './auth/sessionKeeper';
import { SessionStore } from './auth/sessionStore';
import { AccountChoice, FlagMemento } from './auth/accountChoice';
import { accountOfToken } from './auth/accountOfToken';
import { ClientSecretStore } from './auth/clientSecretStore';
import type { StoredSession } from './auth/session';
import { SignInHost, SignInService } from './auth/signInService';
import type { SpotifySettings } from './auth/spotifySettings';
import type { Clock } from './clock';
import type { Disposable } from './disposable';
import type { Event } from './emitter';
import type { LocalPlayer } from './localPlayer/localPlayer';
import { provenAlive } from './localPlayer/provenAlive';
import { LocalPlayerWhileInUse } from './localPlayer/whileInUse';
import type { Log } from './log';
import { PlayerCommands } from './playback/playerCommands';
import { PlaybackState } from './playback/playbackState';
import { PlaybackScheduler, RequestWait, SchedulerTiming } from './playback/scheduler';
import { SourceChoice } from './playback/sourceChoice';
import type { WindowActivity } from './windowActivity';
import { QuotaExceeded } from './quota/quotaErrors';
import type { LedgerStore } from './quota/ledgerStore';
import type { SessionMarks } from './auth/sessionMark';
import { SESSION_IN_ANOTHER_TAB } from './present/sessionInAnotherTab';
import { RequestBudget } from './quota/requestBudget';
import { RequestLedger } from './quota/requestLedger';
import { SpotifyClient } from './spotify/client';
import { DeviceList } from './spotify/deviceList';
import { SpotifyHttp } from './spotify/http';
import { MyPlaylists } from './spotify/myPlaylists';
import { RetryAfterGate } from './spotify/retryAfterGate';
import { LikeStatus } from './playback/likeStatus';
import { Notices, ShowNotice } from './present/notices';

// The extension's parts without VS Code, wired once: the session (SecretStorage, refresh, other
// windows), the daily request budget over the ledger all windows share, the Web API client behind
// the Retry-After gate and the budget, the Spotify app on this computer and the rules that merge it
// with the Web API, the playback state, the scheduler that decides when a read is worth a request,
// the commands, the remembered devices and playlists, and the notification rules.
// src/extension.ts adapts VS Code to this; the hardening rig and the benchmark's Backbeat rows build
// the very same wiring on Node, so what they measure is the extension.

export interface CoreHost {
  secrets: SecretStorage;
  clock: Clock;
  log: Pick<Log, 'trace' | 'info' | 'warn' | 'addSecret'>;
  window: WindowActivity;
  /** The app and the servers (`backbeat.clientId`...): read at each use, so setting changes apply. */
  spotify(): SpotifySettings;
  /** Where the request ledger lives: shared by every window of this machine. */
  ledgerStore: LedgerStore;
  /** Where windows mark session changes for each other (web editor tabs hear nothing else). */
  sessionMarks?: SessionMarks;
  /** `backbeat.dailyRequestBudget`: requests per rolling 24 h, 0 for none. */
  dailyRequestBudget(): number;
  /** Storage every window shares (VS Code's globalState): whether the user signed out since the last sign-in. */
  memento: FlagMemento;
  /** The sign-in flows this host can offer, and its progress and question UI. */
  signIn: SignInHost;
  showNotice: ShowNotice;
  timing(): SchedulerTiming;
  /** True while a view shows the like flag. */
  likeShown(): boolean;
  /** Told whenever the signed-in state may have changed (VS Code's `backbeat.signedIn` context). */
  onSignedInChanged?(signedIn: boolean): void;
  /** How long a request may take; VS Code's host keeps the default, the hardening rig makes hanging servers cost little. */
  requestTimeoutMs?: number;
  /** The Spotify app on this computer (src/localPlayer); absent: the Web API alone. */
  localPlayer?: LocalPlayer;
  /** `backbeat.localPlayer` is not `off`; read when `settingsChanged` is called. */
  localPlayerEnabled?(): boolean;
  /** The status bar shows the position (`backbeat.statusBar.showProgress`): the local player's position is then kept exact. */
  showsProgress?(): boolean;
}

export class Core {
  readonly notices: Notices;
  readonly gate: RetryAfterGate;
  readonly ledger: RequestLedger;
  readonly budget: RequestBudget;
  readonly store: SessionStore;
  readonly keeper: SessionKeeper;
  /** The optional client secret (classic Authorization Code flow). */
  readonly clientSecrets: ClientSecretStore;
  private readonly signIns: SignInService;
  readonly client: SpotifyClient;
  readonly devices: DeviceList;
  readonly playlists: MyPlaylists;
  readonly state: PlaybackState;
  readonly scheduler: PlaybackScheduler;
  readonly commands: PlayerCommands;
  readonly likes: LikeStatus;
  /** Which source is the truth, when there is a local player. */
  readonly sources: SourceChoice | undefined;
  /** Made by `start`: loading the desktop app's bridge is no work for the first paint. */
  private localWhileInUse: LocalPlayerWhileInUse | undefined;
  private readonly local: LocalPlayer | undefined;
  /** Catching up with other windows after this one gained focus; reads wait for it. */
  private catchingUp: Promise<void> = Promise.resolve();
  private wasFocused: boolean;
  private readonly subscriptions: Disposable[];

  constructor(private readonly host: CoreHost) {
    const { clock, log } = host;
    this.notices = new Notices(log, clock, host.showNotice);
    this.gate = new RetryAfterGate(clock);
    this.ledger = new RequestLedger({ store: host.ledgerStore, clock, log });
    this.budget = new RequestBudget({ ledger: this.ledger, clock, log, dailyRequests: host.dailyRequestBudget });
    this.store = new SessionStore(host.secrets, log, host.sessionMarks);
    this.clientSecrets = new ClientSecretStore(host.secrets, log);
    this.keeper = new SessionKeeper({
      store: this.store,
      clock,
      log,
      tokenClient: async (usesClientSecret) => {
        const { accountsUrl, clientId = '' } = host.spotify();
        return { accountsUrl, clientId, clientSecret: usesClientSecret ? await this.clientSecrets.get() : undefined, timeoutMs: host.requestTimeoutMs };
      },
      onSignedOutByServer: (error) => this.notices.report(error, 'Refresh'),
      onSessionInAnotherTab: () => void host.showNotice(SESSION_IN_ANOTHER_TAB),
    });
    const http = {
      apiUrl: () => host.spotify().apiUrl,
      gate: this.gate,
      clock,
      log,
      timeoutMs: host.requestTimeoutMs,
      meter: this.budget,
    };
    this.client = new SpotifyClient(new SpotifyHttp({ ...http, tokens: this.keeper }));
    const accountChoice = new AccountChoice(host.memento, this.keeper.onDidChange);
    this.signIns = new SignInService(
      this.keeper,
      {
        settings: host.spotify,
        clientSecrets: this.clientSecrets,
        // The new token's account, asked through the same gate, budget and timeout as every request.
        accountOf: accountOfToken(http),
        clock,
        log,
        showDialog: () => accountChoice.wanted,
      },
      host.signIn,
    );
    this.devices = new DeviceList(this.client, clock);
    this.playlists = new MyPlaylists(this.client);
    this.state = new PlaybackState(clock);
    const local = host.localPlayer && provenAlive(host.localPlayer, clock, log);
    this.sources =
      local && new SourceChoice({ player: local, state: this.state, clock, log, window: host.window, check: () => this.scheduler.refreshNow('localCheck') });
    this.scheduler = new PlaybackScheduler({
      reader: this.client,
      state: this.state,
      window: host.window,
      clock,
      log,
      timing: host.timing,
      pace: this.budget,
      wait: () => this.wait(),
      onDidChangeWait: anyOf(this.gate.onDidChange, this.budget.onDidChange),
      beforeRead: () => Promise.all([this.budget.sync(), this.catchingUp]).then(() => undefined),
      hold: this.sources,
    });
    this.commands = new PlayerCommands({
      client: this.client,
      devices: this.devices,
      state: this.state,
      scheduler: this.scheduler,
      notices: this.notices,
      log,
      local: this.sources,
    });
    this.likes = new LikeStatus({ library: this.client, state: this.state, shown: host.likeShown, log, clock, window: host.window });
    this.wasFocused = host.window.focused;
    this.subscriptions = [
      this.keeper.onDidChange(() => this.followSession()),
      host.window.onDidChange(() => this.followFocus()),
      // Told once, by the window Spotify told; the others show it in the status bar.
      this.budget.onDidReceivePenalty((p) => this.notices.report(new QuotaExceeded(p.until, p.reason), 'Spotify')),
      this.store.onDidSignInOutOfReach(() => void host.showNotice(SESSION_IN_ANOTHER_TAB)),
      accountChoice,
    ];
    this.local = local;
  }

  /**
   * Signs in with Backbeat's scopes, `scopes` and those granted before, and keeps the session; a
   * failure is reported to the user (one notification per cause) and thrown.
   */
  signIn(scopes?: readonly string[]): Promise<StoredSession> {
    return this.signIns.signIn(scopes).catch((error: unknown) => {
      this.notices.report(error, 'Sign-in');
      throw error;
    });
  }

  /**
   * A `backbeat.*` setting changed: the budget and the reading rhythm follow it, the like flag is
   * asked for if it is shown now, and the desktop app is watched or not.
   */
  settingsChanged(): void {
    this.budget.limitChanged();
    this.scheduler.timingChanged();
    this.likes.refresh();
    this.localWhileInUse?.update();
  }

  /**
   * Reads the stored session and the ledger, as a window does when it opens, starts reading if
   * signed in, and starts following the desktop app. Nothing of it is needed for the first paint:
   * the extension calls it without waiting.
   */
  async start(): Promise<void> {
    await Promise.all([this.keeper.initialize(), this.budget.sync()]);
    this.followSession();
    const { host, local } = this;
    this.localWhileInUse ??=
      local && new LocalPlayerWhileInUse(local, host.window, host.clock, host.localPlayerEnabled ?? (() => true), host.showsProgress ?? (() => true));
  }

  /** What holds every request back: Spotify's quota penalty (any window's), or this window's Retry-After. */
  private wait(): RequestWait {
    const penaltyMs = this.budget.penaltyMsLeft();
    return penaltyMs > 0 ? { msLeft: penaltyMs, quota: true } : { msLeft: this.gate.msLeft(), quota: false };
  }

  /** The session decides whether the status bar reads at all. */
  private followSession(): void {
    const signedIn = !!this.keeper.current;
    if (!signedIn) this.state.setAvailability({ kind: 'signedOut' });
    else if (this.state.webAvailability.kind === 'signedOut') this.state.setAvailability({ kind: 'unknown' });
    this.devices.forget();
    this.playlists.forget();
    this.scheduler.setEnabled(signedIn);
    this.sources?.sessionChanged();
    this.host.onSignedInChanged?.(signedIn);
  }

  /**
   * Back in this window: other windows (or code-server tabs, which hear no change events) may have
   * spent requests, hit the quota, signed in or out. Look again before the next read.
   */
  private followFocus(): void {
    const focused = this.host.window.focused;
    if (focused && !this.wasFocused) {
      this.catchingUp = Promise.all([this.budget.sync(), this.store.recheck()]).then(
        () => undefined,
        () => undefined,
      );
    }
    this.wasFocused = focused;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    if (this.localWhileInUse) this.localWhileInUse.dispose();
    else this.local?.dispose();
    this.sources?.dispose();
    this.likes.dispose();
    this.keeper.dispose();
    this.store.dispose();
    this.gate.dispose();
    this.scheduler.dispose();
    this.budget.dispose();
    this.ledger.dispose();
    this.state.dispose();
  }
}

/** One event for several sources. */
function anyOf(...events: Event<unknown>[]): Event<unknown> {
  return (listener) => {
    const subscriptions = events.map((event) => event(listener));
    return { dispose: () => subscriptions.forEach((s) => s.dispose()) };
  };
}
