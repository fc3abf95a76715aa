import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import { SignInCancelled, SignInDeclined, SignInTimedOut } from './signInErrors';
import { l10n } from '../l10n';

// Sign-ins waiting for Spotify to send the browser back. Every flow (URI handler, loopback server,
// pasted URL) delivers what it received here; only a callback whose `state` matches an attempt
// still waiting completes it, and each state is used once. Everything else is ignored.

export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface CancelSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): Disposable;
}

interface Waiter {
  resolve(code: string): void;
  reject(error: Error): void;
}

export class PendingSignIns {
  private readonly waiting = new Map<string, Waiter>();

  constructor(private readonly clock: Clock) {}

  /** Resolves with the authorization code for `state`, or rejects on denial, cancel or timeout. */
  waitForCode(state: string, cancel?: CancelSignal, timeoutMs = SIGN_IN_TIMEOUT_MS): Promise<string> {
    if (cancel?.isCancellationRequested) return Promise.reject(new SignInCancelled());
    return new Promise<string>((resolve, reject) => {
      const cleanups: Disposable[] = [];
      const finish = (outcome: () => void) => {
        this.waiting.delete(state);
        cleanups.forEach((c) => c.dispose());
        outcome();
      };
      this.waiting.set(state, {
        resolve: (code) => finish(() => resolve(code)),
        reject: (error) => finish(() => reject(error)),
      });
      cleanups.push(this.clock.setTimeout(() => this.waiting.get(state)?.reject(new SignInTimedOut(Math.round(timeoutMs / 60_000))), timeoutMs));
      if (cancel) cleanups.push(cancel.onCancellationRequested(() => this.waiting.get(state)?.reject(new SignInCancelled())));
    });
  }

  /**
   * Offers a callback's query string. Returns true when it completed (or ended) a waiting sign-in;
   * forged, replayed or incomplete callbacks return false and change nothing.
   */
  deliver(query: string | URLSearchParams): boolean {
    const params = typeof query === 'string' ? new URLSearchParams(query.replace(/^\?/, '')) : query;
    const state = params.get('state');
    const waiter = state ? this.waiting.get(state) : undefined;
    if (!waiter) return false;
    const error = params.get('error');
    const code = params.get('code');
    if (error === 'access_denied') {
      waiter.reject(new SignInDeclined());
    } else if (error) {
      waiter.reject(new Error(l10n.t('Spotify could not complete the sign-in ({0}).', error.replace(/[^\w.-]/g, '').slice(0, 60))));
    } else if (code) {
      waiter.resolve(code);
    } else {
      return false; // a matching state without a code is not a callback; keep waiting
    }
    return true;
  }

  get size(): number {
    return this.waiting.size;
  }
}
