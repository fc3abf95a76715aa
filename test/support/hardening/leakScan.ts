import * as fs from 'fs';
import * as path from 'path';
import type { HardeningReport } from './tally';

// Searches outputs for credentials: every access token, refresh token, authorization code and
// client secret the emulator issued. Reports where a secret was found, never the secret itself.

export interface Output {
  /** Where it came from: a file path, "log line 12", "notification". */
  place: string;
  text: string;
}

/** Files bigger than this are read in part: a token is never in a media file past its start. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function findLeaks(secrets: readonly string[], outputs: readonly Output[]): string[] {
  const wanted = secrets.filter((s) => s.length >= 8);
  const hits: string[] = [];
  for (const output of outputs) {
    const index = wanted.findIndex((secret) => output.text.includes(secret) || output.text.includes(encodeURIComponent(secret)));
    if (index >= 0) hits.push(`${output.place} (secret #${index + 1} of ${wanted.length})`);
  }
  return hits;
}

/** Every regular file under `dir`, read as latin1 so any byte sequence keeps its ASCII tokens intact. */
export function filesUnder(dir: string, skip: (file: string) => boolean = () => false): Output[] {
  if (!fs.existsSync(dir)) return [];
  const out: Output[] = [];
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !skip(full)) out.push({ place: full, text: readStart(full) });
    }
  };
  walk(dir);
  return out;
}

function readStart(file: string): string {
  const size = fs.statSync(file).size;
  if (size <= MAX_FILE_BYTES) return fs.readFileSync(file).toString('latin1');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_FILE_BYTES);
    fs.readSync(fd, buffer, 0, MAX_FILE_BYTES, 0);
    return buffer.toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

/** Scans and adds the outcome to `report`; returns the places with a leak. */
export function scanInto(report: HardeningReport, secrets: readonly string[], outputs: readonly Output[]): string[] {
  const hits = findLeaks(secrets, outputs);
  report.outputsScanned += outputs.length;
  report.leaksFound += hits.length;
  report.leakPlaces.push(...hits);
  return hits;
}
