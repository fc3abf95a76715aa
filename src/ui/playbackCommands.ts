import * as vscode from 'vscode';
import type { Clock } from '../clock';
import { disallowed, PlayerAction } from '../playback/disallowed';
import type { PlaybackScheduler } from '../playback/scheduler';
import type { PlaybackState } from '../playback/playbackState';
import type { SpotifyClient } from '../spotify/client';
import { SpotifyError } from '../spotify/errors';
import type { Device, PlaybackSnapshot, RepeatMode } from '../spotify/types';
import { NoActiveDeviceButOne } from './errorMessages';
import { formatTime, parseTime } from './format';
import type { LikeStatus } from './likeStatus';
import type { Notifier } from './notifier';
import { onlyAvailableDevice, pickDevice } from './pickers/devicePicker';
import type { PlayerSettings } from './playerSettings';

/**
 * The transport controls: play/pause, skip, seek, volume, shuffle, repeat and the device. Each
 * goes through `run`: the status bar shows the effect at once, the command is sent, one
 * confirming read follows once Spotify has caught up, and a refusal rolls back with a message.
 */
export interface PlaybackCommandDeps {
  client: SpotifyClient;
  state: PlaybackState;
  scheduler: PlaybackScheduler;
  notifier: Notifier;
  likes: LikeStatus;
  clock: Clock;
  settings(): PlayerSettings;
  /** The scopes the signed-in session was granted. */
  grantedScopes(): readonly string[];
}

export interface CommandRun {
  /** For the log and the notification ("Next: ..."). */
  name: string;
  send(): Promise<void>;
  /** The playback state the user should see at once. */
  guess?: (s: PlaybackSnapshot) => PlaybackSnapshot;
  /** A guess outside the playback state (the like flag); returns its undo. */
  show?: () => () => void;
  /** Read the playback state back afterwards (default); off for commands that do not change it. */
  confirm?: boolean;
  /** What it asks of the player, as `actions.disallows` names it: refused there, it is not sent. */
  action?: PlayerAction;
  /** Puts a refusal in terms of this command (which scope it needed), before the user is told. */
  explain?: (error: unknown) => unknown;
}

/** The one way a command reaches Spotify. Resolves true when Spotify accepted it. */
export async function run(deps: PlaybackCommandDeps, command: CommandRun): Promise<boolean> {
  const refusal = command.action && disallowed(deps.state.snapshot, command.action);
  if (refusal) {
    deps.notifier.report(refusal, command.name);
    return false;
  }
  const undoGuess = command.guess ? deps.state.applyOptimistic(command.guess) : undefined;
  const undoShow = command.show?.();
  try {
    await command.send();
    if (command.confirm !== false) deps.scheduler.confirmAfterCommand();
    return true;
  } catch (error) {
    undoGuess?.();
    undoShow?.();
    await report(deps, command.name, command.explain ? command.explain(error) : error);
    return false;
  }
}

/** Tells the user why something failed; with no active device, offers the only one there is. */
export async function report(deps: Pick<PlaybackCommandDeps, 'client' | 'notifier'>, name: string, error: unknown): Promise<void> {
  let explained = error;
  if (error instanceof SpotifyError && error.kind === 'no_active_device') {
    const only = await deps.client.devices().then(onlyAvailableDevice, () => undefined);
    if (only) explained = new NoActiveDeviceButOne(only);
  }
  deps.notifier.report(explained, name);
}

const NOTHING_ACTIVE = () => new SpotifyError('no_active_device', 'Nothing is playing on any device.');
const REPEAT_CYCLE: Record<RepeatMode, RepeatMode> = { off: 'context', context: 'track', track: 'off' };
const REPEAT_WORDS: Record<RepeatMode, string> = { off: 'off', context: 'the playlist or album', track: 'this track' };
/** Unmuting with no volume remembered (muted elsewhere) comes back at this. */
const UNMUTE_FALLBACK_PERCENT = 50;

