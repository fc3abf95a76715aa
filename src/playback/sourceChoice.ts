import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import { Emitter } from '../emitter';
import { canDo, LocalCommand, LocalPlayer, LocalPlayerState, LocalTrack } from '../localPlayer/localPlayer';
import type { Log } from '../log';
import { BackgroundCheck } from './backgroundCheck';
import { isComputer, sameItem, snapshotFromLocal } from './localSnapshot';
import type { PlaybackState } from './playbackState';
import type { ReadHold } from './scheduler';
import type { WindowActivity } from '../windowActivity';

// Which source is the truth for what plays: the Spotify app on this computer or the Web API.
// The rules (README, "The Spotify app on this computer"):
// 1. The local app plays a track: it is the truth, and Web API now-playing reads stop.
// 2. It pauses: it stays the truth for PAUSED_HANDOVER_MS, then reads resume (the music may go on
//    elsewhere). Signed out, it stays the truth: there is nothing else to read.
// 3. It quits (or has no track): reads resume at once.
// 4. The Web API says the track the local app shows plays on another device (a phone, a speaker:
//    the app is then only its remote control): the Web API is the truth. Each time the local app
//    becomes the truth while signed in (or the user signs in while it is), one Web API read checks
//    this (unless a fresh answer already tells), so a wrong guess costs one read, never a stale
//    status bar. The check is a background check (src/playback/backgroundCheck.ts): once per
//    track, once a minute, while the window is focused, so an app that keeps coming and going
//    cannot spend the day's requests.
// Commands go to the local app while it runs, unless rule 4 holds; for a Free account or when
// signed out they go there whenever it runs.

interface SourceChoiceOptions {
  player: LocalPlayer;
  state: PlaybackState;
  clock: Clock;
  log: Pick<Log, 'info'>;
  window: WindowActivity;
  /** One Web API read now (rule 4's check). */
  check(): Promise<void>;
}

/** Rule 2: how long a paused local app stays the truth. */
export const PAUSED_HANDOVER_MS = 60_000;
/** A Web API answer younger than this already tells where the music plays. */
const FRESH_ANSWER_MS = 5_000;

export class SourceChoice implements ReadHold, Disposable {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private pausedSince: number | undefined;
  private handoverTimer: Disposable | undefined;
  private free = false;
  private wasSignedIn = false;
  private readonly checks: BackgroundCheck;
  private readonly subscriptions: Disposable[];

  constructor(private readonly options: SourceChoiceOptions) {
    this.checks = new BackgroundCheck({ clock: options.clock, window: options.window, check: () => this.checkNow() });
    this.subscriptions = [
      options.player.onDidChange(() => this.evaluate()),
      options.state.onDidObserveWeb(() => this.evaluate()),
    ];
    this.evaluate();
  }

  /** The scheduler's hold: true while the local app is the truth. */
  get held(): boolean {
    return this.options.state.localIsTruth;
  }

  /** Call when the session changed: rule 2 depends on it, and signing in is when rule 4 can be checked. */
  sessionChanged(): void {
    const wasTruth = this.options.state.localIsTruth;
    const signedIn = this.signedIn();
    this.evaluate();
    // A refreshed token is the same session: only signing in calls for the check.
    if (signedIn && !this.wasSignedIn) {
      this.checks.forget();
      if (wasTruth && this.options.state.localIsTruth) this.checkElsewhere();
    }
    this.wasSignedIn = signedIn;
  }

  /** Spotify answered PREMIUM_REQUIRED for this account. */
  get accountFree(): boolean {
    return this.free;
  }

  /** Spotify answered PREMIUM_REQUIRED: from now on, commands go to the local app whenever it runs. */
  accountIsFree(): void {
    this.free = true;
  }

  /** The local player to send `command` to, or undefined for the Web API. */
  localFor(command: LocalCommand): LocalPlayer | undefined {
    const local = this.options.player.state;
    if (!canDo(local, command)) return undefined;
    if (this.free || !this.signedIn()) return this.options.player;
    return local?.track && this.playsElsewhere(local.track) ? undefined : this.options.player;
  }

  private signedIn(): boolean {
    return this.options.state.webAvailability.kind !== 'signedOut';
  }

  private evaluate(): void {
    const { state } = this.options;
    const local = this.options.player.state;
    const track = local?.running ? local.track : undefined;
    if (!track || local?.status === 'playing') this.pausedSince = undefined;
    this.handoverTimer?.dispose();
    this.handoverTimer = undefined;
    state.observeLocal(track && local ? snapshotFromLocal({ ...local, track }, state.webAnswer?.snapshot) : undefined, local?.observedAt);
    const truth = !!track && !!local && this.shouldBeTruth(local, track);
    if (truth === state.localIsTruth) return;
    state.preferLocal(truth);
    this.options.log.info(truth ? 'Now playing from Spotify on this computer; Web API reads paused.' : 'Now playing from the Spotify Web API.');
    this.changed.fire();
    if (truth) this.checkElsewhere();
    else this.checks.want(undefined);
  }

  /** Asks for rule 4's one read for the track the local app shows. */
  private checkElsewhere(): void {
    const track = this.options.player.state?.track;
    if (track && this.checkNeeded()) this.checks.want(track.uri ?? track.title);
  }

  /** Rule 4's read, when it is still needed by the time the limits let it go. */
  private checkNow(): void {
    if (this.options.state.localIsTruth && this.checkNeeded()) void this.options.check().catch(() => undefined);
  }

  /** Signed in, and no fresh Web API answer already tells where the music plays. */
  private checkNeeded(): boolean {
    const answer = this.options.state.webAnswer;
    return this.signedIn() && !(answer && this.options.clock.monotonic() - answer.observedAt < FRESH_ANSWER_MS);
  }

  private shouldBeTruth(local: LocalPlayerState, track: LocalTrack): boolean {
    if (this.playsElsewhere(track)) return false;
    if (local.status === 'playing' || !this.signedIn()) return true;
    const now = this.options.clock.monotonic();
    this.pausedSince ??= now;
    const left = this.pausedSince + PAUSED_HANDOVER_MS - now;
    if (left <= 0) return false;
    this.handoverTimer = this.options.clock.setTimeout(() => this.evaluate(), left);
    return true;
  }

  /** Rule 4: the last Web API answer has this track playing on a device that is not a computer. */
  private playsElsewhere(track: LocalTrack): boolean {
    const web = this.options.state.webAnswer?.snapshot;
    return !!web?.isPlaying && !!web.item && !!web.device && !isComputer(web.device) && sameItem(web.item, track);
  }

  dispose(): void {
    this.handoverTimer?.dispose();
    this.checks.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}
