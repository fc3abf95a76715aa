/** Time source for everything the emulator simulates (token expiry, track progress, request log). */
export interface Clock {
  now(): number;
}

export const realClock: Clock = { now: () => Date.now() };

/** 2026-06-01T12:00:00Z: a fixed start so runs on a virtual clock are reproducible. */
export const VIRTUAL_START_MS = Date.UTC(2026, 5, 1, 12, 0, 0);

/** A clock that only moves when told to, so tests can skip hours (or months) instantly. */
export class VirtualClock implements Clock {
  private current: number;

  constructor(startMs: number = VIRTUAL_START_MS) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`VirtualClock can only move forward (got ${ms})`);
    }
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }
}
