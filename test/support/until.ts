// Polls `probe` until it gives a value: for what arrives from another process (a D-Bus signal, a
// helper's line). `what` may be a function, to describe the state at the time it gave up.

export async function until<T>(what: string | (() => string), probe: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
