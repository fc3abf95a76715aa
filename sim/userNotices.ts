import type { UserMessage } from '../src/present/errorMessages';

/** What the user saw: the notifications the core's Notices rule let through, each open until dismissed. */
export class UserNotices {
  readonly shown: UserMessage[] = [];
  private readonly open: (() => void)[] = [];

  readonly show = (message: UserMessage): Promise<void> => {
    this.shown.push(message);
    return new Promise((resolve) => this.open.push(resolve));
  };

  /** The user closes every open notification. */
  dismissAll(): void {
    this.open.splice(0).forEach((close) => close());
  }

  countFor(cause: string): number {
    return this.shown.filter((m) => m.cause === cause).length;
  }
}
