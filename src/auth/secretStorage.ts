import type { Event } from '../emitter';

// The part of VS Code's SecretStorage (the OS keychain) that Backbeat uses, so the session and the
// client secret are kept and tested without VS Code; `context.secrets` fits it as it is.

export interface SecretStorage {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
  /** Another window (or this one) changed a key. */
  readonly onDidChange: Event<{ key: string }>;
}
