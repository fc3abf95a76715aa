import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import type { WindowActivity } from '../playback/windowActivity';
import type { LocalPlayer } from './localPlayer';

// Watching the desktop app costs memory and CPU on the user's machine (a D-Bus connection, or a
// helper process): it runs only while this window is focused, and a while after, so switching to
// the browser for a minute does not restart it; after a stretch without focus it ends. One that
// polls (macOS without change notifications) ends as soon as the window loses focus.
export const UNFOCUSED_STOP_MS = 5 * 60_000;

export class LocalPlayerWhileInUse implements Disposable {
  private stopTimer: Disposable | undefined;
  private readonly subscription: Disposable;

  constructor(
    private readonly player: LocalPlayer,
    private readonly window: WindowActivity,
    private readonly clock: Clock,
    /** `backbeat.localPlayer` is not `off`. */
    private readonly enabled: () => boolean,
  ) {
    this.subscription = window.onDidChange(() => this.update());
    this.update();
  }

  /** Call when the setting may have changed. */
  update(): void {
    if (!this.enabled()) {
      this.cancelStop();
      this.player.stop();
    } else if (this.window.focused) {
      this.cancelStop();
      this.player.start();
    } else if (this.player.polls) {
      this.cancelStop();
      this.player.stop();
    } else {
      this.stopTimer ??= this.clock.setTimeout(() => {
        this.stopTimer = undefined;
        this.player.stop();
      }, UNFOCUSED_STOP_MS);
    }
  }

  private cancelStop(): void {
    this.stopTimer?.dispose();
    this.stopTimer = undefined;
  }

  dispose(): void {
    this.cancelStop();
    this.subscription.dispose();
    this.player.dispose();
  }
}
