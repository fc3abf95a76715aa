import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import type { WindowActivity } from '../windowActivity';
import type { LocalPlayer } from './localPlayer';

// Watching the desktop app costs memory and CPU on the user's machine (a D-Bus connection, or a
// helper process): it runs only while this window is focused, and a while after, so switching to
// the browser for a minute does not restart it; after a stretch without focus it ends. One that
// polls (macOS without change notifications) ends as soon as the window loses focus.
// What the app does not announce (a seek in Spotify's own window) is re-read when the window
// gains focus and, while it is focused, the app has a track and the status bar shows the time,
// every few seconds: a local call, no quota.
export const UNFOCUSED_STOP_MS = 5 * 60_000;
export const POSITION_CHECK_MS = 3_000;

export class LocalPlayerWhileInUse implements Disposable {
  private stopTimer: Disposable | undefined;
  private positionTimer: Disposable | undefined;
  private wasFocused = false;
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly player: LocalPlayer,
    private readonly window: WindowActivity,
    private readonly clock: Clock,
    /** `backbeat.localPlayer` is not `off`. */
    private readonly enabled: () => boolean,
    /** The status bar shows the position in the track. */
    private readonly showsProgress: () => boolean,
  ) {
    this.subscriptions = [window.onDidChange(() => this.update()), player.onDidChange(() => this.checkPosition())];
    this.update();
  }

  /** Call when the setting may have changed. */
  update(): void {
    const focused = this.enabled() && this.window.focused;
    if (!this.enabled()) {
      this.cancelStop();
      this.player.stop();
    } else if (focused) {
      this.cancelStop();
      this.player.start();
      if (!this.wasFocused) this.player.refresh?.();
    } else if (this.player.polls) {
      this.cancelStop();
      this.player.stop();
    } else {
      this.stopTimer ??= this.clock.setTimeout(() => {
        this.stopTimer = undefined;
        this.player.stop();
      }, UNFOCUSED_STOP_MS);
    }
    this.wasFocused = focused;
    this.checkPosition();
  }

  /** Keeps one position check due while it is worth one. */
  private checkPosition(): void {
    // Paused too: a seek made in a paused app moves the time the status bar shows.
    const worth = this.wasFocused && !!this.player.state?.track && this.showsProgress();
    if (!worth) {
      this.positionTimer?.dispose();
      this.positionTimer = undefined;
      return;
    }
    this.positionTimer ??= this.clock.setTimeout(() => {
      this.positionTimer = undefined;
      this.player.refresh?.();
      this.checkPosition();
    }, POSITION_CHECK_MS);
  }

  private cancelStop(): void {
    this.stopTimer?.dispose();
    this.stopTimer = undefined;
  }

  dispose(): void {
    this.cancelStop();
    this.positionTimer?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.player.dispose();
  }
}
