import { launchBrowser } from '../sim/editor/browser';
import type { RowMetrics } from './metrics';

// A small chart of the benchmark's own numbers for the README: requests per hour and p95
// staleness per scheduler, both on log scales (the rows differ by orders of magnitude).

const ROW_HEIGHT = 34;
const LABEL_WIDTH = 290;
const PANEL_WIDTH = 330;
const GAP = 40;
const TOP = 56;
const COLOURS = { requests: '#1db954', phone: '#4a90d9', trackEnd: '#e0a030' };

interface Panel {
  title: string;
  legend?: { colour: string; text: string }[];
  x: number;
  decades: [number, number];
  unit: string;
  bars: { colour: string; value: (r: RowMetrics) => number }[];
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function formatValue(value: number, unit: string): string {
  if (unit === 's') return `${value < 10 ? value.toFixed(1) : Math.round(value)} s`;
  return String(Math.round(value));
}

function panelSvg(panel: Panel, rows: readonly RowMetrics[]): string {
  const [lo, hi] = panel.decades;
  const scale = (v: number) => (Math.log10(Math.min(Math.max(v, 10 ** lo), 10 ** hi)) - lo) / (hi - lo) * PANEL_WIDTH;
  const height = rows.length * ROW_HEIGHT;
  const parts = [`<text x="${panel.x}" y="${TOP - 30}" class="title">${escape(panel.title)}</text>`];
  (panel.legend ?? []).forEach((entry, i) => {
    const x = panel.x + i * 120;
    parts.push(`<rect x="${x}" y="${TOP - 22}" width="10" height="10" fill="${entry.colour}"/>`);
    parts.push(`<text x="${x + 14}" y="${TOP - 13}" class="value">${escape(entry.text)}</text>`);
  });
  for (let d = lo; d <= hi; d++) {
    const x = panel.x + ((d - lo) / (hi - lo)) * PANEL_WIDTH;
    parts.push(`<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${TOP + height}" class="grid"/>`);
    parts.push(`<text x="${x}" y="${TOP + height + 14}" class="axis">${formatValue(10 ** d, panel.unit)}</text>`);
  }
  const barHeight = (ROW_HEIGHT - 10) / panel.bars.length;
  rows.forEach((row, i) => {
    panel.bars.forEach((bar, j) => {
      const value = bar.value(row);
      const y = TOP + i * ROW_HEIGHT + 4 + j * barHeight;
      const width = Math.max(1, scale(value));
      parts.push(`<rect x="${panel.x}" y="${y}" width="${width.toFixed(1)}" height="${(barHeight - 1).toFixed(1)}" fill="${bar.colour}"/>`);
      parts.push(`<text x="${(panel.x + width + 4).toFixed(1)}" y="${(y + barHeight - 3).toFixed(1)}" class="value">${formatValue(value, panel.unit)}</text>`);
    });
  });
  return parts.join('\n');
}

export function renderChart(rows: readonly RowMetrics[], caption: string): string {
  const panels: Panel[] = [
    { title: 'Web API requests in the simulated hour', x: LABEL_WIDTH, decades: [1, 5], unit: '', bars: [{ colour: COLOURS.requests, value: (r) => r.total }] },
    {
      title: 'p95 staleness (how late the status bar shows it)',
      legend: [
        { colour: COLOURS.phone, text: 'phone changes' },
        { colour: COLOURS.trackEnd, text: 'track ends' },
      ],
      x: LABEL_WIDTH + PANEL_WIDTH + GAP + 40,
      decades: [-1, 3],
      unit: 's',
      bars: [
        { colour: COLOURS.phone, value: (r) => r.phone.p95 },
        { colour: COLOURS.trackEnd, value: (r) => r.trackEnd.p95 },
      ],
    },
  ];
  const width = LABEL_WIDTH + 2 * PANEL_WIDTH + GAP + 100;
  const height = TOP + rows.length * ROW_HEIGHT + 44;
  const labels = rows.map((r, i) => `<text x="10" y="${TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2 + 4}" class="label">${escape(r.name)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Segoe UI, Helvetica, Arial, sans-serif">
<style>
.title { font-size: 14px; font-weight: 600; fill: #222; }
.label { font-size: 13px; fill: #222; }
.axis { font-size: 10px; fill: #666; text-anchor: middle; }
.value { font-size: 11px; fill: #333; }
.grid { stroke: #ddd; stroke-width: 1; }
.caption { font-size: 11px; fill: #666; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
${labels.join('\n')}
${panels.map((p) => panelSvg(p, rows)).join('\n')}
<text x="10" y="${height - 8}" class="caption">${escape(caption)}</text>
</svg>
`;
}

/** The chart as a PNG (the Marketplace refuses SVG images in a README), drawn by Chromium. */
export async function writeChartPng(svg: string, file: string): Promise<void> {
  const browser = await launchBrowser();
  try {
    await browser.page.setContent(`<body style="margin:0">${svg}</body>`);
    await browser.page.locator('svg').screenshot({ path: file });
  } finally {
    await browser.close();
  }
}
