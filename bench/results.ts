import * as fs from 'fs';
import * as path from 'path';
import { percentile } from './metrics';
import type { RunResult } from './simulation';

// `.test-artifacts/bench/results.json`: the figures of the tables by row key, in the shape the
// issues ask for: {"day": {"rows": {...}}, "hour": {"rows": {...}}, "desktopDay": {"rows": {...}}}.

export interface ResultRow {
  requests: number;
  /** Seconds from the start to the first QUOTA_EXCEEDED, or null. */
  quotaExceededAtS: number | null;
  /** Seconds of the run during which Spotify refused every request. */
  blindS: number;
  /** Editor commands and picker uses that did not go through. */
  commandsRefused: number;
  /** Phone-change staleness while someone works in VS Code. */
  phoneP50S: number;
  phoneP95S: number;
  trackEndP95S: number;
  /** Rows whose local helper falls silent: seconds from then until the status bar shows the truth again. */
  recoveryS?: number;
}

const tenths = (seconds: number) => Math.round(seconds * 10) / 10;

export function resultRow(run: RunResult): ResultRow {
  const { firstExceededAt, blindMs } = run.quota;
  return {
    requests: run.requests.length,
    quotaExceededAtS: firstExceededAt === null ? null : tenths(firstExceededAt / 1000),
    blindS: tenths(blindMs / 1000),
    commandsRefused: run.commandFailures.length,
    phoneP50S: tenths(percentile(run.staleness.phone.values, 0.5)),
    phoneP95S: tenths(percentile(run.staleness.phone.values, 0.95)),
    trackEndP95S: tenths(percentile(run.staleness.trackEnd.values, 0.95)),
    ...(run.staleness.recovery.values.length > 0 && { recoveryS: tenths(Math.max(...run.staleness.recovery.values)) }),
  };
}

export type ResultTable = Record<string, ResultRow>;

export function writeResults(file: string, tables: { day: ResultTable; hour: ResultTable; desktopDay: ResultTable }): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const json = { day: { rows: tables.day }, hour: { rows: tables.hour }, desktopDay: { rows: tables.desktopDay } };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
