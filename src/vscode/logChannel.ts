import * as vscode from 'vscode';
import type { Log } from '../log';
import { Redactor } from '../redaction';

// The one LogOutputChannel ("Spotify") every part of Backbeat logs through, each line redacted.

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
