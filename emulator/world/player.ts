import { Clock } from '../clock';
import { playerErrors } from '../errors';
import { MAX_RANDOM_LAG_MS, MIN_RANDOM_LAG_MS } from '../options';
import { Catalogue } from './catalogue';
import { Device, defaultDevices } from './devices';
import { seededRandom, SeededShuffle } from './shuffle';
import {
  cloneState, contextItemAt, PlaybackState, progressAt, RepeatState, setProgress,
} from './playbackState';

/** One entry of "recently played". */
interface PlayHistoryEntry {
  uri: string;
  playedAt: number;
  contextUri: string | null;
}

export interface PlayRequest {
  contextUri?: string;
  uris?: string[];
  offset?: { position?: number; uri?: string };
  positionMs?: number;
}

/** Something done on the user's phone, outside the Web API (tests use it to change state "behind" the client). */
export type PhoneAction =
  /** `play` with a `uri` starts that track or episode on its own, as picking it on the phone does. */
  | { type: 'pause' } | { type: 'play'; uri?: string } | { type: 'next' } | { type: 'previous' }
  | { type: 'seek'; positionMs: number } | { type: 'stop' }
  /** Moves playback to an online device by its key ('speaker'…): the phone's app may use any of them. */
  | { type: 'transfer'; device: string }
  /** An advertisement (30 s unless told) plays before the current item goes on. */
  | { type: 'ad'; durationMs?: number };

/** What `actions.disallows` can name (Spotify's DisallowsObject). */
type Disallow =
  | 'interrupting_playback' | 'pausing' | 'resuming' | 'seeking' | 'skipping_next' | 'skipping_prev'
  | 'toggling_repeat_context' | 'toggling_shuffle' | 'toggling_repeat_track' | 'transferring_playback';

/** An ad cannot be sought, skipped or replaced, nor change the play mode (only paused and resumed). */
const AD_DISALLOWS: Disallow[] = [
  'interrupting_playback', 'seeking', 'skipping_next', 'skipping_prev', 'toggling_repeat_context', 'toggling_shuffle',
  'toggling_repeat_track', 'transferring_playback',
];
const EPISODE_DISALLOWS: Disallow[] = ['toggling_shuffle', 'toggling_repeat_context', 'toggling_repeat_track'];
const DEFAULT_AD_MS = 30_000;
/** Seeds the lag sequence; reset() restarts it, so every test run sees the same lags. */
const LAG_SEED = 0x1a9;

/** Below this, "previous" goes to the previous track; above it, it restarts the current one (as Spotify does). */
const RESTART_THRESHOLD_MS = 3000;
/** Spotify keeps about 50 items of history. */
const HISTORY_LIMIT = 50;

/**
 * The simulated Spotify player: devices, context, queue, progress following the clock, and the
 * read lag real Spotify shows after a command. All commands validate like Spotify does and
 * throw PlayerError.
 */
