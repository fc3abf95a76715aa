import * as fs from 'fs';
import * as path from 'path';

/**
 * What the hardening suite did, for its closing summary: faults injected, generated inputs fed to
 * the callback paths and parsers, and secrets found where they must never be. Each part of the
 * suite that runs in another process (the browser test of a real VS Code session) leaves its own
 * report in `.test-artifacts/`; the suite's runner adds them up.
 */
export interface HardeningReport {
  faultsTried: number;
  inputsFuzzed: number;
  /** Outputs searched for secrets (log lines, files, notifications, error messages). */
  outputsScanned: number;
  leaksFound: number;
  /** Where a leak was found (never the secret itself). */
  leakPlaces: string[];
}

export const REPORT_FILE = 'hardening-report.json';

export function emptyReport(): HardeningReport {
  return { faultsTried: 0, inputsFuzzed: 0, outputsScanned: 0, leaksFound: 0, leakPlaces: [] };
}

/** The Node suite's running totals (one mocha process). */
export const tally: HardeningReport = emptyReport();

export function writeReport(dir: string, report: HardeningReport): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
}

export function readReport(dir: string): HardeningReport | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, REPORT_FILE), 'utf8')) as HardeningReport;
  } catch {
    return undefined;
  }
}

export function addReports(reports: HardeningReport[]): HardeningReport {
  return reports.reduce(
    (sum, r) => ({
      faultsTried: sum.faultsTried + r.faultsTried,
      inputsFuzzed: sum.inputsFuzzed + r.inputsFuzzed,
      outputsScanned: sum.outputsScanned + r.outputsScanned,
      leaksFound: sum.leaksFound + r.leaksFound,
      leakPlaces: [...sum.leakPlaces, ...r.leakPlaces],
    }),
    emptyReport(),
  );
}

export function summaryLine(report: HardeningReport): string {
  return `hardening: faults tried ${report.faultsTried}, inputs fuzzed ${report.inputsFuzzed}, leaks found ${report.leaksFound} (${report.outputsScanned} outputs scanned)`;
}
