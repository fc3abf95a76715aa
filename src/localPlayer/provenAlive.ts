import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import type { Log } from '../log';
import type { LocalCommand, LocalPlayer, LocalPlayerState } from './localPlayer';
import { RestartDelay } from './restartDelay';

// A local source may be the truth only while it proves it is alive. A helper on a system we
// cannot run (macOS, Windows) may hang in ways nobody foresaw; its heartbeat says it has not.
// After SILENT_MS without a line the helper is stopped (its process killed), so its last state
// is gone and the Web API is read again, and it starts again with back-off. Whatever goes wrong
// inside a helper, the user gets at worst the Web API's behaviour, never a frozen status bar.

/** Helpers write a heartbeat at least every 5 s: three missed ones mean it hangs. */
export const SILENT_MS = 15_000;

/** `player` watched for silence; a player without a heartbeat is returned as it is. */
export function provenAlive(player: LocalPlayer, clock: Clock, log: Pick<Log, 'warn'>): LocalPlayer {
  return player.onDidBeat ? new ProvenAlive(player, player.onDidBeat, clock, log) : player;
}

class ProvenAlive implements LocalPlayer {
  private wanted = false;
  private lastBeat = 0;
  private watchdog: Disposable | undefined;
  private restart: Disposable | undefined;
  private readonly delay: RestartDelay;
  private readonly beats: Disposable;

  constructor(
    private readonly inner: LocalPlayer,
    onDidBeat: NonNullable<LocalPlayer['onDidBeat']>,
    private readonly clock: Clock,
    private readonly log: Pick<Log, 'warn'>,
  ) {
    this.delay = new RestartDelay(clock);
    this.beats = onDidBeat(() => (this.lastBeat = clock.monotonic()));
  }

  get via(): string {
    return this.inner.via;
  }

  get polls(): boolean | undefined {
    return this.inner.polls;
  }

  get state(): LocalPlayerState | undefined {
    return this.inner.state;
  }

  get onDidChange(): LocalPlayer['onDidChange'] {
    return this.inner.onDidChange;
  }

  start(): void {
    this.wanted = true;
    if (this.restart || this.watchdog) return;
    this.run();
  }

  stop(): void {
    this.wanted = false;
    this.cancel();
    this.inner.stop();
  }

  send(command: LocalCommand): Promise<void> {
    return this.inner.send(command);
  }

  refresh(): void {
    this.inner.refresh?.();
  }

  private run(): void {
    this.delay.started();
    this.lastBeat = this.clock.monotonic();
    this.inner.start();
    this.watch(SILENT_MS);
  }

  private watch(ms: number): void {
    this.watchdog = this.clock.setTimeout(() => this.check(), ms);
  }

  private check(): void {
    const silentMs = this.clock.monotonic() - this.lastBeat;
    // A helper whose last word is "Spotify is not running" shows nothing that could freeze: it may rest.
    if (silentMs < SILENT_MS) return this.watch(SILENT_MS - silentMs);
    if (this.inner.state?.running === false) return this.watch(SILENT_MS);
    this.watchdog = undefined;
    this.inner.stop();
    const wait = this.delay.failed();
    this.log.warn(`Spotify on this computer (${this.inner.via}): the helper said nothing for ${Math.round(silentMs / 1000)} s; stopped it, the Web API is the truth meanwhile; starting it again in ${Math.round(wait / 1000)} s.`);
    this.restart = this.clock.setTimeout(() => {
      this.restart = undefined;
      if (this.wanted) this.run();
    }, wait);
  }

  private cancel(): void {
    this.watchdog?.dispose();
    this.watchdog = undefined;
    this.restart?.dispose();
    this.restart = undefined;
  }

  dispose(): void {
    this.cancel();
    this.beats.dispose();
    this.inner.dispose();
  }
}