export function registerPlaybackCommands(deps: PlaybackCommandDeps): vscode.Disposable[] {
  const { client, state } = deps;
  /** The volume before the last mute, to restore on unmute. */
  let volumeBeforeMute: number | undefined;

  /** The state a relative command starts from; reads once when nothing is known yet. */
  const known = async (): Promise<PlaybackSnapshot | undefined> => {
    if (!state.snapshot) await deps.scheduler.refreshNow();
    return state.snapshot;
  };

  /** Runs a command that needs the current state, or says nothing is active. */
  const withState = async (name: string, command: (s: PlaybackSnapshot) => CommandRun): Promise<boolean> => {
    const snapshot = await known();
    if (!snapshot) {
      await report(deps, name, NOTHING_ACTIVE());
      return false;
    }
    return run(deps, command(snapshot));
  };

  const play = () => run(deps, { name: 'Play', action: 'resuming', guess: (s) => ({ ...s, isPlaying: true }), send: () => client.play() });
  const pause = () => run(deps, { name: 'Pause', action: 'pausing', guess: (s) => ({ ...s, isPlaying: false }), send: () => client.pause() });

  /** `target` gets the position now and gives the one to go to. */
  const seekTo = (name: string, target: (nowMs: number) => number) =>
    withState(name, (s) => {
      const duration = s.item?.durationMs ?? Infinity;
      const positionMs = Math.min(duration, Math.max(0, target(state.progressMs())));
      return { name, action: 'seeking', guess: (g) => ({ ...g, progressMs: positionMs }), send: () => client.seek(positionMs) };
    });

  const setVolume = (name: string, target: (current: number) => number) =>
    withState(name, (s) => {
      const percent = Math.min(100, Math.max(0, Math.round(target(s.device?.volumePercent ?? UNMUTE_FALLBACK_PERCENT))));
      return {
        name,
        guess: (g) => ({ ...g, device: g.device && { ...g.device, volumePercent: percent } }),
        send: () => client.setVolume(percent),
      };
    });

  /** Moves playback, keeping it going: it starts on the new device unless the user had paused. */
  const transfer = async (device: Device & { id: string }) => {
    const play = state.snapshot?.isPlaying === false ? undefined : true;
    const moved = await run(deps, {
      name: 'Select Device',
      action: 'transferring_playback',
      guess: (s) => ({ ...s, isPlaying: play ?? s.isPlaying, device: { ...device, isActive: true } }),
      send: () => client.transfer(device.id, play),
    });
    if (moved) vscode.window.setStatusBarMessage(`$(broadcast) Spotify plays on ${device.name}`, 3000);
  };

  /** With a device (a notification's "Play on ..." button) it moves there at once; otherwise it asks. */
  const selectDevice = async (given?: unknown) => {
    let device = isDevice(given) ? given : undefined;
    try {
      device ??= await pickDevice(client);
    } catch (error) {
      await report(deps, 'Select Device', error);
      return;
    }
    if (device && !(device.isActive && state.snapshot?.isPlaying)) await transfer(device);
  };

  return [
    vscode.commands.registerCommand('backbeat.playPause', () => (state.snapshot?.isPlaying ? pause() : play())),
    vscode.commands.registerCommand('backbeat.play', play),
    vscode.commands.registerCommand('backbeat.pause', pause),
    vscode.commands.registerCommand('backbeat.next', () => run(deps, { name: 'Next', action: 'skipping_next', send: () => client.next() })),
    vscode.commands.registerCommand('backbeat.previous', () => run(deps, { name: 'Previous', action: 'skipping_prev', send: () => client.previous() })),
    vscode.commands.registerCommand('backbeat.seekForward', () => seekTo('Seek Forward', (now) => now + deps.settings().seekStepMs)),
    vscode.commands.registerCommand('backbeat.seekBack', () => seekTo('Seek Back', (now) => now - deps.settings().seekStepMs)),
    vscode.commands.registerCommand('backbeat.seekTo', async (position?: unknown) => {
      // An argument (from a keybinding or another extension) may be milliseconds or "1:23".
      const positionMs = typeof position === 'number' ? position : typeof position === 'string' ? parseTime(position) : await askPosition(state);
      if (positionMs !== undefined) await seekTo('Seek To', () => positionMs);
    }),
    vscode.commands.registerCommand('backbeat.volumeUp', () => setVolume('Volume Up', (v) => v + deps.settings().volumeStep)),
    vscode.commands.registerCommand('backbeat.volumeDown', () => setVolume('Volume Down', (v) => v - deps.settings().volumeStep)),
    vscode.commands.registerCommand('backbeat.setVolume', async (percent?: unknown) => {
      const target = typeof percent === 'number' ? percent : await askVolume(state.snapshot?.device?.volumePercent);
      if (target !== undefined) await setVolume('Set Volume', () => target);
    }),
    vscode.commands.registerCommand('backbeat.toggleMute', () =>
      setVolume('Mute/Unmute', (v) => {
        if (v > 0) {
          volumeBeforeMute = v;
          return 0;
        }
        return volumeBeforeMute ?? UNMUTE_FALLBACK_PERCENT;
      }),
    ),
    vscode.commands.registerCommand('backbeat.toggleShuffle', () =>
      withState('Toggle Shuffle', (s) => ({
        name: 'Toggle Shuffle',
        action: 'toggling_shuffle',
        guess: (g) => ({ ...g, shuffle: !s.shuffle }),
        send: () => client.setShuffle(!s.shuffle),
      })),
    ),
    vscode.commands.registerCommand('backbeat.cycleRepeat', async () => {
      let next: RepeatMode = 'off';
      const done = await withState('Cycle Repeat', (s) => {
        next = REPEAT_CYCLE[s.repeat];
        const action = next === 'track' ? 'toggling_repeat_track' : 'toggling_repeat_context';
        return { name: 'Cycle Repeat', action, guess: (g) => ({ ...g, repeat: next }), send: () => client.setRepeat(next) };
      });
      if (done) vscode.window.setStatusBarMessage(`$(sync) Spotify repeats ${REPEAT_WORDS[next]}`, 3000);
    }),
    vscode.commands.registerCommand('backbeat.selectDevice', selectDevice),
  ];
}

function isDevice(value: unknown): value is Device & { id: string } {
  const d = value as Partial<Device> | undefined;
  return typeof d?.id === 'string' && typeof d.name === 'string';
}

async function askPosition(state: PlaybackState): Promise<number | undefined> {
  const duration = state.snapshot?.item?.durationMs;
  const text = await vscode.window.showInputBox({
    title: 'Spotify: Seek To',
    prompt: duration ? `A position up to ${formatTime(duration)}, like 1:23` : 'A position like 1:23',
    value: formatTime(state.progressMs()),
    validateInput: (value) => {
      const ms = parseTime(value);
      if (ms === undefined) return 'Type minutes and seconds, like 1:23 (or seconds, like 83).';
      return duration && ms > duration ? `The track is ${formatTime(duration)} long.` : undefined;
    },
  });
  return text === undefined ? undefined : parseTime(text);
}

async function askVolume(current: number | null | undefined): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Spotify: Set Volume',
    prompt: 'Volume in percent, 0 to 100',
    value: current === null || current === undefined ? '' : String(current),
    validateInput: (value) => (/^\s*\d{1,3}\s*$/.test(value) && Number(value) <= 100 ? undefined : 'A whole number from 0 to 100.'),
  });
  return text === undefined ? undefined : Number(text);
}
