import type * as vscode from 'vscode';
import type { Log } from '../log';
import { CALLBACK_PATH } from '../auth/flows/signInFlow';
import type { PendingSignIns } from '../auth/pendingSignIns';

/** Receives `<scheme>://backbeat.spotify/callback?...` and offers it to the waiting sign-ins. */
export class CallbackUriHandler implements vscode.UriHandler {
  constructor(
    private readonly pending: PendingSignIns,
    private readonly log: Pick<Log, 'info'>,
  ) {}

  handleUri(uri: vscode.Uri): void {
    if (uri.path !== CALLBACK_PATH) {
      this.log.info(`Ignored a link to an unknown path (${uri.path.slice(0, 80)}).`);
      return;
    }
    if (!this.pending.deliver(uri.query)) {
      this.log.info('Ignored a sign-in callback that matches no sign-in in progress.');
    }
  }
}
