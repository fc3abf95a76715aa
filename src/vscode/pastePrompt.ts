import * as vscode from 'vscode';
import type { PastePrompt } from '../auth/flows/manualFlow';
import { l10n } from '../l10n';

/** The input box of the manual flow; it stays open while the user is in the browser. */
export function askForPastedAddress(check: (text: string) => string | undefined): PastePrompt {
  const box = vscode.window.createInputBox();
  box.title = l10n.t('Spotify: finish signing in');
  box.prompt = l10n.t(
    'After you approve Backbeat, your browser ends on a page at http://127.0.0.1/callback that may not load. Copy that whole address from the address bar and paste it here (the code alone works too).',
  );
  box.placeholder = 'http://127.0.0.1/callback?code=…&state=…';
  box.ignoreFocusOut = true;
  let settle!: (text: string | undefined) => void;
  const answer = new Promise<string | undefined>((resolve) => (settle = resolve));
  const subscriptions = [
    box.onDidChangeValue((text) => (box.validationMessage = text.trim() ? check(text) : undefined)),
    box.onDidAccept(() => {
      const problem = check(box.value);
      if (problem) box.validationMessage = problem;
      else settle(box.value);
    }),
    box.onDidHide(() => settle(undefined)),
  ];
  box.show();
  return {
    answer,
    dispose: () => {
      subscriptions.forEach((s) => s.dispose());
      box.dispose();
      settle(undefined);
    },
  };
}
