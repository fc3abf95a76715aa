import * as vscode from 'vscode';
import { Redactor } from './redaction';

/** What the rest of the extension logs through: one LogOutputChannel, every line redacted. */
export interface Log {
  trace(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  /** Registers a credential so it never appears in any later line. */
  addSecret(secret: string | undefined): void;
  show(): void;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function createLog(): Log & vscode.Disposable {
  const channel = vscode.window.createOutputChannel('Spotify', { log: true });
  const redactor = new Redactor();
  const clean = (message: string) => redactor.redact(message);
  return {
    trace: (message) => channel.trace(clean(message)),
    info: (message) => channel.info(clean(message)),
    warn: (message) => channel.warn(clean(message)),
    error: (message, error) => channel.error(clean(error === undefined ? message : `${message}: ${describeError(error)}`)),
    addSecret: (secret) => redactor.add(secret),
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}
