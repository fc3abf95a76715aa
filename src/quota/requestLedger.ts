import { randomBytes } from 'crypto';
import type { Clock } from '../clock';
import { Emitter } from '../emitter';
import type { Log } from '../log';
import type { LedgerStore } from './ledgerStore';
import { plainReason } from '../spotify/errors';
import { isRequestKind, RequestKind } from '../spotify/requestKinds';

// Every Web API request made on this machine, with any Client ID, from every window, over the last
// 24 h, and Spotify's quota penalty if one holds: Spotify counts the quota per developer account,
// and the Client IDs used on one machine most likely belong to one account. Each window appends its
// own requests (one short line each, no secrets: a time, a kind, the writing window) and reads what
// the others appended when it looks again. A reload or restart reads it all back.
//
// The files are plain text anyone on the machine with the user's rights can edit, so what is read
// back is never trusted further than Spotify itself would be: a penalty lasts at most a day, a line
// dated ahead of the clock does not count, and a huge or garbled part costs a bounded read.

export const LEDGER_WINDOW_MS = 24 * 3600_000;

/**
 * How far ahead of this machine's clock a line may be dated and still count. Further ahead, it was
 * written before the clock was set back (NTP, a restored snapshot), or forged: it would otherwise
 * count, or block, until its date comes.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

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
}

const PENALTY = 'penalty';
/** A line as windows write it: a time (ms, a fraction from virtual clocks), a kind, the writing window, and for a penalty its end and reason. */
const LINE = /^(\d{1,16}(?:\.\d{1,9})?) ([A-Za-z]{1,32}) (\S{1,32})(?: (\d{1,16}(?:\.\d{1,9})?) (\S{1,64}))?$/;
/** This version's parts: one ledger for the machine. */
const PART_PREFIX = 'machine';
/** The parts of the per-Client-ID ledgers earlier versions kept: read until they age out. */
const EARLIER_PART = /^[0-9a-f]{12}-(\d{4}-\d{2}-\d{2})\.log$/;
/** More parts than Client IDs anyone uses in two days: a folder stuffed with parts costs no more. */
const MAX_EARLIER_PARTS = 16;
/** What one read of a part takes at most. */
const READ_PIECE_BYTES = 64 * 1024;
/** More unread than a day of requests ever writes: the part was edited or is garbage, only its tail is read. */
const MAX_UNREAD_BYTES = 4 * 1024 * 1024;
/** No line of the ledger is this long: bytes this many without a line end are garbage, skipped. */
const MAX_LINE_BYTES = 1024;
const NEWLINE = 0x0a;

export class RequestLedger {
  /** Oldest first; nothing older than the window (pruned as time goes on). */
  private entries: LedgerEntry[] = [];
  private penalty: QuotaPenalty | undefined;
  /** Bytes of each part already read. */
  private readonly cursors = new Map<string, number>();
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

  /** Spotify's penalty while it holds (one that starts ahead of the clock does not: see FUTURE_TOLERANCE_MS). */
  get currentPenalty(): QuotaPenalty | undefined {
    const now = this.options.clock.now();
    const penalty = this.penalty;
    return penalty && penalty.until > now && penalty.since <= now + FUTURE_TOLERANCE_MS ? penalty : undefined;
  }

  record(kind: RequestKind): void {
    const at = this.options.clock.now();
    this.insert({ at, kind });
    this.write(at, `${at} ${kind} ${this.writer}\n`);
    this.changed.fire();
  }

  recordPenalty(penalty: QuotaPenalty): void {
    const adopted = this.adoptPenalty(penalty);
    if (!adopted) return;
    this.write(adopted.since, `${adopted.since} ${PENALTY} ${this.writer} ${adopted.until} ${adopted.reason ?? '-'}\n`);
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
    const now = this.options.clock.now();
    let changed = false;
    const parts = await this.partsCovering(now);
    for (const part of this.cursors.keys()) if (!parts.includes(part)) this.cursors.delete(part);
    for (const part of parts) {
      try {
        changed = (await this.readPart(part)) || changed;
      } catch (error) {
        this.warnOnce(`Could not read the request ledger: ${(error as Error).message}`);
      }
    }
    await this.dropOldParts(now);
    if (changed) this.changed.fire();
  }

