import type { Disposable } from './disposable';

// A minimal event source shaped like `vscode.Event`, so the auth and playback layers can be
// unit-tested on Node without the `vscode` module.

type Listener<T> = (value: T) => unknown;
export type Event<T> = (listener: Listener<T>) => Disposable;

type ListenerErrorReporter = (error: unknown) => void;

/** Until the composition names the log, a failing listener still shows on the console. */
const toConsole: ListenerErrorReporter = (error) => console.error('A Backbeat event listener failed:', error);
let reportListenerError = toConsole;

/** Where a listener's exception goes (the extension's log); returns how to restore the default. */
export function setListenerErrorReporter(report: ListenerErrorReporter): Disposable {
  reportListenerError = report;
  return {
    dispose: () => {
      if (reportListenerError === report) reportListenerError = toConsole;
    },
  };
}

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
      } catch (error) {
        // Reported, not rethrown: a failing listener must not stop the others from hearing the event.
        try {
          reportListenerError(error);
        } catch {
          // A broken reporter must not break the event either.
        }
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
