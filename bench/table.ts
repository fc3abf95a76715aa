import type { RowMetrics, Spread } from './metrics';

// The benchmark's table as Markdown, so the same text prints in the terminal and goes in the
// README. Read endpoints get a column each; commands (the same scripted ones in every row) one.

const READ = 'GET ';

function seconds(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '-';
}

function spreadCell(s: Spread): string {
  const cell = `${seconds(s.p50)} / ${seconds(s.p95)} / ${seconds(s.max)}`;
  return s.neverShown ? `${cell} (${s.neverShown} never shown)` : cell;
}

export function formatTable(rows: readonly RowMetrics[]): string {
  const readEndpoints = [...new Set(rows.flatMap((r) => [...r.byEndpoint.keys()]).filter((e) => e.startsWith(READ)))].sort();
  const commands = (r: RowMetrics) => [...r.byEndpoint].filter(([e]) => !e.startsWith(READ)).reduce((sum, [, n]) => sum + n, 0);
  const header = [
    'Scheduler',
    'Requests',
    ...readEndpoints,
    'Commands',
    'No window focused',
    'In Retry-After wait',
    'Phone change staleness p50 / p95 / max (s)',
    'Track end staleness p50 / p95 / max (s)',
    'vs A',
  ];
  const lines = rows.map((r) => [
    r.name,
    String(r.total),
    ...readEndpoints.map((e) => String(r.byEndpoint.get(e) ?? 0)),
    String(commands(r)),
    String(r.whileNoWindowFocused),
    String(r.insideRetryAfterWait),
    spreadCell(r.phone),
    spreadCell(r.trackEnd),
    `${Math.round(r.relativeToA * 100)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [row(header), rule, ...lines.map(row)].join('\n');
}

/** The commands behind the "Commands" column, by endpoint (from the first row; every row sends the same). */
export function formatCommands(row: RowMetrics): string {
  return [...row.byEndpoint]
    .filter(([e]) => !e.startsWith(READ))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([e, n]) => `${e} ${n}`)
    .join(', ');
}
