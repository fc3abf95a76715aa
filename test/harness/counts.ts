// The one result shape every suite reports, so the runner can add them up, and the closing
// line in the form CI reads.
export interface Counts {
  passed: number;
  failed: number;
  /** Pending tests (it.skip, this.skip(), an `it` without a body): listed, never run. */
  skipped: number;
  /** Why the counts are not simply what the tests reported (crashed, ran nothing). */
  note?: string;
}

/** What a suite that crashed or never reported counts as. */
export const CRASHED: Counts = { passed: 0, failed: 1, skipped: 0, note: 'crashed' };

/**
 * A suite that ran no test proves nothing: a mistyped BACKBEAT_TEST_GREP, a build that left no
 * test files. It counts as one failure, with a note that says so.
 */
export function failIfNothingRan(counts: Counts, grep?: string): Counts {
  if (counts.passed + counts.failed > 0) return counts;
  const why = grep ? `no test ran: BACKBEAT_TEST_GREP=${JSON.stringify(grep)} matches none` : 'no test ran';
  return { ...counts, failed: 1, note: counts.note ?? why };
}

export function addCounts(all: readonly Counts[]): Counts {
  return all.reduce((sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed, skipped: sum.skipped + c.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
}

/** "N passed, N failed", plus ", N skipped" when anything was skipped. */
export function totalsLine(counts: Counts): string {
  return `${counts.passed} passed, ${counts.failed} failed${counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}`;
}

/** Suites running in another process (the extension host) report their counts on a
 *  line of output starting with this, which the runner picks out of the log. */
const RESULT_PREFIX = 'BACKBEAT_RESULT ';

export function resultLine(counts: Counts): string {
  return `${RESULT_PREFIX}${JSON.stringify({ passed: counts.passed, failed: counts.failed, skipped: counts.skipped })}`;
}

export function parseResultLine(line: string): Counts | undefined {
  if (!line.startsWith(RESULT_PREFIX)) return undefined;
  try {
    const c = JSON.parse(line.slice(RESULT_PREFIX.length)) as Partial<Counts>;
    const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
    return isCount(c.passed) && isCount(c.failed) && isCount(c.skipped) ? { passed: c.passed, failed: c.failed, skipped: c.skipped } : undefined;
  } catch {
    return undefined;
  }
}
