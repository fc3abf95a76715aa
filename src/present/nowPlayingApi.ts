import type { BackbeatApi, NowPlaying, RequestBudget } from '../../api/backbeat';
import type { Event } from '../emitter';
import type { NowPlayingSource } from '../playback/playbackState';
import type { PlaybackSnapshot } from '../spotify/types';

// The API other extensions read (api/backbeat.d.ts, typed here so the two cannot drift): the
// playback state, the session and the budget as plain data. Everything comes from what this window
// already knows, so reading it never sends a request.

export interface NowPlayingApiSources {
  /** What the status bar shows (PlaybackState). */
  state: {
    readonly snapshot: PlaybackSnapshot | undefined;
    readonly source: NowPlayingSource;
    progressMs(): number;
    readonly onDidChange: Event<void>;
  };
  signedIn(): boolean;
  /** The daily budget (RequestBudget): limit 0 when the user set none. */
  budget: { readonly limit: number; readonly used: number; readonly penalty: unknown };
}

export function nowPlayingApi({ state, signedIn, budget }: NowPlayingApiSources): BackbeatApi {
  const nowPlaying = () => nowPlayingOf(state.snapshot, state.source, state.progressMs());
  return {
    apiVersion: 1,
    nowPlaying,
    // vscode.Event's contract: the listener is called with `thisArgs`, and the subscription joins `disposables`.
    onDidChangeNowPlaying: (listener, thisArgs, disposables) => {
      const subscription = state.onDidChange(() => listener.call(thisArgs, nowPlaying()));
      disposables?.push(subscription);
      return subscription;
    },
    get signedIn() {
      return signedIn();
    },
    requestBudget: () => budgetOf(budget.limit, budget.used, !!budget.penalty),
  };
}

/** A snapshot as the API tells it: undefined when nothing plays (no item, no ad). */
export function nowPlayingOf(snapshot: PlaybackSnapshot | undefined, source: NowPlayingSource, positionMs: number): NowPlaying | undefined {
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
    source,
  };
}

function budgetOf(limit: number, used: number, quotaSpent: boolean): RequestBudget | undefined {
  if (limit <= 0) return undefined;
  return { used, limit, left: quotaSpent ? 0 : Math.max(0, limit - used) };
}
