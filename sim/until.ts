// Polls `probe` until it gives a value, for what cannot be awaited: another process (a D-Bus
// signal, a helper's line), the emulator, a real VS Code or its page. The probe may be synchronous
// (then it is checked at once, without yielding) or return a promise. undefined, null and false
// mean "not yet"; anything else, 0 and '' included, is the value. `what` names what is awaited in
// the timeout's message; a function describes the state at the time it gave up.

export interface UntilOptions {
  /** Give up after this long; 5 s by default. */
  timeoutMs?: number;
  /** Between two probes; 10 ms by default. */
  pollMs?: number;
}

type NotYet = undefined | null | false;

export async function until<T>(what: string | (() => string), probe: () => T | PromiseLike<T>, options: UntilOptions = {}): Promise<Exclude<T, NotYet>> {
  const { timeoutMs = 5_000, pollMs = 10 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = probe();
    const value = isThenable(answer) ? await answer : answer;
    if (value !== undefined && value !== null && value !== false) return value as Exclude<T, NotYet>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | undefined)?.then === 'function';
}
