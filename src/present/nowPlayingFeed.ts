import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import type { Event } from '../emitter';
import type { Lyrics, LyricsSource } from '../lyrics/lyrics';
import type { PlaybackState } from '../playback/playbackState';
import type { BudgetStatus } from '../quota/requestBudget';
import type { PlaybackQueue, PlayableItem } from '../spotify/types';
import { formatClockTime } from './format';
import { nowPlayingModel, NowPlayingModel } from './nowPlayingModel';
import { QueueReads } from './queueReads';
import { parseViewMessage, ViewCommand } from './viewMessages';
import { l10n } from '../l10n';

// Feeds the Now Playing view, without VS Code: the model of what plays (from the PlaybackState
// the status bar renders; the view adds no reads of its own), the queue (read by QueueReads'
// rule, as a request the user asked for, so the budget's reserve covers it), and the lyrics. It
// turns the page's validated messages into actions the adapter sends down the commands' one path.

export interface QueueRow {
  title: string;
  artists: string;
  durationMs: number;
}

export interface QueueModel {
  rows: QueueRow[];
  /** Why there is no list (yet): reading, empty, the budget spent. */
  notice?: string;
}

export type LyricsModel =
  | { kind: 'off' }
  | { kind: 'loading' }
  | { kind: 'synced'; lines: { atMs: number; text: string }[] }
  | { kind: 'plain'; text: string }
  | { kind: 'none'; text: string };

export type ToView = { type: 'state'; model: NowPlayingModel } | { type: 'queue'; queue: QueueModel } | { type: 'lyrics'; lyrics: LyricsModel };

/** What the page asked for, for the adapter to run as the palette's commands do. */
export type ViewAction =
  | { kind: 'command'; command: ViewCommand }
  | { kind: 'seek'; positionMs: number }
  | { kind: 'volume'; percent: number }
  | { kind: 'play'; item: PlayableItem & { uri: string } };

export interface NowPlayingFeedOptions {
  state: PlaybackState;
  likes: { readonly current: { liked: boolean | undefined } | undefined; onDidChange: Event<void> };
  accountFree(): boolean;
  clock: Clock;
  queue: { queue(): Promise<PlaybackQueue> };
  /** Says why a queue read was refused (errors are not compared by class: the view is a bundle of its own). */
  budget: { status(): BudgetStatus };
  /** Undefined: lyrics are off. */
  lyrics?: LyricsSource;
  /** The view became visible: the user looks, as when a window gains focus (the scheduler's rule). */
  lookedAt(): void;
  post(message: ToView): void;
}

/** Lyrics from outside are cut to this before they reach the page. */
const MAX_LYRICS_LINES = 1_000;
const MAX_LYRICS_CHARS = 20_000;

export class NowPlayingFeed implements Disposable {
  private visible = false;
  private readonly queueReads = new QueueReads();
  private queued: (PlayableItem & { uri: string })[] = [];
  private lastQueue: QueueModel = { rows: [], notice: l10n.t('Open while something plays to see what comes next.') };
  private lyricsFor: string | undefined;
  private lastLyrics: LyricsModel = { kind: 'off' };
  private readonly subscriptions: Disposable[];

  constructor(private readonly options: NowPlayingFeedOptions) {
    this.subscriptions = [options.state.onDidChange(() => this.stateChanged()), options.likes.onDidChange(() => this.postState())];
    if (options.lyrics) this.lastLyrics = { kind: 'none', text: l10n.t('No lyrics found') };
  }

  /** The view was shown or hidden. Shown, its page is new: it asks for everything with 'ready'. */
  setVisible(visible: boolean): void {
    if (visible && !this.visible) this.options.lookedAt();
    this.visible = visible;
    this.queueReads.setVisible(visible);
  }

  /** A message from the page: validated, then answered here or handed back as an action. */
  receive(raw: unknown): ViewAction | undefined {
    const message = parseViewMessage(raw);
    switch (message?.type) {
      case 'ready':
        this.postState();
        this.options.post({ type: 'queue', queue: this.lastQueue });
        this.options.post({ type: 'lyrics', lyrics: this.lastLyrics });
        this.follow();
        return undefined;
      case 'queueOpen':
        this.queueReads.setOpen(message.open);
        this.follow();
        return undefined;
      case 'command':
        return { kind: 'command', command: message.command };
      case 'seek':
        return { kind: 'seek', positionMs: message.positionMs };
      case 'volume':
        return { kind: 'volume', percent: message.percent };
      case 'playQueued': {
        const item = this.queued[message.index];
        return item && { kind: 'play', item };
      }
      default:
        return undefined;
    }
  }

