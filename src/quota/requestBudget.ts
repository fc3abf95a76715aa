import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import { Emitter } from '../emitter';
import type { Log } from '../log';
import { MAX_RETRY_AFTER_SECONDS, retryAfterSeconds } from '../spotify/retryAfterGate';
import { rhythmIntervalMs } from './pacing';
import { BudgetSpent, QuotaExceeded } from './quotaErrors';
import { plainReason } from '../spotify/errors';
import { LEDGER_WINDOW_MS, QuotaPenalty, RequestLedger } from './requestLedger';
import { isAutomatic, kindOfRequest, RequestKind } from '../spotify/requestKinds';

// The daily budget (`backbeat.dailyRequestBudget`) over the shared ledger: every request is
// counted as it leaves; reads Backbeat makes on its own stop at the share, what the user asks for
// may spend the reserve too; and Spotify's QUOTA_EXCEEDED stops everything, in every window,
// until the time Spotify gave.

/** Kept for commands and pickers: max(50, 15 % of the budget). */
const RESERVE_MIN = 50;
const RESERVE_FRACTION = 0.15;
/** A Retry-After longer than this is no rate limit: it is the daily quota, whatever the body says. */
const QUOTA_RETRY_AFTER_SECONDS = 10 * 60;
const HOUR_MS = 3600_000;

interface RequestBudgetOptions {
  ledger: RequestLedger;
  clock: Clock;
  log: Pick<Log, 'warn'>;
  /** `backbeat.dailyRequestBudget`: requests per rolling 24 h; 0 for none. */
  dailyRequests(): number;
}

/** What the tooltip and the budget view show. */
export interface BudgetStatus {
  limit: number;
  used: number;
  reserve: number;
  /** Steady reads have stopped until this time (their share is spent), else 0. */
  readsPausedUntil: number;
  /** Commands are refused until this time (the whole budget is spent), else 0. */
  commandsRefusedUntil: number;
  penalty: QuotaPenalty | undefined;
}

export class RequestBudget implements Disposable {
  private readonly changed = new Emitter<void>();
  /** The count, the penalty or the setting changed. */
  readonly onDidChange = this.changed.event;
  private readonly told = new Emitter<QuotaPenalty>();
  /** Spotify told this window the quota is spent (other windows learn it from the ledger, silently). */
  readonly onDidReceivePenalty = this.told.event;
  private penaltyEnds: Disposable | undefined;
  private penaltyTimedFor = 0;
  /** The penalty in force and when it ends on the monotonic clock, from when this window learnt of it. */
  private timed: { penalty: QuotaPenalty; endsAt: number } | undefined;
  private readonly subscription: Disposable;

  constructor(private readonly options: RequestBudgetOptions) {
    this.subscription = options.ledger.onDidChange(() => this.ledgerChanged());
  }

  get limit(): number {
    const value = this.options.dailyRequests();
    return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
  }

  get reserve(): number {
    const limit = this.limit;
    return Math.min(limit, Math.max(RESERVE_MIN, Math.round(limit * RESERVE_FRACTION)));
  }

  /** What reads Backbeat makes on its own may spend. */
  get share(): number {
    return this.limit - this.reserve;
  }

  get used(): number {
    return this.options.ledger.recent().length;
  }

  get penalty(): QuotaPenalty | undefined {
    return this.penaltyMsLeft() > 0 ? this.timed?.penalty : undefined;
  }

  /**
   * How long Spotify's penalty still holds, 0 for none. Its end (wall clock, shared with other
   * windows) is taken once, when this window learns of it; from then on the monotonic clock counts,
   * so a wall clock set back neither lengthens it nor makes the ledger forget it (and one that moved
   * on, a sleep, ends it).
   */
  penaltyMsLeft(): number {
    const { clock } = this.options;
    const learnt = this.options.ledger.currentPenalty;
    if (learnt && (this.timed?.penalty.until !== learnt.until || this.timed.penalty.since !== learnt.since)) {
      this.timed = { penalty: learnt, endsAt: clock.monotonic() + learnt.until - clock.now() };
    }
    const left = this.timed ? this.timed.endsAt - clock.monotonic() : 0;
    if (left <= 0) this.timed = undefined;
    return Math.max(0, left);
  }

