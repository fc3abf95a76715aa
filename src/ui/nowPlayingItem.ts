import * as vscode from 'vscode';
import type { Clock } from '../clock';
import type { PlaybackState } from '../playback/playbackState';
import type { WindowActivity } from '../windowActivity';
import type { RequestBudget } from '../quota/requestBudget';
import { spotifyCoverUrl } from '../spotify/coverUrl';
import type { PlaybackSnapshot } from '../spotify/types';
import { quotaSpentLabel, readsPaused, spendLine, withBudgetSpent } from '../present/budgetText';
import { escapeMarkdown, formatTime, formatWait } from '../present/format';
import type { LikeStatus } from '../playback/likeStatus';
import { nowPlayingLabel } from '../present/nowPlayingLabel';
import { onPlayerSettingsChanged, PlayerSettings } from '../vscode/settings/playerSettings';
import { ProgressTicker } from '../present/progressTicker';
import { WaitCountdown } from '../present/waitCountdown';
import { l10n } from '../l10n';

// The status bar item: what is playing and where it is (click to play/pause), "Sign in to
// Spotify" when signed out (unless the Spotify app on this computer plays), a quiet idle state
// when nothing plays, Spotify's Retry-After wait or spent daily quota when there is one, and a note
// when the daily budget has stopped its checks. Its tooltip carries cover, details, where they came
// from, links to the main controls and the requests spent today.

const NOW_PLAYING_ID = 'nowPlaying';

const COVER_SIZE_PX = 96;

interface NowPlayingItemOptions {
  state: PlaybackState;
  clock: Clock;
  window: WindowActivity;
  likes: LikeStatus;
  settings(): PlayerSettings;
  budget: Pick<RequestBudget, 'status' | 'onDidChange'>;
  /** The steady rhythm while the window is in use, for the tooltip ("checking every 20 s"). */
  checkEveryMs(): number | undefined;
}