export class Player {
  private readonly allDevices: Device[] = defaultDevices();
  history: PlayHistoryEntry[] = [];
  private state!: PlaybackState;
  private stale: { state: PlaybackState; until: number } | undefined;
  private shuffler = new SeededShuffle();
  private lagRandom = seededRandom(LAG_SEED);
  /** Told after every change made through the Web API, the phone or the desktop app (not a track ending on its own). */
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly clock: Clock,
    private readonly stateLagMs: () => number | 'random',
    private readonly onlineKeys: () => readonly string[] = () => defaultDevices().map((d) => d.key),
  ) {
    this.reset();
  }

  /** The devices online now: what the device list shows and commands can target. */
  get devices(): Device[] {
    const online = this.onlineKeys();
    return this.allDevices.filter((d) => online.includes(d.key));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners the player may look different (also after a setting changed: the desktop app quit, a device went offline). */
  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Back to the start: the computer plays "Teardrop" from the "Late Night Coding" playlist. */
  reset(): void {
    const now = this.clock.now();
    const playlist = this.catalogue.startPlaylist;
    const start = playlist.trackUris.indexOf(this.catalogue.teardrop.uri);
    const volumes: Record<string, number | null> = {};
    for (const device of this.allDevices) volumes[device.key] = device.initialVolume;
    this.state = {
      activeKey: 'computer', lastDeviceKey: 'computer', contextUri: playlist.uri,
      contextItems: [...playlist.trackUris], order: playlist.trackUris.map((_, i) => i), orderPos: start,
      itemUri: playlist.trackUris[start], fromQueue: false, isPlaying: true, progressAtAnchor: 0, anchorMs: now,
      shuffle: false, repeat: 'off', queue: [], volumes, timestamp: now, ad: null,
    };
    this.stale = undefined;
    this.shuffler = new SeededShuffle();
    this.lagRandom = seededRandom(LAG_SEED);
    // A little history, as any real account has: the playlist's first track just before Teardrop.
    this.history = [{ uri: playlist.trackUris[0], playedAt: now - 7 * 60_000, contextUri: playlist.uri }];
    this.changed();
  }

  /** The true current state (settled to now), for snapshots and command checks. */
  live(): PlaybackState {
    this.settle(this.state, true);
    return this.state;
  }

  /** What reads return: the pre-command state while the simulated lag lasts. */
  visible(): PlaybackState {
    const live = this.live();
    if (this.stale && this.clock.now() < this.stale.until) {
      this.settle(this.stale.state, false);
      return this.stale.state;
    }
    this.stale = undefined;
    return live;
  }

  progress(state: PlaybackState): number {
    return progressAt(state, this.clock.now());
  }

  /** What the state does not allow now, as `actions.disallows` reports it and commands enforce it. */
  disallows(state: PlaybackState): Set<Disallow> {
    const refused = new Set<Disallow>([state.isPlaying ? 'resuming' : 'pausing']);
    if (state.ad) AD_DISALLOWS.forEach((d) => refused.add(d));
    if (this.catalogue.playable(state.itemUri)?.kind === 'episode') EPISODE_DISALLOWS.forEach((d) => refused.add(d));
    return refused;
  }

  deviceByKey(key: string): Device {
    const device = this.allDevices.find((d) => d.key === key);
    if (!device) throw new Error(`no device ${key}`);
    return device;
  }

  // ---- Web API commands ------------------------------------------------------------------

  play(request: PlayRequest, deviceId: string | undefined): void {
    const target = deviceId === undefined ? undefined : this.deviceById(deviceId);
    const live = this.live();
    if (!target && live.activeKey === null) throw playerErrors.noActiveDevice();
    this.checkControllable(target ?? this.deviceByKey(live.activeKey as string));
    const isResume = request.contextUri === undefined && request.uris === undefined;
    if (!target || target.key === live.activeKey) this.refuseIf(live, isResume ? 'resuming' : 'interrupting_playback');
    else this.refuseIf(live, 'transferring_playback');
    // "Only available when context_uri corresponds to an album or playlist object."
    const type = request.contextUri === undefined ? undefined : contextType(request.contextUri);
    if (request.offset !== undefined && type !== undefined && type !== 'album' && type !== 'playlist') {
      throw playerErrors.badRequest(`Can't have offset for context type: ${type.toUpperCase()}`);
    }
    const items = isResume ? undefined : this.itemsFor(request);
    const startIndex = items ? this.offsetIndex(items, request.offset) : undefined;
    this.command((s, now) => {
      if (target) this.activate(s, target.key);
      if (items && startIndex !== undefined) {
        this.loadContext(s, request.contextUri ?? null, items, startIndex);
        setProgress(s, request.positionMs ?? 0, now);
      } else if (request.positionMs !== undefined) {
        setProgress(s, request.positionMs, now);
      } else {
        setProgress(s, progressAt(s, now), now);
      }
      s.isPlaying = true;
    });
  }

  pause(deviceId: string | undefined): void {
    this.refuseIf(this.requireActive(deviceId), 'pausing');
    this.command((s, now) => this.pauseState(s, now));
  }

  next(deviceId: string | undefined): void {
    this.refuseIf(this.requireActive(deviceId), 'skipping_next');
    this.command((s, now) => this.skip(s, now, true));
  }

  previous(deviceId: string | undefined): void {
    this.refuseIf(this.requireActive(deviceId), 'skipping_prev');
    this.command((s, now) => this.back(s, now));
  }

  seek(positionMs: number, deviceId: string | undefined): void {
    this.refuseIf(this.requireActive(deviceId), 'seeking');
    this.command((s, now) => setProgress(s, positionMs, now));
  }

  setVolume(percent: number, deviceId: string | undefined): void {
    const live = this.requireActive(deviceId);
    const device = deviceId === undefined ? this.deviceByKey(live.activeKey as string) : this.deviceById(deviceId);
    if (!device.supportsVolume) throw playerErrors.volumeDisallowed();
    this.command((s) => { s.volumes[device.key] = percent; });
  }

  setShuffle(on: boolean, deviceId: string | undefined): void {
    this.refuseIf(this.requireActive(deviceId), 'toggling_shuffle');
    this.command((s) => this.applyShuffle(s, on));
  }

  setRepeat(repeat: RepeatState, deviceId: string | undefined): void {
    this.refuseIf(this.requireActive(deviceId), repeat === 'track' ? 'toggling_repeat_track' : 'toggling_repeat_context');
    this.command((s) => { s.repeat = repeat; });
  }

  transfer(deviceId: string, play: boolean | undefined): void {
    const device = this.deviceById(deviceId);
    this.checkControllable(device);
    this.refuseIf(this.live(), 'transferring_playback');
    this.command((s, now) => {
      const wasActive = s.activeKey !== null;
      setProgress(s, progressAt(s, now), now);
      this.activate(s, device.key);
      // `play` absent keeps the current state; from nothing active, Spotify wakes up paused.
      s.isPlaying = play ?? (wasActive && s.isPlaying);
    });
  }

  addToQueue(uri: string, deviceId: string | undefined): void {
    this.requireActive(deviceId);
    if (!this.catalogue.playable(uri)) throw playerErrors.badRequest('Invalid base62 id');
    this.command((s) => { s.queue.push(uri); });
  }

  // ---- Changes made on the phone or in the desktop app (not subject to the command lag) --------

  /** `wakeOn`: the device a play wakes when nothing is active (the phone, or the desktop app's computer). */
  phone(action: PhoneAction, wakeOn = 'phone'): void {
    const s = this.live();
    const now = this.clock.now();
    // Anything but pause, resume or moving to another device moves past an ad.
    if (!['pause', 'play', 'ad', 'transfer'].includes(action.type) && s.ad) this.endAd(s, now);
    switch (action.type) {
      case 'pause':
        if (s.activeKey !== null) this.pauseState(s, now);
        break;
      case 'play':
        if (s.activeKey === null) this.activate(s, wakeOn);
        if (action.uri !== undefined) {
          if (!this.catalogue.playable(action.uri)) throw new Error(`no track or episode ${action.uri}`);
          if (s.ad) this.endAd(s, now);
          this.loadContext(s, null, [action.uri], 0);
          setProgress(s, 0, now);
        } else {
          setProgress(s, progressAt(s, now), now);
        }
        s.isPlaying = true;
        break;
      case 'next':
        this.skip(s, now, true);
        break;
      case 'previous':
        this.back(s, now);
        break;
      case 'seek':
        setProgress(s, action.positionMs, now);
        break;
      case 'stop':
        this.pauseState(s, now);
        s.activeKey = null;
        break;
      case 'ad':
        if (s.activeKey === null) this.activate(s, s.lastDeviceKey);
        if (!s.ad) s.ad = { durationMs: action.durationMs ?? DEFAULT_AD_MS, resumeAtMs: progressAt(s, now) };
        setProgress(s, 0, now);
        s.isPlaying = true;
        break;
      case 'transfer': {
        const device = this.devices.find((d) => d.key === action.device);
        if (!device) throw new Error(`no online device ${action.device}`);
        // Playing or paused stays as it was; from nothing active, the device wakes up paused.
        setProgress(s, progressAt(s, now), now);
        this.activate(s, device.key);
        break;
      }
    }
    s.timestamp = now;
    this.stale = undefined;
    this.changed();
  }

  // ---- internals -----------------------------------------------------------------------------

  /** Applies a command to the live state, remembering the old state for the read lag. */
  private command(mutate: (s: PlaybackState, now: number) => void): void {
    const live = this.live();
    const now = this.clock.now();
    const before = cloneState(live);
    mutate(live, now);
    live.timestamp = now;
    this.settle(live, true);
    const setting = this.stateLagMs();
    const lag = setting === 'random' ? MIN_RANDOM_LAG_MS + Math.floor(this.lagRandom() * (MAX_RANDOM_LAG_MS - MIN_RANDOM_LAG_MS + 1)) : setting;
    this.stale = lag > 0 ? { state: before, until: now + lag } : undefined;
    this.changed();
  }

  /** Spotify refuses what `actions.disallows` names with 403 "Restriction violated". */
  private refuseIf(state: PlaybackState, action: Disallow): void {
    if (this.disallows(state).has(action)) throw playerErrors.restrictionViolated();
  }

  private endAd(s: PlaybackState, at: number): void {
    if (!s.ad) return;
    setProgress(s, s.ad.resumeAtMs, at);
    s.ad = null;
  }

  private requireActive(deviceId: string | undefined): PlaybackState {
    const live = this.live();
    if (deviceId !== undefined) this.checkControllable(this.deviceById(deviceId));
    if (live.activeKey === null) throw playerErrors.noActiveDevice();
    this.checkControllable(this.deviceByKey(live.activeKey));
    return live;
  }

  private deviceById(id: string): Device {
    const device = this.devices.find((d) => d.id !== null && d.id === id);
    if (!device) throw playerErrors.deviceNotFound();
    return device;
  }

  private checkControllable(device: Device): void {
    if (device.isRestricted) throw playerErrors.restrictionViolated();
  }

  private activate(s: PlaybackState, key: string): void {
    s.activeKey = key;
    s.lastDeviceKey = key;
  }

  private pauseState(s: PlaybackState, now: number): void {
    setProgress(s, progressAt(s, now), now);
    s.isPlaying = false;
  }

  private itemsFor(request: PlayRequest): string[] {
    if (request.contextUri !== undefined) {
      const items = this.catalogue.contextItems(request.contextUri);
      if (!items || items.length === 0) throw playerErrors.badRequest('Invalid context uri');
      return items;
    }
    const uris = request.uris ?? [];
    if (uris.length === 0) throw playerErrors.badRequest('Missing uris');
    for (const uri of uris) {
      if (!this.catalogue.playable(uri)) throw playerErrors.badRequest(`Invalid track uri: ${uri}`);
    }
    return [...uris];
  }

  private offsetIndex(items: string[], offset: PlayRequest['offset']): number {
    if (offset?.uri !== undefined) {
      const index = items.indexOf(offset.uri);
      if (index < 0) throw playerErrors.badRequest('Offset uri not in context');
      return index;
    }
    const position = offset?.position ?? 0;
    if (!Number.isInteger(position) || position < 0 || position >= items.length) {
      throw playerErrors.badRequest('Offset is out of range');
    }
    return position;
  }

  private loadContext(s: PlaybackState, contextUri: string | null, items: string[], index: number): void {
    s.contextUri = contextUri;
    s.contextItems = items;
    s.order = s.shuffle ? this.shuffler.orderStartingWith(items.length, index) : items.map((_, i) => i);
    s.orderPos = s.shuffle ? 0 : index;
    s.itemUri = items[index];
    s.fromQueue = false;
  }

  private applyShuffle(s: PlaybackState, on: boolean): void {
    const current = s.order[s.orderPos];
    s.shuffle = on;
    s.order = on ? this.shuffler.orderStartingWith(s.contextItems.length, current) : s.contextItems.map((_, i) => i);
    s.orderPos = on ? 0 : current;
  }

  /** To the next item: the queue first, then the context; `userSkip` ignores repeat-track. */
  private skip(s: PlaybackState, at: number, userSkip: boolean, recordHistory = true): void {
    if (recordHistory) this.recordPlayed(s, at);
    setProgress(s, 0, at);
    if (!userSkip && s.repeat === 'track') return;
    const queued = s.queue.shift();
    if (queued !== undefined) {
      s.itemUri = queued;
      s.fromQueue = true;
      return;
    }
    s.fromQueue = false;
    if (s.orderPos + 1 < s.order.length) {
      s.orderPos += 1;
    } else {
      // End of the context: wrap around; without repeat Spotify stops on the first item, paused.
      s.orderPos = 0;
      if (s.repeat === 'off') s.isPlaying = false;
    }
    s.itemUri = contextItemAt(s, s.orderPos);
  }

  private back(s: PlaybackState, now: number): void {
    if (progressAt(s, now) > RESTART_THRESHOLD_MS || (s.orderPos === 0 && s.repeat !== 'context' && !s.fromQueue)) {
      setProgress(s, 0, now);
      return;
    }
    if (!s.fromQueue) s.orderPos = s.orderPos === 0 ? s.order.length - 1 : s.orderPos - 1;
    s.fromQueue = false;
    s.itemUri = contextItemAt(s, s.orderPos);
    setProgress(s, 0, now);
  }

  /** Plays forward to `now`: every item that ended (or was sought past) moves playback on. */
  private settle(s: PlaybackState, recordHistory: boolean): void {
    const now = this.clock.now();
    for (;;) {
      // Paused progress only passes the end through a seek: that too moves on to the next item.
      const duration = s.ad?.durationMs ?? this.catalogue.playable(s.itemUri)?.durationMs ?? 0;
      const overshoot = progressAt(s, now) - duration;
      if (overshoot < 0) return;
      // A seek past the end ends the item at the seek, not back in the past.
      const endedAt = Math.max(s.anchorMs, now - overshoot);
      if (s.ad) this.endAd(s, endedAt);
      else this.skip(s, endedAt, false, recordHistory);
      s.timestamp = endedAt;
    }
  }

  private recordPlayed(s: PlaybackState, at: number): void {
    if (!s.itemUri.startsWith('spotify:track:')) return; // recently played has no episodes
    this.history.unshift({ uri: s.itemUri, playedAt: at, contextUri: s.contextUri });
    this.history.length = Math.min(this.history.length, HISTORY_LIMIT);
  }
}

/** The type of a context URI: album, playlist, artist, show, or collection (the user's liked songs). */
function contextType(uri: string): string {
  const parts = uri.split(':');
  return parts[parts.length - 1] === 'collection' ? 'collection' : parts[parts.length - 2] ?? '';
}
