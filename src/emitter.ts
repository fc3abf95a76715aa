import type { Disposable } from './disposable';

// A minimal event source shaped like `vscode.Event`, so the auth and playback layers can be
// unit-tested on Node without the `vscode` module.

type Listener<T> = (value: T) => unknown;
export type Event<T> = (listener: Listener<T>) => Disposable;

export class Emitter<T> {
  private listeners = new Set<Listener<T>>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // A failing listener must not stop the others from hearing the event.
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
