import * as vscode from 'vscode';
import type { PlaybackScheduler } from '../playback/scheduler';
import type { PlaybackState } from '../playback/playbackState';
import type { SpotifyClient } from '../spotify/client';
import type { PlaybackSnapshot } from '../spotify/types';
import type { Notifier } from './notifier';

/**
 * Playback commands. Each shows its effect at once (optimistic), sends the command, asks the
 * scheduler for one confirming read, and rolls back with a message if Spotify refused.
 */
export interface PlaybackCommandDeps {
  client: SpotifyClient;
  state: PlaybackState;
  scheduler: PlaybackScheduler;
  notifier: Notifier;
}

export function registerPlaybackCommands(deps: PlaybackCommandDeps): vscode.Disposable[] {
  const { client, state } = deps;
  const play = () => run(deps, 'Play', (s) => ({ ...s, isPlaying: true }), () => client.play());
  const pause = () => run(deps, 'Pause', (s) => ({ ...s, isPlaying: false }), () => client.pause());
  return [
    vscode.commands.registerCommand('backbeat.playPause', () => (state.snapshot?.isPlaying ? pause() : play())),
    vscode.commands.registerCommand('backbeat.play', play),
    vscode.commands.registerCommand('backbeat.pause', pause),
  ];
}

async function run(
  deps: PlaybackCommandDeps,
  name: string,
  optimistic: ((s: PlaybackSnapshot) => PlaybackSnapshot) | undefined,
  send: () => Promise<void>,
): Promise<void> {
  const rollback = optimistic ? deps.state.applyOptimistic(optimistic) : () => undefined;
  try {
    await send();
    deps.scheduler.confirmAfterCommand();
  } catch (error) {
    rollback();
    deps.notifier.report(error, name);
  }
}
