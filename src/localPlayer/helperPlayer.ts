import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import { Emitter } from '../emitter';
import type { Log } from '../log';
import { HelperProcess } from './helperProcess';
import { parseHelperLine } from './helperReport';
import { canDo, LocalCommand, LocalPlayer, LocalPlayerError, LocalPlayerState } from './localPlayer';

// A local player fed by a helper script's JSON lines (macOS, Windows). The OS bridges differ only
// in the helper they start and in how a command reaches the app (a one-shot osascript, or a line
// on the helper's stdin answered by an acknowledgement).

/** How long the helper has to acknowledge a command before it goes to the Web API instead. */
const ACK_TIMEOUT_MS = 3_000;

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
  private readonly helper: HelperProcess;
  private readonly acks = new Map<number, { resolve(): void; reject(error: Error): void; timer: Disposable }>();
  private nextId = 1;
  private polling = false;
  private readonly toldProblems = new Set<string>();

  constructor(private readonly options: HelperPlayerOptions) {
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
    this.helper.start();
  }

  stop(): void {
    this.helper.stop();
  }

  async send(command: LocalCommand): Promise<void> {
    if (!this.current?.running) throw new LocalPlayerError('Spotify is not running on this computer.');
    if (!canDo(this.current, command)) throw new LocalPlayerError(`Spotify on this computer does not offer ${command.type} through ${this.via}.`);
    await this.options.send(command, (line) => this.ask(line));
  }

  private ask(line: string): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      if (!this.helper.write(`${id} ${line}`)) return reject(new LocalPlayerError(`the ${this.via} helper is not running`));
      const timer = this.options.clock.setTimeout(() => {
        this.acks.delete(id);
        reject(new LocalPlayerError(`the ${this.via} helper did not answer "${line}" within ${ACK_TIMEOUT_MS / 1000} s`));
      }, ACK_TIMEOUT_MS);
      this.acks.set(id, { resolve, reject, timer });
    });
  }

  private onLine(line: string): void {
    const report = parseHelperLine(line, this.options.clock.monotonic());
    switch (report?.kind) {
      case 'state':
        this.current = report.state;
        this.changed.fire();
        return;
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
        if (!this.toldProblems.has(report.problem)) this.options.log.warn(`Spotify on this computer (${this.via}): ${report.message}`);
        this.toldProblems.add(report.problem);
        return;
      case 'polling':
        this.polling = true;
        this.options.log.info(`Spotify on this computer (${this.via}): no change notifications, reading every 2 s while this window has focus.`);
        return;
    }
  }

  private onExit(): void {
    for (const [id, pending] of this.acks) {
      pending.timer.dispose();
      pending.reject(new LocalPlayerError(`the ${this.via} helper ended`));
      this.acks.delete(id);
    }
    if (this.current === undefined) return;
    this.current = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
  }
}
