import { createHash, randomBytes } from 'crypto';
import type { Clock } from '../clock';
import { Emitter } from '../emitter';
import type { Log } from '../log';
import type { LedgerStore } from './ledgerStore';
import { isRequestKind, RequestKind } from './requestKinds';

// Every Web API request made with this Client ID on this machine, from every window, over the
// last 24 h, and Spotify's quota penalty if one holds. Each window appends its own requests
// (one short line each, no secrets: a time, a kind, the writing window) and reads what the others
// appended when it looks again. A reload or restart reads it all back.

export const LEDGER_WINDOW_MS = 24 * 3600_000;

export interface LedgerEntry {
  at: number;
  kind: RequestKind;
}

/** Spotify's answer that the daily quota is spent: nothing may be sent from `since` until `until`. */
export interface QuotaPenalty {
  since: number;
  until: number;
  reason: string | undefined;
}

interface RequestLedgerOptions {
  store: LedgerStore;
  clock: Clock;
  log: Pick<Log, 'warn'>;
  /** The app whose quota this is: each Client ID has its own ledger. */
  clientId(): string;
}

const PENALTY = 'penalty';

export class RequestLedger {
  /** Oldest first; nothing older than the window (pruned as time goes on). */
  private entries: LedgerEntry[] = [];
  private penalty: QuotaPenalty | undefined;
  /** Bytes of each part already read. */
  private readonly cursors = new Map<string, number>();
  private key: string | undefined;
  /** Tells this window's lines from other windows' (a restart is a new writer, so it reads its old lines back). */
  private readonly writer = randomBytes(6).toString('hex');
  private writing: Promise<void> = Promise.resolve();
  private syncing: Promise<void> | undefined;
  private trouble = false;
  private cleanedDay: string | undefined;
  private readonly changed = new Emitter<void>();
  /** Something was recorded here or found from another window. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: RequestLedgerOptions) {}

  /** Requests in the last 24 h, oldest first. */
  recent(): readonly LedgerEntry[] {
    this.prune();
    return this.entries;
  }

  /** Spotify's penalty while it holds. */
  get currentPenalty(): QuotaPenalty | undefined {
    return this.penalty && this.penalty.until > this.options.clock.now() ? this.penalty : undefined;
  }

  record(kind: RequestKind): void {
    this.followClient();
    const at = this.options.clock.now();
    this.insert({ at, kind });
    this.write(at, `${at} ${kind} ${this.writer}\n`);
    this.changed.fire();
  }

  recordPenalty(penalty: QuotaPenalty): void {
    this.followClient();
    if (!this.adoptPenalty(penalty)) return;
    this.write(penalty.since, `${penalty.since} ${PENALTY} ${this.writer} ${penalty.until} ${penalty.reason ?? '-'}\n`);
    this.changed.fire();
  }

  /** Reads what other windows appended since this one last looked; cheap when nothing changed. */
  sync(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  /** Resolves once this window's lines are stored (tests, and before a window closes). */
  flushed(): Promise<void> {
    return this.writing;
  }

  private async syncOnce(): Promise<void> {
    this.followClient();
    const now = this.options.clock.now();
    let changed = false;
    const parts = this.partsCovering(now);
    for (const part of this.cursors.keys()) if (!parts.includes(part)) this.cursors.delete(part);
    for (const part of parts) {
      const from = this.cursors.get(part) ?? 0;
      let text: string | undefined;
      try {
        text = await this.options.store.readFrom(part, from);
      } catch (error) {
        this.warnOnce(`Could not read the request ledger: ${(error as Error).message}`);
        continue;
      }
      if (!text) continue;
      // A line another window is writing right now is read whole next time.
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      this.cursors.set(part, from + Buffer.byteLength(complete, 'utf8'));
      for (const line of complete.split('\n')) changed = this.take(line) || changed;
    }
    await this.dropOldParts(now);
    if (changed) this.changed.fire();
  }

  /** One line from the store; true when it told this window something new. */
  private take(line: string): boolean {
    const [at, kind, writer, until, reason] = line.split(' ');
    const time = Number(at);
    if (!Number.isFinite(time) || !kind || writer === this.writer) return false;
    if (kind === PENALTY) {
      const end = Number(until);
      return Number.isFinite(end) && this.adoptPenalty({ since: time, until: end, reason: reason && reason !== '-' ? reason : undefined });
    }
    if (time <= this.options.clock.now() - LEDGER_WINDOW_MS) return false;
    // A kind from a newer Backbeat still counts; as something the user asked for.
    this.insert({ at: time, kind: isRequestKind(kind) ? kind : 'command' });
    return true;
  }

  private adoptPenalty(penalty: QuotaPenalty): boolean {
    if (this.penalty && this.penalty.until >= penalty.until) return false;
    this.penalty = penalty;
    return true;
  }

  private insert(entry: LedgerEntry): void {
    const entries = this.entries;
    let i = entries.length;
    while (i > 0 && entries[i - 1].at > entry.at) i--;
    entries.splice(i, 0, entry);
  }

  private prune(): void {
    const oldest = this.options.clock.now() - LEDGER_WINDOW_MS;
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop].at <= oldest) drop++;
    if (drop) this.entries.splice(0, drop);
  }

  private write(at: number, line: string): void {
    const part = this.partFor(at);
    this.writing = this.writing
      .then(() => this.options.store.append(part, line))
      .catch((error: unknown) => this.warnOnce(`Could not write the request ledger (the count in this window stays right): ${(error as Error).message}`));
  }

  /** Another Client ID is another app with its own quota: start over with its ledger. */
  private followClient(): void {
    const key = createHash('sha256').update(this.options.clientId()).digest('hex').slice(0, 12);
    if (key === this.key) return;
    const switched = this.key !== undefined;
    this.key = key;
    this.entries = [];
    this.penalty = undefined;
    this.cursors.clear();
    if (switched) this.changed.fire();
  }

  private partFor(at: number): string {
    return `${this.key}-${new Date(at).toISOString().slice(0, 10)}.log`;
  }

  /** A rolling day touches today's part and yesterday's (parts are per UTC day). */
  private partsCovering(now: number): string[] {
    return [...new Set([this.partFor(now - LEDGER_WINDOW_MS), this.partFor(now)])];
  }

  /** Parts no rolling day can reach any more are removed, once a day by whichever window looks first. */
  private async dropOldParts(now: number): Promise<void> {
    const today = new Date(now).toISOString().slice(0, 10);
    if (this.cleanedDay === today) return;
    this.cleanedDay = today;
    const oldestKept = new Date(now - LEDGER_WINDOW_MS).toISOString().slice(0, 10);
    try {
      for (const part of await this.options.store.parts()) {
        const day = /-(\d{4}-\d{2}-\d{2})\.log$/.exec(part)?.[1];
        if (day && day < oldestKept) await this.options.store.remove(part);
      }
    } catch (error) {
      this.warnOnce(`Could not tidy the request ledger: ${(error as Error).message}`);
    }
  }

  private warnOnce(message: string): void {
    if (this.trouble) return;
    this.trouble = true;
    this.options.log.warn(message);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
