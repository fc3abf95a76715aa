import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import { Emitter } from '../emitter';
import type { Log } from '../log';
import { AbsentBridge } from './absentBridge';
import { HelperProcess } from './helperProcess';
import { parseHelperLine } from './helperReport';
import { canDo, LocalCommand, LocalPlayer, LocalPlayerError, LocalPlayerState, NOT_RUNNING } from './localPlayer';
import { l10n } from '../l10n';

// A local player fed by a helper script's JSON lines (macOS, Windows). The OS bridges differ only
// in the helper they start and in how a command reaches the app (a one-shot osascript, or a line
// on the helper's stdin answered by an acknowledgement).

/** How long the helper has to acknowledge a command before it goes to the Web API instead. */
const ACK_TIMEOUT_MS = 3_000;
/** A helper is heard at once for this many states a second (a replay, a burst of changes)... */
export const BURST_STATES = 50;
/** ...and beyond that, when it floods, at most this often, the newest state winning. */
export const FLOOD_INTERVAL_MS = 100;
/** Problems that are facts about the machine: the helper says so and ends; it is not restarted. */
const ABSENT_PROBLEMS = new Set(['notInstalled', 'unsupported']);

interface HelperPlayerOptions {
  via: string;
  command: string;
  args: string[];
  clock: Clock;
  log: Pick<Log, 'info' | 'warn'>;
  /** Sends `command`; `ask` writes a line to the helper and resolves on its acknowledgement. */
  send(command: LocalCommand, ask: (line: string) => Promise<void>): Promise<void>;
}

export class HelperPlayer implements LocalPlayer {
  private current: LocalPlayerState | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly beat = new Emitter<void>();
  readonly onDidBeat = this.beat.event;
  private readonly helper: HelperProcess;
  private readonly absent: AbsentBridge;
  private readonly acks = new Map<number, { resolve(): void; reject(error: Error): void; timer: Disposable }>();
  private nextId = 1;
  private polling = false;
  private readonly toldProblems = new Set<string>();
  private pending: LocalPlayerState | undefined;
  private publishing: Disposable | undefined;
  /** When states were published in the last second. */
  private publishedAt: number[] = [];

  constructor(private readonly options: HelperPlayerOptions) {
    this.absent = new AbsentBridge(options.clock, options.log);
    this.helper = new HelperProcess({
      command: options.command,
      args: options.args,
      clock: options.clock,
      log: options.log,
      onLine: (line) => this.onLine(line),
      onExit: () => this.onExit(),
    });
  }

  get via(): string {
    return this.options.via;
  }

  get state(): LocalPlayerState | undefined {
    return this.current;
  }

  get polls(): boolean {
    return this.polling;
  }

  start(): void {
    if (!this.absent.recent) this.helper.start();
  }

  stop(): void {
    this.helper.stop();
  }

  async send(command: LocalCommand): Promise<void> {
    if (!this.current?.running) throw new LocalPlayerError(l10n.t('Spotify is not running on this computer.'));
    if (!canDo(this.current, command)) throw new LocalPlayerError(l10n.t('Spotify on this computer does not offer {0} through {1}.', command.type, this.via));
    await this.options.send(command, (line) => this.ask(line));
  }

  private ask(line: string): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      if (!this.helper.write(`${id} ${line}`)) return reject(new LocalPlayerError(l10n.t('the {0} helper is not running', this.via)));
      const timer = this.options.clock.setTimeout(() => {
        this.acks.delete(id);
        reject(new LocalPlayerError(l10n.t('the {0} helper did not answer "{1}" within {2} s', this.via, line, ACK_TIMEOUT_MS / 1000)));
      }, ACK_TIMEOUT_MS);
      this.acks.set(id, { resolve, reject, timer });
    });
  }

  private onLine(line: string): void {
    const report = parseHelperLine(line, this.options.clock.monotonic());
    if (report) this.beat.fire();
    switch (report?.kind) {
      case 'state':
        return this.heard(report.state);
      case 'ack': {
        const pending = this.acks.get(report.id);
        if (!pending) return;
        this.acks.delete(report.id);
        pending.timer.dispose();
        if (report.ok) pending.resolve();
        else pending.reject(new LocalPlayerError(report.error ?? 'refused'));
        return;
      }
      case 'problem':
        if (ABSENT_PROBLEMS.has(report.problem)) {
          this.helper.stop();
          this.absent.note(report.message);
          // Not running, for good: nothing to show, nothing to wait for.
          this.current = { ...NOT_RUNNING, observedAt: this.options.clock.monotonic() };
          this.changed.fire();
          return;
        }
        if (!this.toldProblems.has(report.problem)) this.options.log.warn(`Spotify on this computer (${this.via}): ${report.message}`);
        this.toldProblems.add(report.problem);
        return;
      case 'polling':
        this.polling = true;
        this.options.log.info(`Spotify on this computer (${this.via}): no change notifications; it reads Spotify every few seconds, only while this window has focus.`);
        return;
    }
  }

  /** Publishes `state` now, or, while the helper floods, the newest state every FLOOD_INTERVAL_MS. */
  private heard(state: LocalPlayerState): void {
    this.pending = state;
    if (this.publishing) return;
    const now = this.options.clock.monotonic();
    this.publishedAt = this.publishedAt.filter((at) => at > now - 1_000);
    if (this.publishedAt.length < BURST_STATES) return this.publishPending();
    this.publishing = this.options.clock.setTimeout(() => this.publishPending(), FLOOD_INTERVAL_MS);
  }

  private publishPending(): void {
    this.publishing = undefined;
    if (!this.pending) return;
    this.current = this.pending;
    this.pending = undefined;
    this.publishedAt.push(this.options.clock.monotonic());
    this.changed.fire();
  }

  private onExit(): void {
    this.publishing?.dispose();
    this.publishing = undefined;
    this.pending = undefined;
    for (const [id, pending] of this.acks) {
      pending.timer.dispose();
      pending.reject(new LocalPlayerError(l10n.t('the {0} helper ended', this.via)));
      this.acks.delete(id);
    }
    if (this.current === undefined) return;
    this.current = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
    this.beat.dispose();
  }
}
