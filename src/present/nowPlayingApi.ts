import type { BackbeatApi, NowPlaying, RequestBudget } from '../../api/backbeat';
import type { Clock } from '../clock';
import { Emitter, type Event } from '../emitter';
import type { Availability, NowPlayingSource } from '../playback/playbackState';
import type { PlaybackSnapshot } from '../spotify/types';

// The API other extensions read (api/backbeat.d.ts, typed here so the two cannot drift): the
// playback state, the session and the budget as plain data. Everything comes from what this window
// already knows, so reading it never sends a request. Its change event leaves out reads that
// change nothing, so a presence extension updates once per change, not once per read.

/** A jump the position does not make by playing on: a seek (Spotify's reported positions wander by less). */
const JUMP_MS = 2_000;

export interface NowPlayingApiSources {
  /** What the status bar shows (PlaybackState). */
  state: {
    readonly snapshot: PlaybackSnapshot | undefined;
    readonly source: NowPlayingSource;
    readonly availability: Availability;
    progressMs(): number;
    readonly onDidChange: Event<void>;
  };
  signedIn(): boolean;
  clock: Pick<Clock, 'monotonic'>;
  /** The daily budget (RequestBudget): limit 0 when the user set none. */
  budget: { readonly limit: number; readonly used: number; readonly penalty: unknown };
}

/** What nowPlaying() gave when the state last changed, and when (monotonic). */
interface Seen {
  now: NowPlaying | undefined;
  signedIn: boolean;
  at: number;
}

export function nowPlayingApi({ state, signedIn, clock, budget }: NowPlayingApiSources): BackbeatApi {
  const nowPlaying = () => nowPlayingOf(state.snapshot, state.source, state.progressMs());
  const observe = (): Seen => ({ now: nowPlaying(), signedIn: signedIn(), at: clock.monotonic() });
  const changed = new Emitter<NowPlaying | undefined>();
  let last = observe();
  state.onDidChange(() => {
    const seen = observe();
    const news = isNews(last, seen);
    last = seen;
    if (news) changed.fire(seen.now);
  });
  return {
    apiVersion: 1,
    nowPlaying,
    // vscode.Event's contract: the listener is called with `thisArgs`, and the subscription joins `disposables`.
    onDidChangeNowPlaying: (listener, thisArgs, disposables) => {
      const subscription = changed.event((now) => listener.call(thisArgs, now));
      disposables?.push(subscription);
      return subscription;
    },
    get signedIn() {
      return signedIn();
    },
    requestBudget: () => budgetOf(budget.limit, budget.used, !!budget.penalty),
    waitingUntil: () => (state.availability.kind === 'waiting' ? state.availability.until : undefined),
  };
}

/** A snapshot as the API tells it: undefined when nothing plays (no item, no ad). */
function nowPlayingOf(snapshot: PlaybackSnapshot | undefined, source: NowPlayingSource, positionMs: number): NowPlaying | undefined {
  if (!snapshot || (!snapshot.item && !snapshot.isAd)) return undefined;
  const item = snapshot.isAd ? undefined : snapshot.item;
  return {
    kind: item?.kind ?? 'ad',
    title: item?.name ?? '',
    artists: item?.byline ?? '',
    album: item?.collection,
    uri: item?.uri,
    isLocalFile: item?.isLocal ?? false,
    coverUrl: item?.imageUrl,
    durationMs: item?.durationMs ?? 0,
    positionMs: Math.max(0, Math.round(positionMs)),
    isPlaying: snapshot.isPlaying,
    deviceName: snapshot.device?.name,
    volumePercent: snapshot.device?.volumePercent ?? undefined,
    shuffle: snapshot.shuffle,
    repeat: snapshot.repeat,
    source,
  };
}

/** Something a listener would show differently: another track or state, signing in or out, or a seek. */
function isNews(before: Seen, after: Seen): boolean {
  const [was, is] = [before.now, after.now];
  if (before.signedIn !== after.signedIn || !was || !is) return before.signedIn !== after.signedIn || was !== is;
  const fields = Object.keys(is) as (keyof NowPlaying)[];
  if (fields.some((field) => field !== 'positionMs' && was[field] !== is[field])) return true;
  const playedOn = was.positionMs + (was.isPlaying ? after.at - before.at : 0);
  return Math.abs(is.positionMs - Math.min(playedOn, was.durationMs || Infinity)) > JUMP_MS;
}

function budgetOf(limit: number, used: number, quotaSpent: boolean): RequestBudget | undefined {
  if (limit <= 0) return undefined;
  return { used, limit, left: quotaSpent ? 0 : Math.max(0, limit - used) };
}