  private stateChanged(): void {
    this.postState();
    this.follow();
  }

  private postState(): void {
    if (!this.visible) return;
    const { state, clock } = this.options;
    const model = nowPlayingModel({
      availability: state.availability,
      webAvailability: state.webAvailability,
      snapshot: state.snapshot,
      source: state.source,
      positionMs: state.progressMs(),
      liked: this.options.likes.current?.liked,
      accountFree: this.options.accountFree(),
      now: clock.now(),
    });
    this.options.post({ type: 'state', model });
  }

  /** The queue and the lyrics follow the item playing, while someone can see them. */
  private follow(): void {
    if (!this.visible) return;
    const item = this.options.state.snapshot?.item;
    const key = item && `${item.uri ?? item.name}@${item.durationMs}`;
    if (this.queueReads.take(key)) void this.readQueue();
    if (item && this.options.lyrics && key !== this.lyricsFor) {
      this.lyricsFor = key;
      void this.readLyrics(this.options.lyrics, item, key!);
    }
  }

  private async readQueue(): Promise<void> {
    this.sendQueue({ rows: this.lastQueue.rows, notice: l10n.t('Reading the queue…') });
    try {
      const queue = await this.options.queue.queue();
      this.queued = queue.upNext.filter((i): i is PlayableItem & { uri: string } => !!i.uri);
      const rows = this.queued.map((i) => ({ title: i.name, artists: i.byline, durationMs: i.durationMs }));
      this.sendQueue(rows.length ? { rows } : { rows, notice: l10n.t('Nothing is queued.') });
    } catch (error) {
      this.queued = [];
      this.sendQueue({ rows: [], notice: queueFailure(error, this.options.budget.status(), this.options.clock.now()) });
    }
  }

  private async readLyrics(source: LyricsSource, item: PlayableItem, key: string): Promise<void> {
    this.sendLyrics({ kind: 'loading' });
    let lyrics: Lyrics;
    try {
      lyrics = await source.lyricsFor({ title: item.name, artists: item.byline.split(', '), album: item.collection, durationMs: item.durationMs, uri: item.uri });
    } catch {
      lyrics = { kind: 'none' };
    }
    // Another track began meanwhile: its own lyrics are on their way.
    if (this.lyricsFor === key) this.sendLyrics(lyricsModel(lyrics));
  }

  private sendQueue(queue: QueueModel): void {
    this.lastQueue = queue;
    if (this.visible) this.options.post({ type: 'queue', queue });
  }

  private sendLyrics(lyrics: LyricsModel): void {
    this.lastLyrics = lyrics;
    if (this.visible) this.options.post({ type: 'lyrics', lyrics });
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}

function queueFailure(error: unknown, budget: BudgetStatus, now: number): string {
  if (budget.penalty) return l10n.t("Spotify's daily request quota is spent: the queue can be read again at {0}.", formatClockTime(budget.penalty.until, now));
  if (budget.commandsRefusedUntil) {
    return l10n.t("Backbeat's daily budget is spent, with the reserve kept for what you ask: the queue can be read again at {0}.", formatClockTime(budget.commandsRefusedUntil, now));
  }
  return l10n.t('The queue could not be read: {0}', error instanceof Error ? error.message : String(error));
}

/** Lyrics as the page shows them, cut to a sane size (they come from outside). */
function lyricsModel(lyrics: Lyrics): LyricsModel {
  switch (lyrics.kind) {
    case 'synced': {
      const lines = lyrics.lines
        .filter((l) => Number.isFinite(l.atMs) && typeof l.text === 'string')
        .slice(0, MAX_LYRICS_LINES)
        .map((l) => ({ atMs: Math.max(0, l.atMs), text: l.text.slice(0, 500) }));
      return lines.length ? { kind: 'synced', lines } : { kind: 'none', text: l10n.t('No lyrics found') };
    }
    case 'plain':
      return lyrics.text.trim() ? { kind: 'plain', text: lyrics.text.slice(0, MAX_LYRICS_CHARS) } : { kind: 'none', text: l10n.t('No lyrics found') };
    case 'instrumental':
      return { kind: 'none', text: l10n.t('Instrumental: no lyrics') };
    default:
      return { kind: 'none', text: l10n.t('No lyrics found') };
  }
}
