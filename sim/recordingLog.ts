import { Redactor } from '../src/redaction';
import type { Log } from '../src/log';

/** The Log interface with the same redaction as the real channel, keeping every line for assertions. */
export class RecordingLog implements Log {
  readonly lines: string[] = [];
  private readonly redactor = new Redactor();

  private add(level: string, message: string): void {
    this.lines.push(`[${level}] ${this.redactor.redact(message)}`);
  }

  trace(message: string): void {
    this.add('trace', message);
  }
  info(message: string): void {
    this.add('info', message);
  }
  warn(message: string): void {
    this.add('warn', message);
  }
  error(message: string, error?: unknown): void {
    this.add('error', error === undefined ? message : `${message}: ${String(error)}`);
  }
  addSecret(secret: string | undefined): void {
    this.redactor.add(secret);
  }
  show(): void {}
}