export class NowPlayingItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(NOW_PLAYING_ID, vscode.StatusBarAlignment.Left, 100);
  private readonly ticker: ProgressTicker;
  private readonly countdown: WaitCountdown;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly options: NowPlayingItemOptions) {
    this.item.name = l10n.t('Spotify Now Playing');
    this.ticker = new ProgressTicker(options.state, options.window, options.clock, () => options.settings().showProgress, () => this.renderText());
    this.countdown = new WaitCountdown(options.state, options.clock, () => this.render());
    this.subscriptions = [
      new vscode.Disposable(options.state.onDidChange(() => this.render()).dispose),
      new vscode.Disposable(options.likes.onDidChange(() => this.render()).dispose),
      new vscode.Disposable(options.budget.onDidChange(() => this.render()).dispose),
      onPlayerSettingsChanged(() => {
        this.ticker.update();
        this.render();
      }),
    ];
    this.render();
    this.item.show();
  }

  render(): void {
    const { state, clock } = this.options;
    const availability = state.availability;
    const snapshot = state.snapshot;
    switch (availability.kind) {
      case 'signedOut':
        this.set(l10n.t('$(sign-in) Sign in to Spotify'), l10n.t('Sign in to Spotify to see and control what is playing.'), 'backbeat.signIn');
        return;
      case 'unknown':
        this.set('$(sync~spin) Spotify', this.withSpend(l10n.t('Reading what Spotify is playing…')), undefined);
        return;
      case 'nothingActive':
        this.set('$(mute) Spotify', this.withSpend(l10n.t('Nothing is playing on Spotify. Start playback on a device, or click to pick one.')), 'backbeat.playPause');
        return;
      case 'waiting': {
        if (availability.quota) {
          const why = l10n.t(
            "Spotify's daily request quota for your app is spent. Backbeat sends nothing from any window until then: asking earlier would only make the wait longer. Click for the breakdown.",
          );
          this.set(quotaSpentLabel(availability.until, clock.now()), this.withSpend(why), 'backbeat.showRequestBudget');
          return;
        }
        const seconds = Math.max(0, Math.ceil((availability.until - clock.now()) / 1000));
        this.set(l10n.t('$(watch) Spotify asked to wait {0}', formatWait(seconds)), this.withSpend(l10n.t('Spotify limits how often apps may ask. Backbeat resumes on its own.')), undefined);
        return;
      }
    }
    if (snapshot?.isAd) {
      const why = snapshot.device
        ? l10n.t('Spotify is playing an advertisement on {0}. Your music goes on when it ends.', snapshot.device.name)
        : l10n.t('Spotify is playing an advertisement. Your music goes on when it ends.');
      this.set(this.label(snapshot), this.withSpend(why), 'backbeat.playPause');
      return;
    }
    if (!snapshot?.item) {
      this.set('$(mute) Spotify', this.withSpend(snapshot?.device ? l10n.t('Nothing is playing on {0}.', snapshot.device.name) : l10n.t('Nothing is playing on Spotify.')), 'backbeat.playPause');
      return;
    }
    this.set(this.label(snapshot), this.tooltip(snapshot), 'backbeat.playPause');
  }

  /** The ticker's job: only the text moves, the tooltip (maybe open) stays as it is. */
  private renderText(): void {
    const snapshot = this.options.state.snapshot;
    if (snapshot?.item || snapshot?.isAd) this.setText(this.label(snapshot));
  }

  private label(snapshot: PlaybackSnapshot): string {
    const { showProgress, maxLength } = this.options.settings();
    const stale = this.options.state.availability.kind === 'unreachable';
    const label = nowPlayingLabel(snapshot, this.options.state.progressMs(), { showProgress, maxLength, stale });
    return readsPaused(this.options.budget.status()) ? withBudgetSpent(label) : label;
  }

  private spend(): string {
    return spendLine(this.options.budget.status(), this.options.checkEveryMs(), this.options.clock.now());
  }

  private withSpend(text: string): string {
    return `${text}\n\n${this.spend()}`;
  }

  private tooltip(snapshot: PlaybackSnapshot): vscode.MarkdownString {
    const item = snapshot.item!;
    const availability = this.options.state.availability;
    const tooltip = new vscode.MarkdownString(undefined, true);
    // Trusted for the control links. Every text from Spotify is escaped, so nothing can add a link.
    // (The `{ enabledCommands }` form would be safer, but VS Code compares it by identity and would
    // re-render an open tooltip on every progress tick, closing it under the user's pointer.)
    tooltip.isTrusted = true;
    const cover = spotifyCoverUrl(item.imageUrl);
    if (cover) tooltip.appendMarkdown(`![cover](${cover}|width=${COVER_SIZE_PX},height=${COVER_SIZE_PX})\n\n`);
    tooltip.appendMarkdown(`**${escapeMarkdown(item.name)}**  \n`);
    if (item.byline) tooltip.appendMarkdown(`${escapeMarkdown(item.byline)}  \n`);
    if (item.collection) tooltip.appendMarkdown(`$(library) ${escapeMarkdown(item.collection)}  \n`);
    if (item.isLocal) tooltip.appendMarkdown(`$(file) ${escapeMarkdown(l10n.t('Local file'))}  \n`);
    if (snapshot.device) {
      const volume = snapshot.device.volumePercent === null ? '' : ` · $(unmute) ${snapshot.device.volumePercent}%`;
      tooltip.appendMarkdown(`$(device-desktop) ${escapeMarkdown(snapshot.device.name)}${volume}  \n`);
    }
    if (item.durationMs) tooltip.appendMarkdown(`$(clock) ${formatTime(item.durationMs)}  \n`);
    if (availability.kind === 'unreachable') tooltip.appendMarkdown(`\n$(warning) ${escapeMarkdown(availability.message)}  \n`);
    tooltip.appendMarkdown(this.options.state.source === 'local' ? `\n$(vm) ${escapeMarkdown(l10n.t('via Spotify on this computer'))}  \n` : `\n$(globe) ${escapeMarkdown(l10n.t('via Spotify Web API'))}  \n`);
    if (this.options.state.webAvailability.kind === 'signedOut') {
      tooltip.appendMarkdown(`[$(sign-in) ${escapeMarkdown(l10n.t('Sign in for more'))}](command:backbeat.signIn "${linkTitle(l10n.t('Devices, search, playlists, the queue and likes'))}")  \n`);
    }
    const liked = this.options.likes.current?.liked;
    const links = [
      link('chevron-left', l10n.t('Previous'), 'backbeat.previous'),
      snapshot.isPlaying ? link('debug-pause', l10n.t('Pause'), 'backbeat.playPause') : link('play', l10n.t('Play'), 'backbeat.playPause'),
      link('chevron-right', l10n.t('Next'), 'backbeat.next'),
      // A local file cannot be liked: no Like for it.
      ...(item.isLocal ? [] : [liked ? link('heart-filled', l10n.t('Unlike'), 'backbeat.toggleLike') : link('heart', l10n.t('Like'), 'backbeat.toggleLike')]),
      link('device-desktop', l10n.t('Select Device'), 'backbeat.selectDevice'),
      link('search', l10n.t('Search'), 'backbeat.search'),
    ];
    tooltip.appendMarkdown(`\n${links.join('&nbsp;&nbsp;')}`);
    tooltip.appendMarkdown(`\n\n${link('dashboard', l10n.t('Show Request Budget'), 'backbeat.showRequestBudget')} ${escapeMarkdown(this.spend())}`);
    return tooltip;
  }

  private set(text: string, tooltip: string | vscode.MarkdownString, command: string | undefined): void {
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.setText(text);
  }

  private setText(text: string): void {
    this.item.text = text;
    const plain = text.replace(/\$\([^)]*\)\s*/g, '');
    const tooltip = this.item.tooltip;
    this.item.accessibilityInformation = { label: typeof tooltip === 'string' ? `${plain}. ${tooltip}` : plain, role: 'button' };
  }

  dispose(): void {
    this.ticker.dispose();
    this.countdown.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}

function link(icon: string, title: string, command: string): string {
  return `[$(${icon})](command:${command} "${linkTitle(title)}")`;
}

/** A link's title in quotes: a translation's own quote must not end it. */
function linkTitle(title: string): string {
  return title.replace(/["\\]/g, '\\$&');
}
