import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Clock } from '../../src/clock';
import { RequestLedger } from '../../src/quota/requestLedger';
import { MemoryLedgerStore } from '../../sim/memoryLedgerStore';
import { RecordingLog } from '../../sim/recordingLog';

// The request ledger's folder as someone hostile leaves it (anyone with the user's rights can edit
// global storage): forged lines, absurd dates, a symbolic link, a huge part, binary garbage. Shared
// by the ledger's unit tests and the hardening suite, which check what the user still has after each.

/** A window id no real window has. */
const FORGER = 'f0f0f0f0f0f0';
const YEAR_9999 = Date.UTC(9999, 11, 31);
const TEN_YEARS_MS = 10 * 365 * 24 * 3600_000;
const MIB = 1024 * 1024;

/** The part a ledger writes to at `clock`'s time (learned by letting one write elsewhere). */
export async function partWrittenNow(clock: Clock): Promise<string> {
  const probe = new MemoryLedgerStore();
  const ledger = new RequestLedger({ store: probe, clock, log: new RecordingLog() });
  ledger.record('periodic');
  await ledger.flushed();
  return (await probe.parts())[0];
}

/** Spotify's 429 reason as a hostile server could send it: written raw, it adds a penalty line until 9999. */
export function reasonForgingALine(now: number): string {
  return `QUOTA_EXCEEDED\n${now} penalty ${FORGER} ${YEAR_9999} QUOTA_EXCEEDED`;
}

/** `count` requests another window made at `at`, as ledger lines. */
export function requestLines(at: number, count: number): string {
  return `${at} command ${FORGER}\n`.repeat(count);
}

export interface Forgery {
  name: string;
  /** Forged lines it writes (each a request or a penalty, were it believed). */
  lines: number;
  /** Leaves it in ledger folder `dir`, whose part for now is `part`. */
  write(dir: string, part: string, now: number): void;
}

function append(dir: string, part: string, text: string | Buffer): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, part), text);
}

/**
 * Random bytes with no line end and no white space in them: a line of them can never read as a
 * ledger line by chance (its fields are separated by spaces), so a test that counts lines is exact.
 */
function garbage(bytes: number): Buffer {
  const data = randomBytes(bytes);
  for (let i = 0; i < data.length; i++) if (data[i] === 0x20 || (data[i] >= 0x09 && data[i] <= 0x0d)) data[i] = 0xfe;
  return data;
}

export const FORGERIES: readonly Forgery[] = [
  {
    name: 'a penalty until the year 9999',
    lines: 1,
    write: (dir, part, now) => append(dir, part, `${now} penalty ${FORGER} ${YEAR_9999} QUOTA_EXCEEDED\n`),
  },
  {
    name: 'a penalty starting ten years ahead',
    lines: 1,
    write: (dir, part, now) => append(dir, part, `${now + TEN_YEARS_MS} penalty ${FORGER} ${now + TEN_YEARS_MS + 3600_000} QUOTA_EXCEEDED\n`),
  },
  {
    name: '1,000 requests dated ten years ahead',
    lines: 1000,
    write: (dir, part, now) => append(dir, part, requestLines(now + TEN_YEARS_MS, 1000)),
  },
  {
    name: '1,000 lines of binary garbage after a time',
    lines: 1000,
    write: (dir, part, now) => append(dir, part, Buffer.concat(Array.from({ length: 1000 }, () => Buffer.concat([Buffer.from(`${now} `), garbage(40), Buffer.from('\n')])))),
  },
  {
    name: 'a symbolic link in place of the part, to 1,000 requests elsewhere',
    lines: 1000,
    write: (dir, part, now) => {
      const elsewhere = path.join(path.dirname(dir), `elsewhere-${part}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(elsewhere, requestLines(now, 1000));
      fs.rmSync(path.join(dir, part), { force: true });
      fs.symlinkSync(elsewhere, path.join(dir, part));
    },
  },
  {
    name: 'a line of 600 MiB (sparse): binary garbage, then zeros',
    lines: 1,
    write: (dir, part) => {
      append(dir, part, garbage(MIB));
      fs.truncateSync(path.join(dir, part), 600 * MIB);
    },
  },
];
