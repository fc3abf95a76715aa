import type * as vscode from 'vscode';
import { SessionKeeper } from './auth/sessionKeeper';
import { SessionStore } from './auth/sessionStore';
import type { TokenClient } from './auth/tokenEndpoint';
import type { Clock } from './clock';
import type { LocalPlayer } from './localPlayer/localPlayer';
import { LocalPlayerWhileInUse } from './localPlayer/whileInUse';
import type { Log } from './log';
import { PlayerCommands } from './playback/playerCommands';
import { PlaybackState } from './playback/playbackState';
import { PlaybackScheduler, ReadScheduling, SchedulerOptions, SchedulerTiming } from './playback/scheduler';
import { SourceChoice } from './playback/sourceChoice';
import type { WindowActivity } from './playback/windowActivity';
import { SpotifyClient } from './spotify/client';
import { RequestObserver, SpotifyHttp } from './spotify/http';
import { RetryAfterGate } from './spotify/retryAfterGate';
import { LikeStatus } from './ui/likeStatus';
import { Notices, ShowNotice } from './ui/notices';

// The extension's parts without VS Code, wired once: the session (SecretStorage, refresh, other
// windows), the Web API client behind the Retry-After gate, the Spotify app on this computer and
// the rules that merge it with the Web API, the playback state, the scheduler that decides when a
// read is worth a request, the commands and the notification rules.
// src/extension.ts adapts VS Code to this; the hardening rig and the benchmark build the very same
// wiring on Node, so what they measure is the extension.

export interface CoreHost {
  secrets: vscode.SecretStorage;
  clock: Clock;
  log: Pick<Log, 'trace' | 'info' | 'warn' | 'addSecret'>;
  window: WindowActivity;
  apiUrl(): string;
  /** Where and how to refresh tokens; read at refresh time so setting changes apply. */
  tokenClient(usesClientSecret: boolean): Promise<TokenClient>;
  showNotice: ShowNotice;
  timing(): SchedulerTiming;
  /** True while a view shows the like flag. */
  likeShown(): boolean;
  /** Told whenever the signed-in state may have changed (VS Code's `backbeat.signedIn` context). */
  onSignedInChanged?(signedIn: boolean): void;
  requestTimeoutMs?: number;
  onRequest?: RequestObserver;
  /** The benchmark's baselines: another client's rule for when to read, and its own Retry-After handling. */
  scheduling?(options: SchedulerOptions): ReadScheduling;
  gate?(clock: Clock): RetryAfterGate;
  /** The Spotify app on this computer (src/localPlayer); absent: the Web API alone. */
  localPlayer?: LocalPlayer;
  /** `backbeat.localPlayer` is not `off`; read when `localPlayerSettingChanged` is called. */
  localPlayerEnabled?(): boolean;
}

export class Core {
  readonly notices: Notices;
  readonly gate: RetryAfterGate;
  readonly store: SessionStore;
  readonly keeper: SessionKeeper;
  readonly client: SpotifyClient;
  readonly state: PlaybackState;
  readonly scheduler: ReadScheduling;
  readonly commands: PlayerCommands;
  readonly likes: LikeStatus;
  /** Which source is the truth, when there is a local player. */
  readonly sources: SourceChoice | undefined;
  private readonly localWhileInUse: LocalPlayerWhileInUse | undefined;
  private readonly subscriptions: { dispose(): void }[];

  constructor(private readonly host: CoreHost) {
    const { clock, log } = host;
    this.notices = new Notices(log, clock, host.showNotice);
    this.gate = host.gate?.(clock) ?? new RetryAfterGate(clock);
    this.store = new SessionStore(host.secrets, log);
    this.keeper = new SessionKeeper({
      store: this.store,
      clock,
      log,
      tokenClient: host.tokenClient,
      onSignedOutByServer: (error) => this.notices.report(error, 'Refresh'),
    });
    this.client = new SpotifyClient(
      new SpotifyHttp({ apiUrl: host.apiUrl, tokens: this.keeper, gate: this.gate, clock, log, timeoutMs: host.requestTimeoutMs, onRequest: host.onRequest }),
    );
    this.state = new PlaybackState(clock);
    const local = host.localPlayer;
    this.sources = local && new SourceChoice({ player: local, state: this.state, clock, log, check: () => this.scheduler.refreshNow() });
    const scheduling: SchedulerOptions = {
      reader: this.client,
      state: this.state,
      window: host.window,
      clock,
      log,
      timing: host.timing,
      waitUntil: () => this.gate.blockedUntil,
      onDidChangeWait: this.gate.onDidChange,
      hold: this.sources,
    };
    this.scheduler = host.scheduling?.(scheduling) ?? new PlaybackScheduler(scheduling);
    this.commands = new PlayerCommands({ client: this.client, state: this.state, scheduler: this.scheduler, notices: this.notices, log, local: this.sources });
    this.likes = new LikeStatus(this.client, this.state, host.likeShown, log);
    this.subscriptions = [this.keeper.onDidChange(() => this.followSession())];
    this.localWhileInUse = local && new LocalPlayerWhileInUse(local, host.window, clock, host.localPlayerEnabled ?? (() => true));
  }

  /** `backbeat.localPlayer` changed: start or stop watching the desktop app. */
  localPlayerSettingChanged(): void {
    this.localWhileInUse?.update();
  }

  /** Reads the stored session, as a window does when it opens, and starts reading if signed in. */
  async start(): Promise<void> {
    await this.keeper.initialize();
    this.followSession();
  }

  /** The session decides whether the status bar reads at all. */
  private followSession(): void {
    const signedIn = !!this.keeper.current;
    if (!signedIn) this.state.setAvailability({ kind: 'signedOut' });
    else if (this.state.webAvailability.kind === 'signedOut') this.state.setAvailability({ kind: 'unknown' });
    this.scheduler.setEnabled(signedIn);
    this.sources?.sessionChanged();
    this.host.onSignedInChanged?.(signedIn);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.localWhileInUse?.dispose();
    this.sources?.dispose();
    this.likes.dispose();
    this.keeper.dispose();
    this.store.dispose();
    this.gate.dispose();
    this.scheduler.dispose();
    this.state.dispose();
  }
}
