import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../test/harness/paths';
import { measureActivations } from './activation';
import { commandAndTrackEndReader } from './baselines/commandAndTrackEndReader';
import { fixedIntervalPoller } from './baselines/fixedIntervalPoller';
import { renderChart, writeChartPng } from './chart';
import type { Contender } from './contender';
import { InFlightRequests } from '../test/support/inFlightRequests';
import { percentile, rowMetrics } from './metrics';
import { backbeatScheduler } from './ours';
import { buildScenario, RETRY_AFTER_SECONDS } from './scenario';
import { simulate, type RunResult } from './simulation';
import { formatCommands, formatTable } from './table';
import { checkTargets } from './targets';

/**
 * `npm run bench`: the simulated hour for our scheduler and the three baselines, the table, the
 * targets, bundle size and activation time; writes the chart to media/. Exits 1 if a target is missed.
 * BACKBEAT_BENCH_SEED picks another scenario; BACKBEAT_BENCH_ACTIVATIONS=0 skips code-server.
 */
const SEED = Number(process.env.BACKBEAT_BENCH_SEED ?? 6);
const ACTIVATIONS = Number(process.env.BACKBEAT_BENCH_ACTIVATIONS ?? 5);
const CHART_FILE = path.join(repoRoot, 'media', 'quota-benchmark.png');
const BUNDLE_FILE = path.join(repoRoot, 'dist', 'extension.js');

const A = fixedIntervalPoller('A: /me/player every 5 s, focused window', { intervalMs: 5_000, everyWindow: false, extraEndpoints: [] });
const B = fixedIntervalPoller('B: 4 endpoints every 2 s, every window', {
  intervalMs: 2_000,
  everyWindow: true,
  extraEndpoints: ['/me/player/currently-playing', '/me/player/devices', '/me/player/queue'],
});
const CONTENDERS: Contender[] = [backbeatScheduler, A, B, commandAndTrackEndReader];

async function main(): Promise<number> {
  const started = Date.now();
  const scenario = buildScenario(SEED);
  const inFlight = new InFlightRequests();
  const runs: RunResult[] = [];
  try {
    for (const contender of CONTENDERS) runs.push(await simulate(contender, scenario, inFlight));
  } finally {
    inFlight.dispose();
  }
  const simulatedIn = (Date.now() - started) / 1000;
  const [oursRun, aRun] = runs;
  const rows = runs.map((run) => rowMetrics(run, aRun, RETRY_AFTER_SECONDS));

  console.log(`\nA simulated hour (seed ${SEED}), 2 windows, same scenario for every row; simulated in ${simulatedIn.toFixed(1)} s.\n`);
  console.log(formatTable(rows));
  console.log(`\nCommands (every row): ${formatCommands(rows[0])}.`);
  console.log(`Staleness: seconds until the focused window's state shows a change made on the phone (${rows[0].phone.neverShown + oursRun.staleness.phone.values.length} changes) or a track ending on its own (${oursRun.staleness.trackEnd.values.length} in our run).`);

  const bundleBytes = fs.statSync(BUNDLE_FILE).size;
  console.log(`\nExtension bundle: dist/extension.js ${bundleBytes} bytes (${(bundleBytes / 1024).toFixed(1)} KB).`);
  if (ACTIVATIONS > 0) {
    const times = await measureActivations(ACTIVATIONS);
    console.log(`Activation: median ${percentile(times, 0.5)} ms spent in activate over ${times.length} activations in code-server (${times.join(', ')} ms).`);
  }

  await writeChartPng(renderChart(rows, `npm run bench, seed ${SEED}: one simulated hour, 2 VS Code windows, the same scenario for every row.`), CHART_FILE);
  console.log(`Chart: ${path.relative(repoRoot, CHART_FILE)}`);

  const checks = checkTargets(rows[0], rows[1], rows[2]);
  console.log('\nTargets:');
  for (const c of checks) console.log(`  ${c.met ? 'met   ' : 'MISSED'} ${c.target}: ${c.detail}`);
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return checks.every((c) => c.met) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
