/** What the rest of the extension logs through: one LogOutputChannel, every line redacted (src/vscode/logChannel.ts). */
export interface Log {
  trace(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  /** Registers a credential so it never appears in any later line. */
  addSecret(secret: string | undefined): void;
  show(): void;
}
