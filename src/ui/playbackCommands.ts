import * as vscode from 'vscode';
import { registerCommandTable } from './commandTable';
import type { Clock } from '../clock';
import type { PlayerCommands } from '../playback/playerCommands';
import type { PlaybackState } from '../playback/playbackState';
import type { SpotifyClient } from '../spotify/client';
import type { DeviceList } from '../spotify/deviceList';
import type { MyPlaylists } from '../spotify/myPlaylists';
import type { Device, RepeatMode } from '../spotify/types';
import { escapeIcons, formatTime, parseTime } from '../present/format';
import type { LikeStatus } from '../playback/likeStatus';
import { pickDevice } from './pickers/devicePicker';
import type { PlayerSettings } from '../vscode/settings/playerSettings';
import { l10n } from '../l10n';

// The transport controls as VS Code commands: play/pause, skip, seek, volume, shuffle, repeat and
// the device. Each goes through PlayerCommands, which shows the effect at once, sends it, reads
// back once and rolls back a refusal with a message; this file adds the prompts and keybinding
// arguments.

export interface PlaybackCommandDeps {
  client: SpotifyClient;
  devices: DeviceList;
  playlists: MyPlaylists;
  state: PlaybackState;
  commands: PlayerCommands;
  likes: LikeStatus;
  clock: Clock;
  settings(): PlayerSettings;
  /** The scopes the signed-in session was granted. */
  grantedScopes(): readonly string[];
}

const REPEAT_CYCLE: Record<RepeatMode, RepeatMode> = { off: 'context', context: 'track', track: 'off' };
/** Unmuting with no volume remembered (muted elsewhere) comes back at this. */
const UNMUTE_FALLBACK_PERCENT = 50;

export function registerPlaybackCommands(deps: PlaybackCommandDeps): vscode.Disposable[] {
  const { client, state, commands } = deps;
  /** The volume before the last mute, to restore on unmute. */
  let volumeBeforeMute: number | undefined;
  const withState: PlayerCommands['withState'] = (name, command) => commands.withState(name, command);
  const seekTo: PlayerCommands['seek'] = (name, target) => commands.seek(name, target);

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
    const moved = await commands.run({
      name: 'Select Device',
      action: 'transferring_playback',
      guess: (s) => ({ ...s, isPlaying: play ?? s.isPlaying, device: { ...device, isActive: true } }),
      send: () => client.transfer(device.id, play),
    });
    if (!moved) return;
    // The remembered list still marks the old device active.
    deps.devices.forget();
    vscode.window.setStatusBarMessage(l10n.t('$(broadcast) Spotify plays on {0}', escapeIcons(device.name)), 3000);
  };

  /** With a device (a notification's "Play on ..." button) it moves there at once; otherwise it asks. */
  const selectDevice = async (given?: unknown) => {
    let device = isDevice(given) ? given : undefined;
    try {
      device ??= await pickDevice(deps.devices);
    } catch (error) {
      await commands.report('Select Device', error);
      return;
    }
    if (device && !(device.isActive && state.snapshot?.isPlaying)) await transfer(device);
  };

  return registerCommandTable({
    'backbeat.playPause': () => commands.playPause(),
    'backbeat.play': () => commands.play(),
    'backbeat.pause': () => commands.pause(),
    'backbeat.next': () => commands.next(),
    'backbeat.previous': () => commands.previous(),
    'backbeat.seekForward': () => seekTo('Seek Forward', (now) => now + deps.settings().seekStepMs),
    'backbeat.seekBack': () => seekTo('Seek Back', (now) => now - deps.settings().seekStepMs),
    'backbeat.seekTo': async (position?: unknown) => {
      // An argument (from a keybinding or another extension) may be milliseconds or "1:23".
      const positionMs = typeof position === 'number' ? position : typeof position === 'string' ? parseTime(position) : await askPosition(state);
      if (positionMs !== undefined) await seekTo('Seek To', () => positionMs);
    },
    'backbeat.volumeUp': () => setVolume('Volume Up', (v) => v + deps.settings().volumeStep),
    'backbeat.volumeDown': () => setVolume('Volume Down', (v) => v - deps.settings().volumeStep),
    'backbeat.setVolume': async (percent?: unknown) => {
      const target = typeof percent === 'number' ? percent : await askVolume(state.snapshot?.device?.volumePercent);
      if (target !== undefined) await setVolume('Set Volume', () => target);
    },
    'backbeat.toggleMute': () =>
      setVolume('Mute/Unmute', (v) => {
        if (v > 0) {
          volumeBeforeMute = v;
          return 0;
        }
        return volumeBeforeMute ?? UNMUTE_FALLBACK_PERCENT;
      }),
    'backbeat.toggleShuffle': () =>
      withState('Toggle Shuffle', (s) => ({
        name: 'Toggle Shuffle',
        action: 'toggling_shuffle',
        guess: (g) => ({ ...g, shuffle: !s.shuffle }),
        send: () => client.setShuffle(!s.shuffle),
      })),
    'backbeat.cycleRepeat': async () => {
      let next: RepeatMode = 'off';
      const done = await withState('Cycle Repeat', (s) => {
        next = REPEAT_CYCLE[s.repeat];
        const action = next === 'track' ? 'toggling_repeat_track' : 'toggling_repeat_context';
        return { name: 'Cycle Repeat', action, guess: (g) => ({ ...g, repeat: next }), send: () => client.setRepeat(next) };
      });
      if (done) vscode.window.setStatusBarMessage(repeatsNow(next), 3000);
    },
    'backbeat.selectDevice': selectDevice,
  });
}

/** The status bar's confirmation of the new repeat mode. */
function repeatsNow(mode: RepeatMode): string {
  switch (mode) {
    case 'off':
      return l10n.t('$(sync) Spotify repeats off');
    case 'context':
      return l10n.t('$(sync) Spotify repeats the playlist or album');
    case 'track':
      return l10n.t('$(sync) Spotify repeats this track');
  }
}

function isDevice(value: unknown): value is Device & { id: string } {
  const d = value as Partial<Device> | undefined;
  return typeof d?.id === 'string' && typeof d.name === 'string';
}

async function askPosition(state: PlaybackState): Promise<number | undefined> {
  const duration = state.snapshot?.item?.durationMs;
  const text = await vscode.window.showInputBox({
    title: l10n.t('Spotify: Seek To'),
    prompt: duration ? l10n.t('A position up to {0}, like 1:23', formatTime(duration)) : l10n.t('A position like 1:23'),
    value: formatTime(state.progressMs()),
    validateInput: (value) => {
      const ms = parseTime(value);
      if (ms === undefined) return l10n.t('Type minutes and seconds, like 1:23 (or seconds, like 83).');
      return duration && ms > duration ? l10n.t('The track is {0} long.', formatTime(duration)) : undefined;
    },
  });
  return text === undefined ? undefined : parseTime(text);
}

async function askVolume(current: number | null | undefined): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title: l10n.t('Spotify: Set Volume'),
    prompt: l10n.t('Volume in percent, 0 to 100'),
    value: current === null || current === undefined ? '' : String(current),
    validateInput: (value) => (/^\s*\d{1,3}\s*$/.test(value) && Number(value) <= 100 ? undefined : l10n.t('A whole number from 0 to 100.')),
  });
  return text === undefined ? undefined : Number(text);
}
