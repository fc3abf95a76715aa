import type { Disposable } from '../../disposable';
import { Emitter } from '../../emitter';
import type { CancelSignal, PendingSignIns } from '../pendingSignIns';
import { loopbackRedirectUri } from './loopbackServer';
import { readPastedCallback } from './pastedCallback';
import type { PreparedFlow, SignInFlow } from './signInFlow';
import { l10n } from '../../l10n';

// Works everywhere, including web hosts where nothing can receive the redirect: Spotify sends
// the browser to http://127.0.0.1/callback (nothing needs to answer there), and the user pastes
// the address it ended on, or the code in it.

export interface PastePrompt extends Disposable {
  /** Resolves with accepted text (already checked with `check`), or undefined when dismissed. */
  readonly answer: Promise<string | undefined>;
}

interface ManualFlowDeps {
  openInBrowser(url: string): Promise<void>;
  /** Shows the paste box; `check` returns what is wrong with the text, or undefined. */
  askForPaste(check: (text: string) => string | undefined): PastePrompt;
}

export class ManualFlow implements SignInFlow {
  readonly id = 'manual' as const;
  readonly label = l10n.t('Paste the address the browser ends on');

  constructor(
    private readonly pending: PendingSignIns,
    private readonly deps: ManualFlowDeps,
  ) {}

  worksIn(): boolean {
    return true;
  }

  registeredRedirectUri(): string {
    return loopbackRedirectUri();
  }

  async prepare(): Promise<PreparedFlow> {
    return {
      redirectUri: this.registeredRedirectUri(),
      obtainCode: (authorizeUrl, state, cancel) => this.obtainCode(authorizeUrl, state, cancel),
      dispose: () => undefined,
    };
  }

  private async obtainCode(authorizeUrl: string, state: string, cancel: CancelSignal): Promise<string> {
    // Dismissing the paste box cancels like the progress notification's Cancel button does.
    const dismissed = new Emitter<void>();
    let wasDismissed = false;
    const cancelOrDismiss: CancelSignal = {
      get isCancellationRequested() {
        return wasDismissed || cancel.isCancellationRequested;
      },
      onCancellationRequested: (listener) => {
        const a = cancel.onCancellationRequested(listener);
        const b = dismissed.event(listener);
        return { dispose: () => (a.dispose(), b.dispose()) };
      },
    };
    const code = this.pending.waitForCode(state, cancelOrDismiss);
    await this.deps.openInBrowser(authorizeUrl);
    const prompt = this.deps.askForPaste((text) => {
      const reading = readPastedCallback(text, state);
      return 'problem' in reading ? reading.problem : undefined;
    });
    void prompt.answer.then((text) => {
      const reading = text === undefined ? undefined : readPastedCallback(text, state);
      if (reading && 'params' in reading && this.pending.deliver(reading.params)) return;
      wasDismissed = true;
      dismissed.fire();
    });
    try {
      return await code;
    } finally {
      prompt.dispose(); // closes the box when the code came another way, or on timeout
      dismissed.dispose();
    }
  }
}
