/** The single truth about playback that the simulator mutates and the routes render. */

export type RepeatState = 'off' | 'track' | 'context';

export interface PlaybackState {
  /** Key of the active device; null means nothing is active (reads answer 204). */
  activeKey: string | null;
  /** Where playback resumes when something wakes it without naming a device. */
  lastDeviceKey: string;
  /** The playing context (album, playlist...); null when playing a bare list of URIs. */
  contextUri: string | null;
  /** The items of the context (or the URI list) in their natural order. */
  contextItems: string[];
  /** Play order: indices into contextItems, shuffled when shuffle is on. */
  order: number[];
  /** Position in `order` of the context item playing (or last played, while a queued item plays). */
  orderPos: number;
  itemUri: string;
  /** The current item came from the user's queue, not the context. */
  fromQueue: boolean;
  isPlaying: boolean;
  /** Progress at `anchorMs`; while playing, progress grows with the clock from there. */
  progressAtAnchor: number;
  anchorMs: number;
  shuffle: boolean;
  repeat: RepeatState;
  queue: string[];
  volumes: Record<string, number | null>;
  /** When the state last changed (play, pause, skip, seek, new item). */
  timestamp: number;
  /**
   * An advertisement playing before the item goes on: while it lasts, progress is the ad's, and
   * the item resumes at `resumeAtMs` when it ends. Null when no ad plays.
   */
  ad: { durationMs: number; resumeAtMs: number } | null;
}

export function cloneState(state: PlaybackState): PlaybackState {
  return {
    ...state,
    contextItems: [...state.contextItems],
    order: [...state.order],
    queue: [...state.queue],
    volumes: { ...state.volumes },
    ad: state.ad && { ...state.ad },
  };
}

export function progressAt(state: PlaybackState, now: number): number {
  return state.isPlaying ? state.progressAtAnchor + (now - state.anchorMs) : state.progressAtAnchor;
}

/** Moves the progress anchor to `now` at `progressMs` (seek, pause, new item). */
export function setProgress(state: PlaybackState, progressMs: number, now: number): void {
  state.progressAtAnchor = progressMs;
  state.anchorMs = now;
}

export function contextItemAt(state: PlaybackState, orderPos: number): string {
  return state.contextItems[state.order[orderPos]];
}