  /** Takes the whole lines part `part` gained since this window last looked, a bounded piece at a time. */
  private async readPart(part: string): Promise<boolean> {
    let from = this.cursors.get(part) ?? 0;
    let changed = false;
    let midLine = false;
    for (;;) {
      const piece = await this.options.store.readFrom(part, from, READ_PIECE_BYTES);
      if (!piece) break;
      if (piece.size - from > MAX_UNREAD_BYTES) {
        from = piece.size - MAX_UNREAD_BYTES;
        midLine = true;
        continue;
      }
      const { bytes } = piece;
      const end = bytes.lastIndexOf(NEWLINE) + 1;
      if (end === 0) {
        // A line another window is writing right now is read whole next time; garbage is skipped.
        if (bytes.length < MAX_LINE_BYTES) break;
        from += bytes.length;
      } else {
        // After a jump into the tail, the first line is a fragment.
        const start = midLine ? bytes.indexOf(NEWLINE) + 1 : 0;
        for (const line of bytes.subarray(start, end).toString('utf8').split('\n')) changed = this.take(line) || changed;
        from += end;
      }
      midLine = false;
      this.cursors.set(part, from);
      if (bytes.length < READ_PIECE_BYTES) break;
    }
    return changed;
  }

  /** One line from the store; true when it told this window something new. */
  private take(line: string): boolean {
    const [, at, kind, writer, until, reason] = LINE.exec(line) ?? [];
    if (!at || writer === this.writer) return false;
    const time = Number(at);
    if (kind === PENALTY) return until !== undefined && this.adoptPenalty({ since: time, until: Number(until), reason }) !== undefined;
    const now = this.options.clock.now();
    if (time <= now - LEDGER_WINDOW_MS || time > now + FUTURE_TOLERANCE_MS) return false;
    // A kind from a newer Backbeat still counts; as something the user asked for.
    this.insert({ at: time, kind: isRequestKind(kind) ? kind : 'command' });
    return true;
  }

  /**
   * Takes a penalty unless one holding already lasts as long, as Spotify could have given it: from
   * no later than now, for at most a day (its wait ends when the oldest requests leave the rolling
   * 24 h, as a live Retry-After is capped), with a reason that is a plain word. Returns what it took.
   */
  private adoptPenalty(told: QuotaPenalty): QuotaPenalty | undefined {
    const now = this.options.clock.now();
    if (told.since > now + FUTURE_TOLERANCE_MS) return undefined;
    const penalty = { since: told.since, until: Math.min(told.until, told.since + LEDGER_WINDOW_MS), reason: plainReason(told.reason) };
    const held = this.currentPenalty;
    if (penalty.until <= now || (held && held.until >= penalty.until)) return undefined;
    this.penalty = penalty;
    return penalty;
  }

  private insert(entry: LedgerEntry): void {
    const entries = this.entries;
    let i = entries.length;
    while (i > 0 && entries[i - 1].at > entry.at) i--;
    entries.splice(i, 0, entry);
  }

  /** Drops what left the window, and what the clock, set back, now dates too far ahead. */
  private prune(): void {
    const now = this.options.clock.now();
    const oldest = now - LEDGER_WINDOW_MS;
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop].at <= oldest) drop++;
    if (drop) this.entries.splice(0, drop);
    while (this.entries.length && this.entries[this.entries.length - 1].at > now + FUTURE_TOLERANCE_MS) this.entries.pop();
  }

  private write(at: number, line: string): void {
    const part = this.partFor(at);
    this.writing = this.writing
      .then(() => this.options.store.append(part, line))
      .catch((error: unknown) => this.warnOnce(`Could not write the request ledger (the count in this window stays right): ${(error as Error).message}`));
  }

  private partFor(at: number): string {
    return `${PART_PREFIX}-${dayOf(at)}.log`;
  }

  /**
   * A rolling day touches today's part and yesterday's (parts are per UTC day), and the parts
   * earlier versions kept per Client ID for those days.
   */
  private async partsCovering(now: number): Promise<string[]> {
    const days = new Set([dayOf(now - LEDGER_WINDOW_MS), dayOf(now)]);
    let listed: string[] = [];
    try {
      listed = await this.options.store.parts();
    } catch (error) {
      this.warnOnce(`Could not list the request ledger: ${(error as Error).message}`);
    }
    const earlier = listed.filter((part) => days.has(EARLIER_PART.exec(part)?.[1] ?? '')).sort();
    return [...[...days].map((day) => `${PART_PREFIX}-${day}.log`), ...earlier.slice(0, MAX_EARLIER_PARTS)];
  }

  /** Parts no rolling day can reach any more are removed, once a day by whichever window looks first. */
  private async dropOldParts(now: number): Promise<void> {
    const today = dayOf(now);
    if (this.cleanedDay === today) return;
    this.cleanedDay = today;
    const oldestKept = dayOf(now - LEDGER_WINDOW_MS);
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

/** The UTC day a time falls on, as parts are named: 2026-12-07. */
function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
