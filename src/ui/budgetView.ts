import * as vscode from 'vscode';
import type { Clock } from '../clock';
import type { RequestBudget } from '../quota/requestBudget';
import type { RequestLedger } from '../quota/requestLedger';
import { budgetReport } from '../present/budgetReport';
import { l10n } from '../l10n';

// "Spotify: Show Request Budget": the last 24 h of requests, per hour and per kind, as a read-only
// Markdown preview (nothing to save, rebuilt each time the command runs).

const SCHEME = 'backbeat-budget';

interface BudgetViewDeps {
  budget: RequestBudget;
  ledger: RequestLedger;
  clock: Clock;
  checkEveryMs(): number | undefined;
}

export function registerBudgetView(deps: BudgetViewDeps): vscode.Disposable[] {
  // The file name is the tab's title.
  const reportUri = vscode.Uri.from({ scheme: SCHEME, path: `/${l10n.t('Spotify requests')}.md` });
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: () => budgetReport(deps.ledger.recent(), deps.budget.status(), deps.clock.now(), deps.checkEveryMs()),
  };
  return [
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand('backbeat.showRequestBudget', async () => {
      // Other windows may have spent since this one last looked.
      await deps.budget.sync();
      changed.fire(reportUri);
      try {
        await vscode.commands.executeCommand('markdown.showPreview', reportUri);
      } catch {
        // Without the built-in Markdown extension, the source reads well enough.
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(reportUri), { preview: true });
      }
    }),
  ];
}
