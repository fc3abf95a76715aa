// What `npm test` and the single-suite runners print at the end: a table of the suites for
// people, and as the very last line the totals in the form CI reads.
import { addCounts, Counts, totalsLine } from './counts';

export interface Row extends Counts {
  name: string;
  seconds: number;
}

/** One line per suite plus the total: passed, failed, skipped, time, and the note if any. */
export function summaryTable(rows: readonly Row[]): string[] {
  const line = (name: string, c: Counts, seconds: number) =>
    ` ${name.padEnd(14)} ${String(c.passed).padStart(6)}  ${String(c.failed).padStart(6)}  ${String(c.skipped).padStart(7)}  ${seconds.toFixed(1).padStart(6)} s${c.note ? `  (${c.note})` : ''}`;
  const total = addCounts(rows);
  return [
    ' suite          passed  failed  skipped     time',
    ...rows.map((r) => line(r.name, r, r.seconds)),
    line('total', total, rows.reduce((n, r) => n + r.seconds, 0)),
  ];
}

/** Ends a single-suite runner: its note (if any), the totals line last, and exit code 1 on any failure. */
export function exitWith(counts: Counts): never {
  if (counts.note) console.log(counts.note);
  console.log(totalsLine(counts));
  process.exit(counts.failed > 0 ? 1 : 0);
}
