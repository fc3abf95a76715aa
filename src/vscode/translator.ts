import * as vscode from 'vscode';
import { l10n } from '../l10n';

/**
 * Makes every `l10n.t` (src/l10n.ts) answer in VS Code's display language. Each bundle has its own
 * copy of src/l10n.ts, so the main one installs this at activation and the Now Playing view's
 * side (dist/nowPlayingView.js) when it loads.
 */
export function installVsCodeTranslator(): void {
  l10n.install(vscode.l10n.t.bind(vscode.l10n));
}
