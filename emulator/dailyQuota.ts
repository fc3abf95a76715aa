import { Clock } from './clock';
import { apiError } from './errors';
import { Reply } from './http';

// The daily quota of a development-mode app: Web API requests per Client ID over a rolling 24 h.
// Once the window holds `limit` served requests, every request is refused with Spotify's
// `QUOTA_EXCEEDED` body and a long Retry-After. Each request sent during that wait starts it
// again (knocking only makes it worse); once the wait has passed, the app is let back in with
// an empty window, as apps in the reports worked again after the Retry-After.

const QUOTA_WINDOW_MS = 24 * 3600_000;

interface QuotaSettings {
  /** Served requests per Client ID in any 24 h; 0 turns the quota off (requests are still counted). */
  dailyQuota: number;
  /** The wait Spotify announces once the quota is spent (reports: 48,925 and 52,531 s). */
  quotaRetryAfterSeconds: number;
}

/** A stretch during which the app was locked out: from the first refusal until the wait ended. */
export interface QuotaLock {
  from: number;
  until: number;
}

/** What the control API shows of one Client ID. */
export interface QuotaUse {
  clientId: string;
  /** Served requests in the last 24 h. */
  used: number;
  /** Requests refused with QUOTA_EXCEEDED so far. */
  refused: number;
  /** Epoch ms the current wait ends at, 0 when not locked out. */
  lockedUntil: number;
  locks: QuotaLock[];
}

export interface QuotaReport {
  limit: number;
  windowMs: number;
  clients: QuotaUse[];
}

interface ClientLedger {
  served: number[];
  refused: number;
  locks: QuotaLock[];
}

export class DailyQuota {
  private readonly clients = new Map<string, ClientLedger>();

  constructor(
    private readonly clock: Clock,
    private readonly settings: () => QuotaSettings,
  ) {}

  /** Counts one authenticated request; returns Spotify's refusal when the quota is spent. */
  admit(clientId: string): Reply | undefined {
    const now = this.clock.now();
    const ledger = this.ledgerOf(clientId);
    const { dailyQuota, quotaRetryAfterSeconds } = this.settings();
    const lock = ledger.locks.at(-1);
    if (lock && lock.until <= now && ledger.served.length > 0 && ledger.served[ledger.served.length - 1] <= lock.from) {
      // The wait is over: the app starts afresh.
      ledger.served = [];
    }
    this.prune(ledger, now);
    const locked = lock !== undefined && lock.until > now;
    if (!locked && (dailyQuota <= 0 || ledger.served.length < dailyQuota)) {
      ledger.served.push(now);
      return undefined;
    }
    const until = now + quotaRetryAfterSeconds * 1000;
    if (locked) lock.until = until;
    else ledger.locks.push({ from: now, until });
    ledger.refused++;
    return { ...apiError(429, 'Too many requests', 'QUOTA_EXCEEDED'), headers: { 'Retry-After': String(quotaRetryAfterSeconds) } };
  }

  report(): QuotaReport {
    const now = this.clock.now();
    const clients = [...this.clients].map(([clientId, ledger]): QuotaUse => {
      this.prune(ledger, now);
      const last = ledger.locks.at(-1);
      return {
        clientId,
        used: ledger.served.length,
        refused: ledger.refused,
        lockedUntil: last && last.until > now ? last.until : 0,
        locks: ledger.locks.map((l) => ({ ...l })),
      };
    });
    return { limit: this.settings().dailyQuota, windowMs: QUOTA_WINDOW_MS, clients };
  }

  reset(): void {
    this.clients.clear();
  }

  private ledgerOf(clientId: string): ClientLedger {
    let ledger = this.clients.get(clientId);
    if (!ledger) {
      ledger = { served: [], refused: 0, locks: [] };
      this.clients.set(clientId, ledger);
    }
    return ledger;
  }

  private prune(ledger: ClientLedger, now: number): void {
    const oldest = now - QUOTA_WINDOW_MS;
    let drop = 0;
    while (drop < ledger.served.length && ledger.served[drop] <= oldest) drop++;
    if (drop) ledger.served.splice(0, drop);
  }
}