  /** Counts a request about to leave, or refuses it (throws QuotaExceeded or BudgetSpent). */
  spend(method: string, path: string, kind: RequestKind | undefined): void {
    const penalty = this.penalty;
    if (penalty) throw new QuotaExceeded(penalty.until, penalty.reason);
    const what = kind ?? kindOfRequest(method, path);
    const cap = isAutomatic(what) ? this.share : this.limit;
    if (this.limit > 0 && this.used >= cap) throw new BudgetSpent(this.limit, this.freeAt(cap));
    this.options.ledger.record(what);
  }

  /**
   * A 429: Spotify's daily quota when its reason says so or its wait is too long for a rate limit.
   * Then the penalty is stored for every window and the error to throw is returned; an ordinary
   * rate limit gives undefined (the Retry-After gate handles it).
   */
  quotaRefusal(reason: string | undefined, retryAfterHeader: string | null): QuotaExceeded | undefined {
    const seconds = retryAfterSeconds(retryAfterHeader);
    if (reason !== 'QUOTA_EXCEEDED' && !(seconds !== undefined && seconds > QUOTA_RETRY_AFTER_SECONDS)) return undefined;
    const now = this.options.clock.now();
    // Without a usable header, Spotify's wait ends when our oldest requests leave the window (at least an hour).
    const waitMs = seconds !== undefined ? seconds * 1000 : Math.min(MAX_RETRY_AFTER_SECONDS * 1000, Math.max(HOUR_MS, this.freeAt(1) - now));
    // Spotify's words reach the shared ledger, the log and the notification only as a plain word.
    const penalty: QuotaPenalty = { since: now, until: now + waitMs, reason: plainReason(reason) };
    this.options.ledger.recordPenalty(penalty);
    this.options.log.warn(`Spotify's daily request quota is spent (${penalty.reason ?? `Retry-After ${seconds} s`}): no request from any window until ${new Date(penalty.until).toISOString()}.`);
    this.told.fire(penalty);
    return new QuotaExceeded(penalty.until, penalty.reason);
  }

  /** Milliseconds between steady reads now, or undefined while their share is spent. */
  rhythmIntervalMs(inUse: boolean, timing: { pollIntervalMs: number; idleIntervalMs: number }): number | undefined {
    const now = this.options.clock.now();
    const returningSoon = this.options.ledger.recent().filter((e) => e.at + LEDGER_WINDOW_MS <= now + HOUR_MS).length;
    return rhythmIntervalMs({ limit: this.limit, share: this.share, used: this.used, returningSoon, ...timing, inUse });
  }

  /** When steady reads may start again after their share was spent. */
  readsResumeAt(): number {
    return this.freeAt(this.share);
  }

  /** Reads what other windows spent; before each read and when a window gains focus. */
  sync(): Promise<void> {
    return this.options.ledger.sync();
  }

  /** The setting changed. */
  limitChanged(): void {
    this.changed.fire();
  }

  status(): BudgetStatus {
    const { limit, used } = this;
    return {
      limit,
      used,
      reserve: this.reserve,
      readsPausedUntil: limit > 0 && used >= this.share ? this.freeAt(this.share) : 0,
      commandsRefusedUntil: limit > 0 && used >= limit ? this.freeAt(limit) : 0,
      penalty: this.penalty,
    };
  }

  /** When the count in the rolling window drops below `cap` (now if it already is; never for a cap of 0). */
  private freeAt(cap: number): number {
    if (cap <= 0) return Infinity;
    const recent = this.options.ledger.recent();
    const mustLeave = recent.length - cap + 1;
    if (mustLeave <= 0) return this.options.clock.now();
    return recent[Math.min(mustLeave, recent.length) - 1].at + LEDGER_WINDOW_MS;
  }

  private ledgerChanged(): void {
    // The status bar must come back when the penalty ends, in every window: one timer for it.
    const until = this.penalty?.until ?? 0;
    if (until !== this.penaltyTimedFor) {
      this.penaltyTimedFor = until;
      this.penaltyEnds?.dispose();
      this.penaltyEnds = until
        ? this.options.clock.setTimeout(() => {
            this.penaltyEnds = undefined;
            this.penaltyTimedFor = 0;
            this.changed.fire();
          }, this.penaltyMsLeft() + 1)
        : undefined;
    }
    this.changed.fire();
  }

  dispose(): void {
    this.penaltyEnds?.dispose();
    this.subscription.dispose();
    this.changed.dispose();
    this.told.dispose();
  }
}
