// The real playback scheduler over the real budget (its ledger in memory), a window whose focus the
// test sets, and a Spotify that answers what the test says and counts every read.
import type { Clock } from '../../src/clock';
import { PlaybackScheduler, DEFAULT_TIMING, SchedulerTiming } from '../../src/playback/scheduler';
import { PlaybackState } from '../../src/playback/playbackState';
import { RequestBudget } from '../../src/quota/requestBudget';
import { RequestLedger } from '../../src/quota/requestLedger';
import type { RequestKind } from '../../src/spotify/requestKinds';
import { RetryAfterGate } from '../../src/spotify/retryAfterGate';
import type { PlaybackSnapshot } from '../../src/spotify/types';
import { FakeClock } from '../../sim/fakeClock';
import { MemoryLedgerStore } from '../../sim/memoryLedgerStore';
import { RecordingLog } from '../../sim/recordingLog';
import { SimulatedWindowActivity } from '../../sim/simulatedWindowActivity';
import { snapshot } from './snapshots';

/**
 * What Spotify would answer; the test changes it as the world changes. Each read is counted by the
 * budget as the HTTP client's hook counts it (src/spotify/http.ts), and may take a while.
 */
export class ScriptedReader {
  reads: number[] = [];
  kinds: RequestKind[] = [];
  answer: PlaybackSnapshot | undefined | Error | ((now: number) => PlaybackSnapshot) = snapshot();
  /** How long Spotify takes to answer, in fake milliseconds. */
  latencyMs = 0;
  constructor(
    private readonly clock: FakeClock,
    private readonly budget: RequestBudget,
  ) {}
  async playback(kind?: RequestKind) {
    this.budget.spend('GET', '/me/player', kind);
    this.reads.push(this.clock.now());
    this.kinds.push(kind ?? 'onDemand');
    if (this.latencyMs) await new Promise((resolve) => this.clock.setTimeout(() => resolve(undefined), this.latencyMs));
    if (this.answer instanceof Error) throw this.answer;
    if (typeof this.answer === 'function') return this.answer(this.clock.now());
    // Each read sees the item as it is now; progress is set by the test.
    return this.answer;
  }
}

/** The real scheduler and the real budget (its ledger's storage in memory); 0: no budget. */
export function setupScheduler(
  window = new SimulatedWindowActivity(true, true),
  timing: () => SchedulerTiming = () => DEFAULT_TIMING,
  dailyRequests = 0,
  clock = new FakeClock(),
  /** The clock the scheduler's timers run on (one whose timers fire early, say). */
  timers: Clock = clock,
) {
  const log = new RecordingLog();
  const ledger = new RequestLedger({ store: new MemoryLedgerStore(), clock, log });
  const budget = new RequestBudget({ ledger, clock, log, dailyRequests: () => dailyRequests });
  const state = new PlaybackState(clock);
  const reader = new ScriptedReader(clock, budget);
  const gate = new RetryAfterGate(clock);
  const scheduler = new PlaybackScheduler({
    reader,
    state,
    window,
    clock: timers,
    log,
    timing,
    pace: budget,
    wait: () => ({ msLeft: gate.msLeft(), quota: false }),
    onDidChangeWait: gate.onDidChange,
    beforeRead: () => budget.sync(),
  });
  return { clock, state, reader, gate, scheduler, window, budget, ledger };
}

