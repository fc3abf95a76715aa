import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';

// A mark every window leaves in the extension's global storage (one folder for all windows and
// code-server tabs) when it signs in, refreshes or signs out: a random id and whether someone is
// signed in, never a token. A web editor's tab keeps its own copy of SecretStorage, loaded when the
// tab opened, and hears nothing of other tabs' changes; the mark is how it learns its copy is old.

export interface SessionMark {
  /** New for each change, so a window can tell "changed since I looked". */
  id: string;
  signedIn: boolean;
}

export interface SessionMarks {
  /** The latest mark, or undefined when there is none (or it cannot be read). */
  read(): Promise<SessionMark | undefined>;
  leave(signedIn: boolean): Promise<SessionMark>;
}

export function newMark(signedIn: boolean): SessionMark {
  return { id: randomBytes(8).toString('hex'), signedIn };
}

/** The mark as one small JSON file, replaced whole (write then rename) so readers never see half. */
export class FileSessionMarks implements SessionMarks {
  constructor(private readonly file: string) {}

  async read(): Promise<SessionMark | undefined> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const value = JSON.parse(text) as Partial<SessionMark>;
      return typeof value.id === 'string' && typeof value.signedIn === 'boolean' ? { id: value.id, signedIn: value.signedIn } : undefined;
    } catch {
      return undefined;
    }
  }

  async leave(signedIn: boolean): Promise<SessionMark> {
    const mark = newMark(signedIn);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${mark.id}`;
    await fs.writeFile(temporary, JSON.stringify(mark), 'utf8');
    await fs.rename(temporary, this.file);
    return mark;
  }
}
