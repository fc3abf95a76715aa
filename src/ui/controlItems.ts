import * as vscode from 'vscode';
import { disallowed, PlayerAction } from '../playback/disallowed';
import type { PlaybackState } from '../playback/playbackState';
import type { LikeStatus } from '../playback/likeStatus';
import { ControlName, onPlayerSettingsChanged, PlayerSettings } from '../vscode/settings/playerSettings';
import { l10n } from '../l10n';

// Optional buttons next to the now-playing item (`backbeat.statusBar.controls`): previous,
// play/pause, next and like. Each has its own id and name, so VS Code's status bar menu can hide
// it, and an accessible label saying what a click does. Shown only while something plays (an ad
// too); a button Spotify disallows now (skipping during an ad) is greyed out and says why. Like
// shows only for what can be liked (not a local file, not an ad).

interface Look {
  text: string;
  label: string;
  command: string;
  /** What the click asks of the player, to grey it out when Spotify disallows it. */
  action?: PlayerAction;
}

/** Left-aligned items: a higher priority sits further left; the now-playing item is at 100. */
const PRIORITY: Record<ControlName, number> = { previous: 103, playPause: 102, next: 101, like: 99 };
/** The item's name in the status bar's context menu. */
function itemName(name: ControlName): string {
  switch (name) {
    case 'previous':
      return l10n.t('Spotify Previous');
    case 'playPause':
      return l10n.t('Spotify Play/Pause');
    case 'next':
      return l10n.t('Spotify Next');
    case 'like':
      return l10n.t('Spotify Like');
  }
}

export class ControlItems implements vscode.Disposable {
  private readonly items = new Map<ControlName, vscode.StatusBarItem>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly state: PlaybackState,
    private readonly likes: LikeStatus,
    private readonly settings: () => PlayerSettings,
  ) {
    this.subscriptions = [
      new vscode.Disposable(state.onDidChange(() => this.render()).dispose),
      new vscode.Disposable(likes.onDidChange(() => this.render()).dispose),
      onPlayerSettingsChanged(() => this.render()),
    ];
    this.render();
  }

  render(): void {
    const wanted = new Set(this.settings().controls);
    for (const [name, item] of this.items) {
      if (!wanted.has(name)) {
        item.dispose();
        this.items.delete(name);
      }
    }
    const snapshot = this.state.snapshot;
    const visible = this.state.availability.kind === 'active' && (!!snapshot?.item || !!snapshot?.isAd);
    for (const name of wanted) {
      const item = this.items.get(name) ?? this.create(name);
      const look = this.look(name);
      const refusal = look.action && disallowed(snapshot, look.action);
      const label = refusal ? refusal.message : look.label;
      item.text = look.text;
      item.tooltip = label;
      item.command = refusal ? undefined : look.command;
      item.color = refusal ? new vscode.ThemeColor('disabledForeground') : undefined;
      item.accessibilityInformation = { label, role: 'button' };
      if (visible && (name !== 'like' || this.likes.current)) item.show();
      else item.hide();
    }
  }

  private create(name: ControlName): vscode.StatusBarItem {
    const item = vscode.window.createStatusBarItem(`control.${name}`, vscode.StatusBarAlignment.Left, PRIORITY[name]);
    item.name = itemName(name);
    this.items.set(name, item);
    return item;
  }

  private look(name: ControlName): Look {
    switch (name) {
      case 'previous':
        return { text: '$(chevron-left)', label: l10n.t('Previous track'), command: 'backbeat.previous', action: 'skipping_prev' };
      case 'next':
        return { text: '$(chevron-right)', label: l10n.t('Next track'), command: 'backbeat.next', action: 'skipping_next' };
      case 'playPause':
        return this.state.snapshot?.isPlaying
          ? { text: '$(debug-pause)', label: l10n.t('Pause Spotify'), command: 'backbeat.playPause', action: 'pausing' }
          : { text: '$(play)', label: l10n.t('Play Spotify'), command: 'backbeat.playPause', action: 'resuming' };
      case 'like':
        return this.likes.current?.liked
          ? { text: '$(heart-filled)', label: l10n.t('Unlike: remove from your Spotify library'), command: 'backbeat.toggleLike' }
          : { text: '$(heart)', label: l10n.t('Like: save to your Spotify library'), command: 'backbeat.toggleLike' };
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.items.forEach((item) => item.dispose());
  }
}
