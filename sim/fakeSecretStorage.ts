import type * as vscode from 'vscode';
import { Emitter } from '../src/emitter';

// VS Code's SecretStorage as one window sees it. Several instances can share one backing map,
// as windows of one editor share the OS keychain: a write in one fires onDidChange in all, unless
// `announced` is false (windows that hear nothing). With `tabCopies`, as in code-server's tabs, each
// window reads its own copy of the map taken when it opened and, on each write, saves that whole
// copy as the shared map (code-server's LocalStorageSecretStorageProvider over localStorage).

export class SharedSecrets {
  readonly values = new Map<string, string>();
  readonly windows = new Set<FakeSecretStorage>();

  constructor(readonly announced = true, readonly tabCopies = false) {}

  window(): FakeSecretStorage {
    const storage = new FakeSecretStorage(this);
    this.windows.add(storage);
    return storage;
  }

  announce(key: string): void {
    if (!this.announced) return;
    for (const w of this.windows) w.changed.fire({ key });
  }
}

export class FakeSecretStorage implements vscode.SecretStorage {
  readonly changed = new Emitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.changed.event as unknown as vscode.Event<vscode.SecretStorageChangeEvent>;
  failReads = false;
  private readonly copy: Map<string, string> | undefined;

  constructor(private readonly shared: SharedSecrets = new SharedSecrets()) {
    shared.windows.add(this);
    this.copy = shared.tabCopies ? new Map(shared.values) : undefined;
  }

  private get values(): Map<string, string> {
    return this.copy ?? this.shared.values;
  }

  async get(key: string): Promise<string | undefined> {
    if (this.failReads) throw new Error('keychain locked');
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.saved(key);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.saved(key);
  }

  async keys(): Promise<string[]> {
    return [...this.values.keys()];
  }

  private saved(key: string): void {
    if (this.copy) {
      this.shared.values.clear();
      for (const [k, v] of this.copy) this.shared.values.set(k, v);
      // Only the writing tab hears of it.
      queueMicrotask(() => this.changed.fire({ key }));
      return;
    }
    queueMicrotask(() => this.shared.announce(key));
  }
}
