import { promises as fs } from 'fs';
import * as path from 'path';

// Where the request ledger lives: append-only text parts that every window of this machine shares.
// Parts only grow, so "has anything changed?" is one size check, and a window reads only what
// was appended since it last looked. VS Code's change events do not reach other code-server tabs,
// so windows look again themselves (before each read and when they gain focus).

export interface LedgerStore {
  /** Appends `text` to part `part` (created when missing). */
  append(part: string, text: string): Promise<void>;
  /** What part `part` holds from byte `from` on, or undefined when it has not grown past `from` (or does not exist). */
  readFrom(part: string, from: number): Promise<string | undefined>;
  parts(): Promise<string[]>;
  remove(part: string): Promise<void>;
}

/** The ledger as files in one folder (the extension's global storage, shared by all its windows). */
export class FileLedgerStore implements LedgerStore {
  constructor(private readonly dir: string) {}

  async append(part: string, text: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    // O_APPEND: each small write lands whole at the end, even with other windows writing too.
    await fs.appendFile(this.file(part), text, 'utf8');
  }

  async readFrom(part: string, from: number): Promise<string | undefined> {
    const size = await this.size(part);
    if (size <= from) return undefined;
    const handle = await fs.open(this.file(part), 'r');
    try {
      const buffer = Buffer.alloc(size - from);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, from);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  }

  /** One stat: the usual answer is "nothing new". */
  private async size(part: string): Promise<number> {
    try {
      return (await fs.stat(this.file(part))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
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
