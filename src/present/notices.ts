import type { Clock } from '../clock';
import type { Log } from '../log';
import { describeFailure, UserMessage } from './errorMessages';
import { NotificationGate } from './notificationGate';
import { describeQuotaFailure } from './quotaMessages';

// Failures as the user sees them: one message per cause with its fixing action; while a cause's
// notification is open, or shortly after, repeats go to the log only. Free of `vscode`: the
// extension passes a `show` that opens a notification, tests and the hardening rig record them.

/** Shows one message; resolves when the user has closed it (or chosen an action). */
export type ShowNotice = (message: UserMessage) => Promise<void>;

export class Notices {
  private readonly gate: NotificationGate;

  constructor(
    private readonly log: Pick<Log, 'info' | 'warn'>,
    private readonly clock: Clock,
    private readonly show: ShowNotice,
  ) {
    this.gate = new NotificationGate(clock);
  }

  report(error: unknown, context?: string): void {
    const message = describeQuotaFailure(error, this.clock.now()) ?? describeFailure(error);
    const where = context ? `${context}: ` : '';
    if (!message) {
      this.log.info(`${where}cancelled.`);
      return;
    }
    this.log.warn(`${where}${message.text}${error instanceof Error && error.message !== message.text ? ` (${error.message})` : ''}`);
    if (!this.gate.tryOpen(message.cause)) return;
    void this.show(message).finally(() => this.gate.closed(message.cause));
  }
}
