import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LrclibLyrics } from '../src/lyrics/lrclibLyrics';
import { NowPlayingFeed } from '../src/present/nowPlayingFeed';
import type { PlaybackState } from '../src/playback/playbackState';
import type { PlayerCommands } from '../src/playback/playerCommands';
import type { SpotifyClient } from '../src/spotify/client';
import type { DeviceList } from '../src/spotify/deviceList';
import type { MyPlaylists } from '../src/spotify/myPlaylists';
import type { Core } from '../src/core';
import type { UserMessage } from '../src/present/errorMessages';
import { CoreWindow } from '../sim/coreWindow';
import type { SimulatedWindowActivity } from '../sim/simulatedWindowActivity';
import { RecordingLog } from '../sim/recordingLog';
import { EmulatorDesktopPlayer } from '../sim/emulatorDesktopPlayer';
import { BaselineClient } from './baselines/baselineClient';
import type { BenchWindow, OpenWindowOptions } from './windowShape';

// One simulated VS Code window with a row's Spotify client in it: Backbeat's core
// (sim/coreWindow.ts: the wiring of src/extension.ts), or a baseline, which is another
// extension (bench/baselines/baselineClient.ts). Both have the shape the scenario drives.

export function benchWindow(options: OpenWindowOptions): BenchWindow {
  const { reading } = options.contender;
  return reading ? new BaselineClient(options, reading) : new BackbeatWindow(options);
}

class BackbeatWindow implements BenchWindow {
  private readonly window: CoreWindow;
  private readonly options: OpenWindowOptions;
  /** The Now Playing view's feed, when the contender keeps it open (src/present/nowPlayingFeed.ts). */
  private view: { feed: NowPlayingFeed; lyricsDir: string } | undefined;
  readonly local: EmulatorDesktopPlayer | undefined;

  constructor(options: OpenWindowOptions) {
    const { contender } = options;
    this.options = options;
    this.local = contender.localPlayer ? new EmulatorDesktopPlayer(options.emulator, options.clock, { heartbeat: true }) : undefined;
    this.window = new CoreWindow({
      ...options,
      dailyRequestBudget: contender.dailyRequestBudget ?? 0,
      host: { ...(this.local && { localPlayer: this.local }) },
    });
  }

  private get core(): Core {
    return this.window.core;
  }

  get activity(): SimulatedWindowActivity {
    return this.window.activity;
  }

  get notices(): UserMessage[] {
    return this.window.notices.shown;
  }

  get client(): SpotifyClient {
    return this.core.client;
  }

  get state(): PlaybackState {
    return this.core.state;
  }

  get commands(): PlayerCommands {
    return this.core.commands;
  }

  get devices(): DeviceList {
    return this.core.devices;
  }

  get playlists(): MyPlaylists {
    return this.core.playlists;
  }

  /** Opens the view too if the contender keeps it open. */
  async open(): Promise<void> {
    await this.window.open();
    if (!this.core.keeper.current) throw new Error('the simulated window found no session');
    if (this.options.contender.viewOpen) this.view = this.openView();
  }

  /** The view as the extension feeds it, shown all day with Up next open and lyrics from the emulator's LRCLIB. */
  private openView(): { feed: NowPlayingFeed; lyricsDir: string } {
    const { core } = this;
    const { clock } = this.options;
    const lyricsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-bench-lyrics-'));
    const feed = new NowPlayingFeed({
      state: core.state,
      likes: core.likes,
      accountFree: () => core.sources?.accountFree ?? false,
      clock,
      queue: core.client,
      budget: core.budget,
      lyrics: new LrclibLyrics({ url: () => this.options.emulator.lyricsUrl, cacheDir: lyricsDir, clock, log: new RecordingLog() }),
      lookedAt: () => core.scheduler.lookedAt(),
      post: () => undefined,
    });
    feed.setVisible(true);
    feed.receive({ type: 'ready' });
    feed.receive({ type: 'queueOpen', open: true });
    return { feed, lyricsDir };
  }

  async close(): Promise<void> {
    this.view?.feed.dispose();
    await this.window.close();
    if (this.view) fs.rmSync(this.view.lyricsDir, { recursive: true, force: true });
  }
}
