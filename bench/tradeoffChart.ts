import { clockTime, DayRow } from './dayTable';

// The working day's trade-off as a small chart for the README, from the benchmark's own figures:
// requests over the day (x) against how late phone changes show (p95, y), both on log scales,
// with Spotify's quota as a line. Rows that ran into the quota are drawn hollow, with the time.

const WIDTH = 720;
const HEIGHT = 400;
const LEFT = 70;
const RIGHT = 30;
const TOP = 40;
const BOTTOM = 70;
const X_DECADES: [number, number] = [2, 6];
const Y_DECADES: [number, number] = [0, 5];
const Y_TICKS: [number, string][] = [[1, '1 s'], [10, '10 s'], [60, '1 min'], [600, '10 min'], [3600, '1 h'], [36000, '10 h']];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function scale(value: number, [lo, hi]: [number, number], size: number): number {
  const clamped = Math.min(Math.max(value, 10 ** lo), 10 ** hi);
  return ((Math.log10(clamped) - lo) / (hi - lo)) * size;
}

export function renderTradeoffChart(rows: readonly DayRow[], quota: number, caption: string): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (requests: number) => LEFT + scale(requests, X_DECADES, plotW);
  const y = (seconds: number) => TOP + plotH - scale(seconds, Y_DECADES, plotH);
  const parts: string[] = [];
  for (let d = X_DECADES[0]; d <= X_DECADES[1]; d++) {
    parts.push(`<line x1="${x(10 ** d)}" y1="${TOP}" x2="${x(10 ** d)}" y2="${TOP + plotH}" class="grid"/>`);
    parts.push(`<text x="${x(10 ** d)}" y="${TOP + plotH + 16}" class="axis">${(10 ** d).toLocaleString('en-US')}</text>`);
  }
  for (const [seconds, label] of Y_TICKS) {
    parts.push(`<line x1="${LEFT}" y1="${y(seconds)}" x2="${LEFT + plotW}" y2="${y(seconds)}" class="grid"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${y(seconds) + 4}" class="axis" text-anchor="end">${label}</text>`);
  }
  parts.push(`<line x1="${x(quota)}" y1="${TOP}" x2="${x(quota)}" y2="${TOP + plotH}" class="quota"/>`);
  parts.push(`<text x="${x(quota) + 4}" y="${TOP + 12}" class="quotaText">Spotify's quota (${quota.toLocaleString('en-US')} in the emulator)</text>`);
  for (const { id, result } of rows) {
    const locked = result.quotaExceededAtS !== null;
    const cx = x(result.requests).toFixed(1);
    const cy = y(result.phoneP95S).toFixed(1);
    const at = locked ? `, locked out at ${clockTime(result.quotaExceededAtS!)}` : '';
    parts.push(`<circle cx="${cx}" cy="${cy}" r="6" class="${locked ? 'locked' : 'fine'}"/>`);
    parts.push(`<text x="${Number(cx) + 9}" y="${Number(cy) + 4}" class="label">${escape(`${id}${at}`)}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Segoe UI, Helvetica, Arial, sans-serif">
<style>
.title { font-size: 14px; font-weight: 600; fill: #222; }
.axis { font-size: 10px; fill: #666; text-anchor: middle; }
.axisTitle { font-size: 12px; fill: #333; }
.label { font-size: 12px; fill: #222; }
.grid { stroke: #ddd; stroke-width: 1; }
.quota { stroke: #d33; stroke-width: 1.5; stroke-dasharray: 5 4; }
.quotaText { font-size: 11px; fill: #d33; }
.fine { fill: #1db954; }
.locked { fill: #fff; stroke: #d33; stroke-width: 2; }
.caption { font-size: 11px; fill: #666; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${LEFT}" y="24" class="title">A working day: requests against how late phone changes show</text>
${parts.join('\n')}
<text x="${LEFT + plotW / 2}" y="${TOP + plotH + 36}" class="axisTitle" text-anchor="middle">Web API requests, 09:00-18:00 (log)</text>
<text x="16" y="${TOP + plotH / 2}" class="axisTitle" transform="rotate(-90 16 ${TOP + plotH / 2})" text-anchor="middle">phone change p95, in use (log)</text>
<text x="10" y="${HEIGHT - 10}" class="caption">${escape(caption)}</text>
</svg>
`;
}

