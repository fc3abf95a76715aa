import * as fs from 'fs';
import * as path from 'path';

// What the hardening suite did, for its closing summary: faults injected, generated inputs fed to
// the callback paths and parsers, forged request-ledger lines, secrets found where they must never
// be, and hostile conditions (a wall clock that jumps, a desktop app that comes and goes) with what
// they were refused and what the user still had. Each part of the suite that runs in another
// process (the browser test of a real VS Code session) leaves its own report in `.test-artifacts/`,
// stamped with the run it belongs to; the suite's runner adds up the reports of its own run only.
/** One class of hostile conditions. */
export interface ConditionTally {
  tried: number;
  /** Requests the condition called for (or reads it put at risk), and how many of them were refused or held back. */
  asked: number;
  refused: number;
  /** Checks of what the user relies on (a read on time, the reserve, their command), and how many held. */
  userChecks: number;
  userKept: number;
}

/** Hostile request-ledger files left for the extension (test/hardening/forgedLedger.test.ts). */
export interface ForgedLedgerTally {
  /** Forged lines tried: requests, penalties, garbage. */
  lines: number;
  /** Of them, those that counted for nothing. */
  refused: number;
  /** Forged penalties taken, but cut to a day after their start. */
  capped: number;
  /** Forged ledgers tried, and after how many the user still had commands, reads and a sane status bar. */
  ledgers: number;
  userKept: number;
}

export interface HardeningReport {
  faultsTried: number;
  inputsFuzzed: number;
  /** Outputs searched for secrets (log lines, files, notifications, error messages). */
  outputsScanned: number;
  leaksFound: number;
  /** Where a leak was found (never the secret itself). */
  leakPlaces: string[];
  forgedLedger: ForgedLedgerTally;
  clockJumps: ConditionTally;
  flappingSources: ConditionTally;
}

/** How each condition class is named in the summary, and what its numbers count. */
const CONDITIONS: { key: 'clockJumps' | 'flappingSources'; label: string; asked: string; kept: string }[] = [
  { key: 'clockJumps', label: 'clock jumps', asked: 'reads held back', kept: 'a read on focus, after a command and at a track end on time; no burst' },
  { key: 'flappingSources', label: 'flapping sources', asked: 'background checks refused', kept: 'the reserve for commands, and their Next' },
];

function emptyCondition(): ConditionTally {
  return { tried: 0, asked: 0, refused: 0, userChecks: 0, userKept: 0 };
}

const REPORT_FILE = 'hardening-report.json';

/** Names the test run; processes started for it inherit the variable, so their reports carry it. */
const RUN_ID_VARIABLE = 'BACKBEAT_RUN_ID';

/** The id of the run under way; the first caller in a run (the runner) makes one up. */
export function ensureRunId(): string {
  return (process.env[RUN_ID_VARIABLE] ??= `${new Date().toISOString()}-${process.pid}`);
}

export function emptyReport(): HardeningReport {
  return {
    faultsTried: 0,
    inputsFuzzed: 0,
    outputsScanned: 0,
    leaksFound: 0,
    leakPlaces: [],
    forgedLedger: { lines: 0, refused: 0, capped: 0, ledgers: 0, userKept: 0 },
    clockJumps: emptyCondition(),
    flappingSources: emptyCondition(),
  };
}

/** The Node suite's running totals (one mocha process). */
export const tally: HardeningReport = emptyReport();

/** Saves `report` stamped with this run's id (none when the test runs outside a run: then no runner counts it). */
export function writeReport(dir: string, report: HardeningReport): void {
  fs.mkdirSync(dir, { recursive: true });
  const stamped = { runId: process.env[RUN_ID_VARIABLE], ...report };
  fs.writeFileSync(path.join(dir, REPORT_FILE), `${JSON.stringify(stamped, null, 2)}\n`);
}

