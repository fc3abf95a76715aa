import { constants, promises as fs, Stats } from 'fs';
import * as path from 'path';

// Where the request ledger lives: append-only text parts that every window of this machine shares.
// Parts only grow, so "has anything changed?" is one size check, and a window reads only what
// was appended since it last looked. VS Code's change events do not reach other code-server tabs,
// so windows look again themselves (before each read and when they gain focus).

/** A piece of a part, and how long the part is now. */
export interface LedgerPiece {
  bytes: Buffer;
  size: number;
}

export interface LedgerStore {
  /** Appends `text` to part `part` (created when missing). */
  append(part: string, text: string): Promise<void>;
  /**
   * At most `maxBytes` of part `part` from byte `from` on, or undefined when it has not grown past
   * `from` (or does not exist).
   */
  readFrom(part: string, from: number, maxBytes: number): Promise<LedgerPiece | undefined>;
  parts(): Promise<string[]>;
  remove(part: string): Promise<void>;
}

/** Where the system has it (not on Windows): opening a symbolic link then fails instead of following it. */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** The ledger as files in one folder (the extension's global storage, shared by all its windows). */
export class FileLedgerStore implements LedgerStore {
  constructor(private readonly dir: string) {}

  async append(part: string, text: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    // O_APPEND: each small write lands whole at the end, even with other windows writing too.
    const handle = await this.open(part, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT);
    try {
      await handle.appendFile(text, 'utf8');
    } finally {
      await handle.close();
    }
  }

  async readFrom(part: string, from: number, maxBytes: number): Promise<LedgerPiece | undefined> {
    // One lstat: the usual answer is "nothing new". A link or a folder is not a part.
    const found = await this.stat(part);
    if (!found?.isFile() || found.size <= from) return undefined;
    const handle = await this.open(part, constants.O_RDONLY);
    try {
      const { size } = await handle.stat();
      if (size <= from) return undefined;
      const buffer = Buffer.alloc(Math.min(maxBytes, size - from));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, from);
      return { bytes: buffer.subarray(0, bytesRead), size };
    } finally {
      await handle.close();
    }
  }

  /** Opens a part itself, never what a symbolic link put in its place points to. */
  private async open(part: string, flags: number): Promise<fs.FileHandle> {
    // Without O_NOFOLLOW (Windows) a link is refused by looking first.
    if (!NO_FOLLOW && (await this.stat(part))?.isSymbolicLink()) throw new Error(`${path.basename(part)} is a symbolic link: not followed`);
    return fs.open(this.file(part), flags | NO_FOLLOW, 0o600);
  }

  private async stat(part: string): Promise<Stats | undefined> {
    try {
      return await fs.lstat(this.file(part));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async parts(): Promise<string[]> {
    try {
      return await fs.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async remove(part: string): Promise<void> {
    await fs.rm(this.file(part), { force: true });
  }

  private file(part: string): string {
    return path.join(this.dir, path.basename(part));
  }
}
