import http from 'http';
import type { Disposable } from '../src/disposable';

// Counts HTTP requests this process has started and not yet finished. The virtual clock must not
// move while a request is on the wire: the emulator would answer for a moment that already passed.
// It also tells who asks as each request leaves (the benchmark notes which window had focus).

export class InFlightRequests {
  private count = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly starts = new Set<(path: string) => void>();
  private readonly original = http.request;

  constructor() {
    // node-fetch looks `http.request` up on every call, so wrapping the module's export sees them all.
    const wrapped = ((...args: Parameters<typeof http.request>) => {
      const request = this.original(...args);
      this.count++;
      this.starts.forEach((listener) => listener(request.path));
      request.once('close', () => this.finished());
      return request;
    }) as typeof http.request;
    (http as { request: typeof http.request }).request = wrapped;
  }

  get active(): number {
    return this.count;
  }

  /** Calls `listener` with each request's path (query included) as it leaves. */
  onStart(listener: (path: string) => void): Disposable {
    this.starts.add(listener);
    return { dispose: () => this.starts.delete(listener) };
  }

  /** Resolves once no request is in flight. */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private finished(): void {
    this.count--;
    if (this.count > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  dispose(): void {
    (http as { request: typeof http.request }).request = this.original;
  }
}
