import * as vscode from 'vscode';
import { Emitter } from '../emitter';
import type { WindowActivity } from '../windowActivity';

/** This window's focus and recent use, as the scheduler needs them. */
export class VsCodeWindowActivity implements WindowActivity, vscode.Disposable {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription = vscode.window.onDidChangeWindowState(() => this.changed.fire());

  get focused(): boolean {
    return vscode.window.state.focused;
  }

  get active(): boolean {
    return vscode.window.state.active;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
