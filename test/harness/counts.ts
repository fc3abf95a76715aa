// The one result shape every suite reports, so the runner can add them up.
export interface Counts {
  passed: number;
  failed: number;
}

/** What a suite that crashed or never reported counts as. */
export const CRASHED: Counts = { passed: 0, failed: 1 };

/** Suites running in another process (the extension host) report their counts on a
 *  line of output starting with this, which the runner picks out of the log. */
export const RESULT_PREFIX = 'BACKBEAT_RESULT ';

export function resultLine(counts: Counts): string {
  return `${RESULT_PREFIX}${JSON.stringify({ passed: counts.passed, failed: counts.failed })}`;
}

export function parseResultLine(line: string): Counts | undefined {
  if (!line.startsWith(RESULT_PREFIX)) return undefined;
  try {
    const c = JSON.parse(line.slice(RESULT_PREFIX.length)) as Partial<Counts>;
    return typeof c.passed === 'number' && typeof c.failed === 'number' ? { passed: c.passed, failed: c.failed } : undefined;
  } catch {
    return undefined;
  }
}
