import * as vscode from 'vscode';
import type { Clock } from '../clock';
import type { Log } from '../log';
import { describeFailure } from './errorMessages';
import { NotificationGate } from './notificationGate';

/**
 * Shows failures to the user: one notification per cause, with its fixing action. While a cause's
 * notification is open, or shortly after, repeats go to the log only.
 */
export class Notifier {
  private readonly gate: NotificationGate;

  constructor(
    private readonly log: Log,
    clock: Clock,
  ) {
    this.gate = new NotificationGate(clock);
  }

  report(error: unknown, context?: string): void {
    const message = describeFailure(error);
    const where = context ? `${context}: ` : '';
    if (!message) {
      this.log.info(`${where}cancelled.`);
      return;
    }
    this.log.warn(`${where}${message.text}${error instanceof Error && error.message !== message.text ? ` (${error.message})` : ''}`);
    if (!this.gate.tryOpen(message.cause)) return;
    const show =
      message.severity === 'error'
        ? vscode.window.showErrorMessage
        : message.severity === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    void Promise.resolve(show(message.text, ...message.actions.map((a) => a.title)))
      .then((choice) => {
        const action = message.actions.find((a) => a.title === choice);
        return action && vscode.commands.executeCommand(action.command, ...(action.args ?? []));
      })
      .catch((e) => this.log.warn(`Could not run the action: ${(e as Error).message}`))
      .finally(() => this.gate.closed(message.cause));
  }
}
