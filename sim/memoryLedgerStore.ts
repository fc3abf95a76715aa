import type { LedgerPiece, LedgerStore } from '../src/quota/ledgerStore';

// The request ledger's storage in memory: what every window of one machine shares (hand the same
// instance to each simulated window, and to a "restarted" one). It answers at once, so fake and
// virtual clocks never move while a window is still reading it. FileLedgerStore, the real one, is
// tested on its own against a folder.

export class MemoryLedgerStore implements LedgerStore {
  private readonly texts = new Map<string, string>();

  async append(part: string, text: string): Promise<void> {
    this.texts.set(part, (this.texts.get(part) ?? '') + text);
  }

  async readFrom(part: string, from: number, maxBytes: number): Promise<LedgerPiece | undefined> {
    const bytes = Buffer.from(this.texts.get(part) ?? '', 'utf8');
    return bytes.length > from ? { bytes: bytes.subarray(from, from + maxBytes), size: bytes.length } : undefined;
  }

  async parts(): Promise<string[]> {
    return [...this.texts.keys()];
  }

  async remove(part: string): Promise<void> {
    this.texts.delete(part);
  }
}
