import type { FlagMemento } from '../src/auth/accountChoice';

/** VS Code's globalState, in memory. */
export class MemoryMemento implements FlagMemento {
  private readonly values = new Map<string, unknown>();

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
}
