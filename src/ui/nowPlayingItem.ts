import * as vscode from 'vscode';
import type { PlaybackState } from '../playback/playbackState';
import { formatWait } from './errorMessages';
import { escapeIcons, escapeMarkdown, shorten } from './format';

/**
 * The status bar item: what is playing (click to play/pause), "Sign in to Spotify" when signed out,
 * a quiet idle state when nothing plays, and Spotify's Retry-After wait when there is one.
 */
export const NOW_PLAYING_ID = 'nowPlaying';
const MAX_TEXT_LENGTH = 60;

export class NowPlayingItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(NOW_PLAYING_ID, vscode.StatusBarAlignment.Left, 100);
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: PlaybackState,
    private readonly clock: { now(): number },
  ) {
    this.item.name = 'Spotify Now Playing';
    this.subscription = new vscode.Disposable(state.onDidChange(() => this.render()).dispose);
    this.render();
    this.item.show();
  }

  render(): void {
    const availability = this.state.availability;
    const snapshot = this.state.snapshot;
    const item = this.item;
    item.backgroundColor = undefined;
    switch (availability.kind) {
      case 'signedOut':
        this.set('$(sign-in) Sign in to Spotify', 'Sign in to Spotify to see and control what is playing.', 'backbeat.signIn');
        return;
      case 'unknown':
        this.set('$(sync~spin) Spotify', 'Reading what Spotify is playing…', undefined);
        return;
      case 'nothingActive':
        this.set('$(mute) Spotify', 'Nothing is playing on Spotify. Start playback on a device, or click to pick one.', 'backbeat.playPause');
        return;
      case 'waiting': {
        const seconds = Math.max(0, Math.ceil((availability.until - this.clock.now()) / 1000));
        this.set(`$(watch) Spotify asked to wait ${formatWait(seconds)}`, 'Spotify limits how often apps may ask. Backbeat resumes on its own.', undefined);
        return;
      }
    }
    if (!snapshot?.item) {
      this.set('$(mute) Spotify', snapshot?.device ? `Nothing is playing on ${snapshot.device.name}.` : 'Nothing is playing on Spotify.', 'backbeat.playPause');
      return;
    }
    const icon = availability.kind === 'unreachable' ? '$(warning)' : snapshot.isPlaying ? '$(play)' : '$(debug-pause)';
    const title = shorten(`${snapshot.item.name}${snapshot.item.byline ? ` - ${snapshot.item.byline}` : ''}`, MAX_TEXT_LENGTH);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escapeMarkdown(snapshot.item.name)}**  \n`);
    if (snapshot.item.byline) tooltip.appendMarkdown(`${escapeMarkdown(snapshot.item.byline)}  \n`);
    if (snapshot.item.collection) tooltip.appendMarkdown(`$(library) ${escapeMarkdown(snapshot.item.collection)}  \n`);
    if (snapshot.device) tooltip.appendMarkdown(`$(device-desktop) ${escapeMarkdown(snapshot.device.name)}  \n`);
    if (availability.kind === 'unreachable') tooltip.appendMarkdown(`\n$(warning) ${escapeMarkdown(availability.message)}`);
    tooltip.appendMarkdown(`\n\n_Click to ${snapshot.isPlaying ? 'pause' : 'play'}_`);
    this.set(`${icon} ${escapeIcons(title)}`, tooltip, 'backbeat.playPause');
  }

  private set(text: string, tooltip: string | vscode.MarkdownString, command: string | undefined): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.item.accessibilityInformation = { label: typeof tooltip === 'string' ? `${text.replace(/\$\([^)]*\)\s*/g, '')}. ${tooltip}` : text.replace(/\$\([^)]*\)\s*/g, '') };
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
