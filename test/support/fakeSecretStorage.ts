import type * as vscode from 'vscode';
import { Emitter } from '../../src/emitter';

// VS Code's SecretStorage as one window sees it. Several instances can share one backing map,
// as windows of one editor share the OS keychain: a write in one fires onDidChange in all, unless
// `announced` is false (tabs of VS Code for the Web, which share the storage but hear nothing).

export class SharedSecrets {
  readonly values = new Map<string, string>();
  readonly windows = new Set<FakeSecretStorage>();

  constructor(readonly announced = true) {}

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

  constructor(private readonly shared: SharedSecrets = new SharedSecrets()) {
    shared.windows.add(this);
  }

  async get(key: string): Promise<string | undefined> {
    if (this.failReads) throw new Error('keychain locked');
    return this.shared.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.shared.values.set(key, value);
    queueMicrotask(() => this.shared.announce(key));
  }

  async delete(key: string): Promise<void> {
    this.shared.values.delete(key);
    queueMicrotask(() => this.shared.announce(key));
  }

  async keys(): Promise<string[]> {
    return [...this.shared.values.keys()];
  }
}
