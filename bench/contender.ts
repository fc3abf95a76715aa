import type { SimulatedWindow } from './benchWindow';

/** What the benchmark needs from a scheduler: our PlaybackScheduler has exactly this shape. */
export interface SchedulerUnderTest {
  setEnabled(enabled: boolean): void;
  confirmAfterCommand(): void;
  dispose(): void;
}

/** One row of the table: a way of deciding when to read, run once per simulated window. */
export interface Contender {
  name: string;
  /** Whether its requests go through a gate that honours Retry-After. */
  honoursRetryAfter: boolean;
  create(window: SimulatedWindow): SchedulerUnderTest;
}
