import type { Clock } from '../clock';
import type { Disposable } from '../disposable';
import { Emitter } from '../emitter';
import type { Log } from '../log';
import { BackgroundCheck } from './backgroundCheck';
import type { PlaybackState } from './playbackState';
import type { WindowActivity } from '../windowActivity';
import type { RequestKind } from '../spotify/requestKinds';
import type { SpotifyClient } from '../spotify/client';

// Whether the item playing is in the user's library ("liked"). Asked only while something shows
// it (the like control), as a background check (src/playback/backgroundCheck.ts): once per item,
// once a minute, while the window is focused; the last answer is kept, so an item that comes back
// (sources taking turns) costs nothing. Listening costs no request per tick.

interface LikeStatusOptions {
  library: Pick<SpotifyClient, 'isSaved'>;
  state: PlaybackState;
  /** True while a view shows the flag; otherwise it is only read when the user toggles it. */
  shown(): boolean;
  log: Pick<Log, 'warn'>;
  clock: Clock;
  window: WindowActivity;
}

export class LikeStatus implements Disposable {
  private uri: string | undefined;
  private liked: boolean | undefined;
  /** The last answer known, kept when another item shows for a while. */
  private known: { uri: string; liked: boolean } | undefined;
  private asking: { uri: string; answer: Promise<boolean> } | undefined;
  private readonly checks: BackgroundCheck;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: Disposable;

  constructor(private readonly options: LikeStatusOptions) {
    this.checks = new BackgroundCheck({ clock: options.clock, window: options.window, check: (uri) => this.checkInBackground(uri) });
    this.subscription = options.state.onDidChange(() => this.follow());
    this.follow();
  }

  /** The item playing and whether it is liked (undefined: not known yet). */
  get current(): { uri: string; liked: boolean | undefined } | undefined {
    return this.uri ? { uri: this.uri, liked: this.liked } : undefined;
  }

  /** Call when `shown` may have turned true (a setting changed). */
  refresh(): void {
    this.wantCheck();
  }

  /** The flag for the current item, asking Spotify when it is not known. Throws what Spotify answered. */
  async likedNow(): Promise<boolean | undefined> {
    const uri = this.uri;
    if (!uri) return undefined;
    // The user's toggle needs it: a request they asked for, which the budget's reserve covers.
    return this.liked ?? this.check(uri, 'command');
  }

  /** Shows `liked` at once; returns how to undo it if Spotify refuses. */
  assume(liked: boolean): () => void {
    const uri = this.uri;
    const before = this.liked;
    this.set(uri, liked);
    return () => {
      if (this.uri === uri && this.liked === liked) this.set(uri, before);
    };
  }

  private follow(): void {
    const item = this.options.state.snapshot?.item;
    // A local file has no place in the library: nothing to ask, nothing to like.
    const uri = item?.isLocal ? undefined : item?.uri;
    if (uri === this.uri) return;
    this.set(uri, uri !== undefined && uri === this.known?.uri ? this.known.liked : undefined);
    this.wantCheck();
  }

  /** The flag shown and not known yet: ask, within the background check's limits. */
  private wantCheck(): void {
    this.checks.want(this.uri && this.liked === undefined && this.options.shown() ? this.uri : undefined);
  }

  /** A check nobody waits for: a failure only leaves the flag unknown. */
  private checkInBackground(uri: string): void {
    if (uri !== this.uri || this.liked !== undefined) return;
    this.check(uri).catch((error: unknown) => this.options.log.warn(`Could not read whether the item is liked: ${(error as Error).message}`));
  }

  /** One question per item at a time, however many views ask. */
  private check(uri: string, kind: RequestKind = 'likeStatus'): Promise<boolean> {
    if (this.asking?.uri === uri) return this.asking.answer;
    const answer = this.options.library.isSaved([uri], kind).then(([saved]) => {
      if (this.uri === uri) this.set(uri, saved);
      return saved;
    });
    const asking = { uri, answer };
    this.asking = asking;
    const done = () => {
      if (this.asking === asking) this.asking = undefined;
    };
    answer.then(done, done);
    return answer;
  }

  private set(uri: string | undefined, liked: boolean | undefined): void {
    this.uri = uri;
    this.liked = liked;
    if (uri !== undefined && liked !== undefined) this.known = { uri, liked };
    this.changed.fire();
  }

  dispose(): void {
    this.checks.dispose();
    this.subscription.dispose();
    this.changed.dispose();
  }
}
