import type { ResultRow } from './results';
import type { TargetCheck } from './targets';

// The working day's table as Markdown (printed, and pasted in the README), and the issue's
// targets for it. Clock times count from 09:00.

const DAY_START_HOUR = 9;

export interface DayRow {
  id: string;
  name: string;
  result: ResultRow;
}

/** "10:32": a time of the day from seconds after 09:00. */
export function clockTime(secondsFromStart: number): string {
  const minutes = Math.floor(secondsFromStart / 60) + DAY_START_HOUR * 60;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const seconds = (s: number) => (Number.isFinite(s) ? (s < 100 ? s.toFixed(1) : String(Math.round(s))) : '-');

export function formatDayTable(rows: readonly DayRow[]): string {
  const header = ['Row', 'Requests', 'First QUOTA_EXCEEDED', 'Hours blind', 'Commands refused', 'Phone change p50 / p95 (s)', 'Track end p95 (s)'];
  const lines = rows.map(({ id, name, result: r }) => [
    name.startsWith(`${id}:`) ? name : `${id}: ${name}`,
    r.requests.toLocaleString('en-US'),
    r.quotaExceededAtS === null ? 'never' : clockTime(r.quotaExceededAtS),
    (r.blindS / 3600).toFixed(1),
    String(r.commandsRefused),
    `${seconds(r.phoneP50S)} / ${seconds(r.phoneP95S)}`,
    seconds(r.trackEndP95S),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [row(header), rule, ...lines.map(row)].join('\n');
}

const MAX_TRACK_END_P95_S = 1.5;
/** The desktop day: the local player saves at least this share of Web API requests, and shows track changes this fast. */
const MIN_LOCAL_SAVING = 0.95;
const MAX_LOCAL_TRACK_CHANGE_P95_S = 1;
/** A hung helper: the Web API shows the truth again this soon, within the day's budget. */
const MAX_RECOVERY_S = 20;
const DESKTOP_DAY_BUDGET = 1000;

export function checkDesktopDayTargets(rows: readonly DayRow[]): TargetCheck[] {
  const byId = (id: string) => rows.find((r) => r.id === id)!.result;
  const local = byId('ours-1000');
  const webOnly = byId('ours-1000-no-local');
  const saving = 1 - local.requests / webOnly.requests;
  return [
    {
      target: `ours-1000: at least ${MIN_LOCAL_SAVING * 100}% fewer requests than ours-1000-no-local`,
      met: saving >= MIN_LOCAL_SAVING,
      detail: `${local.requests} vs ${webOnly.requests} (${Math.round(saving * 100)}% fewer)`,
    },
    { target: `ours-1000: track-change p95 at most ${MAX_LOCAL_TRACK_CHANGE_P95_S} s`, met: local.trackEndP95S <= MAX_LOCAL_TRACK_CHANGE_P95_S, detail: `${local.trackEndP95S} s` },
    ...helperSilentTargets(byId('ours-1000-helper-silent')),
  ];
}

function helperSilentTargets(silent: ResultRow): TargetCheck[] {
  const recovery = silent.recoveryS;
  return [
    {
      target: `ours-1000-helper-silent: the Web API shows the truth within ${MAX_RECOVERY_S} s of the helper falling silent`,
      met: recovery !== undefined && recovery <= MAX_RECOVERY_S,
      detail: recovery === undefined ? 'not measured (no window focused then)' : `${recovery} s`,
    },
    {
      target: `ours-1000-helper-silent: at most ${DESKTOP_DAY_BUDGET} requests, never QUOTA_EXCEEDED`,
      met: silent.requests <= DESKTOP_DAY_BUDGET && silent.quotaExceededAtS === null,
      detail: `${silent.requests}, ${silent.quotaExceededAtS === null ? 'never' : clockTime(silent.quotaExceededAtS)}`,
    },
  ];
}
const MAX_PHONE_P95_S = 45;
/** The Now Playing view open all day: only its queue reads (once per track while Up next is open) come on top. */
const MAX_VIEW_EXTRA_REQUESTS = 150;

export function checkDayTargets(rows: readonly DayRow[], budget = 1000): TargetCheck[] {
  const byId = (id: string) => rows.find((r) => r.id === id)!.result;
  const ours = byId(`ours-${budget}`);
  const quotaTime = (r: ResultRow) => (r.quotaExceededAtS === null ? 'never' : clockTime(r.quotaExceededAtS));
  return [
    { target: `ours-${budget}: never QUOTA_EXCEEDED`, met: ours.quotaExceededAtS === null, detail: quotaTime(ours) },
    { target: `ours-${budget}: at most ${budget} requests`, met: ours.requests <= budget, detail: String(ours.requests) },
    { target: `ours-${budget}: 0 commands refused`, met: ours.commandsRefused === 0, detail: String(ours.commandsRefused) },
    { target: `ours-${budget}: track-end p95 at most ${MAX_TRACK_END_P95_S} s`, met: ours.trackEndP95S <= MAX_TRACK_END_P95_S, detail: `${ours.trackEndP95S} s` },
    { target: `ours-${budget}: phone-change p95 at most ${MAX_PHONE_P95_S} s`, met: ours.phoneP95S <= MAX_PHONE_P95_S, detail: `${ours.phoneP95S} s` },
    ...viewOpenTargets(byId('ours-1000-view-open'), byId('ours-1000')),
    ...['A', 'B'].map((id) => ({ target: `${id} hits the quota`, met: byId(id).quotaExceededAtS !== null, detail: quotaTime(byId(id)) })),
  ];
}

function viewOpenTargets(view: ResultRow, ours: ResultRow): TargetCheck[] {
  const extra = view.requests - ours.requests;
  return [
    {
      target: `ours-1000-view-open: at most ${MAX_VIEW_EXTRA_REQUESTS} requests more than ours-1000 (the queue reads), never QUOTA_EXCEEDED`,
      met: extra <= MAX_VIEW_EXTRA_REQUESTS && view.quotaExceededAtS === null,
      detail: `${view.requests} vs ${ours.requests} (+${extra}), ${view.quotaExceededAtS === null ? 'never' : clockTime(view.quotaExceededAtS)}`,
    },
  ];
}
