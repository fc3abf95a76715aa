import type { Clock } from '../clock';
import type { Log } from '../log';

// Some reasons a bridge cannot work are facts about the machine, not faults: no D-Bus session bus
// (code-server on a server, containers, WSL without systemd), Spotify not installed, no WinRT media
// controls. Retrying them with back-off only fills the log. Said once; looked at again only when a
// window gains focus after a long while (the bridge's next start).

export const LOOK_AGAIN_MS = 30 * 60_000;

export class AbsentBridge {
  private since: number | undefined;
  private readonly told = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly log: Pick<Log, 'info'>,
  ) {}

  /** The bridge cannot work on this machine, for `reason`. */
  note(reason: string): void {
    this.since = this.clock.monotonic();
    if (this.told.has(reason)) return;
    this.told.add(reason);
    this.log.info(`Spotify on this computer: ${reason.replace(/\.$/, '')}. Backbeat uses the Web API alone, and looks again when a window gains focus after ${LOOK_AGAIN_MS / 60_000} minutes.`);
  }

  /** True while a start would only find the same again. */
  get recent(): boolean {
    const since = this.since;
    if (since === undefined) return false;
    const now = this.clock.monotonic();
    return now - since < LOOK_AGAIN_MS;
  }
}
