import type { RunResult } from './simulation';

/** The numbers one row of the table shows, computed from a run's request log and staleness. */
export interface Spread {
  p50: number;
  p95: number;
  max: number;
  neverShown: number;
}

export interface RowMetrics {
  name: string;
  total: number;
  byEndpoint: Map<string, number>;
  whileNoWindowFocused: number;
  insideRetryAfterWait: number;
  phone: Spread;
  trackEnd: Spread;
  /** total / A's total */
  relativeToA: number;
  commandFailures: string[];
}

/** Linear interpolation between closest ranks (the usual "type 7" percentile). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

function spread({ values, neverShown }: { values: number[]; neverShown: number }): Spread {
  return { p50: percentile(values, 0.5), p95: percentile(values, 0.95), max: Math.max(...values), neverShown };
}

/** Requests sent after a 429 and before its Retry-After ran out. */
function insideWait(run: RunResult, retryAfterSeconds: number): number {
  const limited = run.requests.find((r) => r.status === 429);
  if (!limited) return 0;
  const end = limited.at + retryAfterSeconds * 1000;
  return run.requests.filter((r) => r.at > limited.at && r.at < end).length;
}

export function rowMetrics(run: RunResult, baseline: RunResult, retryAfterSeconds: number): RowMetrics {
  const byEndpoint = new Map<string, number>();
  for (const r of run.requests) byEndpoint.set(r.endpoint, (byEndpoint.get(r.endpoint) ?? 0) + 1);
  return {
    name: run.name,
    total: run.requests.length,
    byEndpoint,
    whileNoWindowFocused: run.requests.filter((r) => !r.someWindowFocused).length,
    insideRetryAfterWait: insideWait(run, retryAfterSeconds),
    phone: spread(run.staleness.phone),
    trackEnd: spread(run.staleness.trackEnd),
    relativeToA: run.requests.length / baseline.requests.length,
    commandFailures: run.commandFailures,
  };
}