/** The report left in `dir` by run `runId`; one from another run (or none) gives undefined. */
export function readReport(dir: string, runId: string): HardeningReport | undefined {
  try {
    const { runId: writtenBy, ...report } = JSON.parse(fs.readFileSync(path.join(dir, REPORT_FILE), 'utf8')) as HardeningReport & { runId?: string };
    return writtenBy === runId ? report : undefined;
  } catch {
    return undefined;
  }
}

function addForged(a: ForgedLedgerTally, b: ForgedLedgerTally): ForgedLedgerTally {
  return { lines: a.lines + b.lines, refused: a.refused + b.refused, capped: a.capped + b.capped, ledgers: a.ledgers + b.ledgers, userKept: a.userKept + b.userKept };
}

/** "forged ledger lines tried …": what the ledger refused, and what the user still had. */
function forgedLedgerLine({ lines, refused, capped, ledgers, userKept }: ForgedLedgerTally): string {
  if (ledgers === 0) return 'forged ledger lines tried 0: no forged ledger in this run';
  return (
    `forged ledger lines tried ${lines}: ${refused} refused, ${capped} penalt${capped === 1 ? 'y' : 'ies'} cut to a day; ` +
    `after ${userKept} of ${ledgers} forged ledgers the user still had commands, reads and a sane status bar`
  );
}

function addConditions(a: ConditionTally, b: ConditionTally | undefined): ConditionTally {
  if (!b) return a;
  return { tried: a.tried + b.tried, asked: a.asked + b.asked, refused: a.refused + b.refused, userChecks: a.userChecks + b.userChecks, userKept: a.userKept + b.userKept };
}

function addReports(reports: HardeningReport[]): HardeningReport {
  return reports.reduce(
    (sum, r) => ({
      faultsTried: sum.faultsTried + r.faultsTried,
      inputsFuzzed: sum.inputsFuzzed + r.inputsFuzzed,
      outputsScanned: sum.outputsScanned + r.outputsScanned,
      leaksFound: sum.leaksFound + r.leaksFound,
      leakPlaces: [...sum.leakPlaces, ...r.leakPlaces],
      forgedLedger: addForged(sum.forgedLedger, r.forgedLedger),
      clockJumps: addConditions(sum.clockJumps, r.clockJumps),
      flappingSources: addConditions(sum.flappingSources, r.flappingSources),
    }),
    emptyReport(),
  );
}

/**
 * The suite's closing lines from the reports of this run's parts (undefined: that part left no
 * report in this run). Says so when a part, or the secret scan as a whole, did not run.
 */
export function hardeningSummary(parts: readonly { name: string; report: HardeningReport | undefined }[]): string[] {
  const ran = parts.filter((p): p is { name: string; report: HardeningReport } => p.report !== undefined);
  const missing = parts.filter((p) => p.report === undefined).map((p) => p.name);
  const notRun = missing.length ? `; not run in this run: ${missing.join(', ')}` : '';
  if (ran.length === 0) return [`hardening: no report from this run, so no secret scan ran${notRun}`];
  const total = addReports(ran.map((p) => p.report));
  const scan = total.outputsScanned > 0 ? `leaks found ${total.leaksFound} (${total.outputsScanned} outputs scanned)` : 'no secret scan ran';
  const lines = [`hardening: faults tried ${total.faultsTried}, inputs fuzzed ${total.inputsFuzzed}, ${scan} [${ran.map((p) => p.name).join(' + ')}${notRun}]`];
  if (total.leaksFound > 0) lines.push(`leaks at: ${total.leakPlaces.join('; ')}`);
  lines.push(forgedLedgerLine(total.forgedLedger));
  for (const { key, label, asked, kept } of CONDITIONS) {
    const c = total[key];
    if (c.tried > 0) lines.push(`${label} tried ${c.tried}: ${asked} ${c.refused} of ${c.asked}; the user still had ${c.userKept} of ${c.userChecks} (${kept})`);
  }
  return lines;
}
