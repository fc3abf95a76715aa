// A run's output shown live and kept in a file under .test-artifacts for reading later.
import * as fs from 'fs';
import * as path from 'path';
import { artifactsDir } from '../../sim/editor/paths';

export class TestLog {
  private fd: number | undefined;
  readonly file: string;

  constructor(name: string) {
    fs.mkdirSync(artifactsDir, { recursive: true });
    this.file = path.join(artifactsDir, name);
    this.fd = fs.openSync(this.file, 'w');
  }

  /** Prints and records; lines arriving after close() are only printed. */
  readonly write = (text: string): void => {
    console.log(text);
    if (this.fd !== undefined) fs.writeSync(this.fd, text + '\n');
  };

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
