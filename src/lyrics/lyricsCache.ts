import { randomBytes } from 'crypto';
import { constants, promises as fs } from 'fs';
import * as path from 'path';
import type { Lyrics } from './lyrics';

// LRCLIB's answers, kept in one JSON file in the extension's global storage so a track is asked
// for once, across restarts too. The file is plain text anyone with the user's rights can edit:
// it is read with a size limit and never through a symbolic link, each entry is checked, and
// whatever is wrong with it costs at most asking LRCLIB again.

/** The tracks kept: the most recently asked. */
export const MAX_TRACKS = 500;
/** The file's bound, whatever the lyrics; a longer file is not read, and is replaced. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_KEY_LENGTH = 2000;

/** Where the system has it (not on Windows): opening a symbolic link then fails instead of following it. */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export interface CachedLyrics {
  lyrics: Lyrics;
  /** When LRCLIB answered, by the wall clock (epoch ms). */
  savedAt: number;
}

export class LyricsCache {
  private entries: Map<string, CachedLyrics> | undefined;
  private loading: Promise<Map<string, CachedLyrics>> | undefined;
  /** Writes one after another, so an older write never lands after a newer one. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly warn: (message: string) => void,
  ) {}

  async get(key: string): Promise<CachedLyrics | undefined> {
    return (await this.load()).get(key);
  }

  /** Keeps `lyrics` for `key` and writes the file (resolves once written; never throws). */
  async put(key: string, cached: CachedLyrics): Promise<void> {
    const entries = await this.load();
    entries.delete(key);
    entries.set(key, cached);
    const write = this.writing.then(() => this.write(entries));
    this.writing = write;
    await write;
  }

  private load(): Promise<Map<string, CachedLyrics>> {
    if (this.entries) return Promise.resolve(this.entries);
    this.loading ??= this.read().then((entries) => (this.entries = entries));
    return this.loading;
  }

  private async read(): Promise<Map<string, CachedLyrics>> {
    const entries = new Map<string, CachedLyrics>();
    let text: string;
    try {
      text = await readBounded(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.warn(`Lyrics cache not read, starting afresh: ${(error as Error).message}`);
      return entries;
    }
    let stored: unknown;
    try {
      stored = JSON.parse(text);
    } catch {
      this.warn('Lyrics cache is not JSON, starting afresh');
      return entries;
    }
    const list = (stored as { entries?: unknown } | null)?.entries;
    if (!Array.isArray(list)) return entries;
    // Oldest first, as written: a Map keeps that order, and the newest wins a repeated key.
    for (const item of list.slice(-MAX_TRACKS)) {
      const entry = checkedEntry(item);
      if (entry) entries.set(entry.key, { lyrics: entry.lyrics, savedAt: entry.savedAt });
    }
    return entries;
  }

  private async write(entries: Map<string, CachedLyrics>): Promise<void> {
    // Other windows write the same file: what they added since this one read it is kept, as older.
    const merged = new Map([...(await this.read())].filter(([key]) => !entries.has(key)));
    for (const [key, cached] of entries) merged.set(key, cached);
    entries.clear();
    for (const [key, cached] of merged) entries.set(key, cached);
    while (entries.size > MAX_TRACKS) entries.delete(entries.keys().next().value as string);
    const lines = [...entries].map(([key, { lyrics, savedAt }]) => JSON.stringify({ key, savedAt, lyrics }));
    // Within the bound, the newest entries: the oldest go first.
    let size = lines.reduce((sum, line) => sum + line.length + 1, 0);
    let first = 0;
    while (size > MAX_FILE_BYTES - 64 && first < lines.length) size -= lines[first++].length + 1;
    const text = `{"entries":[\n${lines.slice(first).join(',\n')}\n]}\n`;
    // Written beside, then renamed over: readers never see half a file, and a symbolic link in
    // its place is replaced, not followed.
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}`;
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await fs.writeFile(temporary, text, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
      await fs.rename(temporary, this.file);
    } catch (error) {
      this.warn(`Lyrics cache not written: ${(error as Error).message}`);
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

/** The file's text, if it is a regular file within the bound; never through a symbolic link. */
async function readBounded(file: string): Promise<string> {
  // Without O_NOFOLLOW (Windows) a link is refused by looking first.
  if (!NO_FOLLOW && (await fs.lstat(file)).isSymbolicLink()) throw new Error('a symbolic link: not followed');
  const handle = await fs.open(file, constants.O_RDONLY | NO_FOLLOW);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a file');
    if (stat.size > MAX_FILE_BYTES) throw new Error(`${stat.size} bytes, over the bound`);
    const buffer = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function checkedEntry(item: unknown): { key: string; savedAt: number; lyrics: Lyrics } | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { key, savedAt, lyrics } = item as Record<string, unknown>;
  if (typeof key !== 'string' || !key || key.length > MAX_KEY_LENGTH) return undefined;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return undefined;
  const checked = checkedLyrics(lyrics);
  return checked && { key, savedAt, lyrics: checked };
}

/** Lyrics as they were written, or undefined for anything else. */
function checkedLyrics(value: unknown): Lyrics | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const lyrics = value as Record<string, unknown>;
  switch (lyrics.kind) {
    case 'none':
    case 'instrumental':
      return { kind: lyrics.kind };
    case 'plain':
      return typeof lyrics.text === 'string' ? { kind: 'plain', text: lyrics.text } : undefined;
    case 'synced': {
      if (!Array.isArray(lyrics.lines) || !lyrics.lines.length) return undefined;
      const lines: { atMs: number; text: string }[] = [];
      for (const line of lyrics.lines as unknown[]) {
        const { atMs, text } = (line ?? {}) as Record<string, unknown>;
        if (typeof atMs !== 'number' || !Number.isFinite(atMs) || atMs < 0 || typeof text !== 'string') return undefined;
        lines.push({ atMs, text });
      }
      // currentLine needs them in order, whatever the file says.
      return { kind: 'synced', lines: lines.sort((a, b) => a.atMs - b.atMs) };
    }
    default:
      return undefined;
  }
}
