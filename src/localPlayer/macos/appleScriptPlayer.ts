import { execFile } from 'child_process';
import { HelperPlayer } from '../helperPlayer';
import { LocalCommand, LocalPlayer, LocalPlayerDeps, LocalPlayerError } from '../localPlayer';
import { l10n } from '../../l10n';

// Spotify on macOS through its AppleScript dictionary, run as JavaScript for Automation by
// `osascript`: one long-running `spotify.jxa.js watch` reports every change (Spotify's
// PlaybackStateChanged distributed notification), and each command is one short
// `spotify.jxa.js <command>`. The script checks that Spotify runs before every use, and sends it
// nothing once Spotify said Stopped (it does as it quits), so it never launches it.

const COMMAND_TIMEOUT_MS = 5_000;

/** macOS refused to let the editor control Spotify (osascript error -1743). */
export function automationDenied(): string {
  return l10n.t('macOS does not let VS Code control Spotify. Allow it in System Settings > Privacy & Security > Automation (Visual Studio Code > Spotify).');
}

export function appleScriptPlayer(script: string, deps: LocalPlayerDeps): LocalPlayer {
  return new HelperPlayer({
    via: 'AppleScript',
    command: 'osascript',
    args: ['-l', 'JavaScript', script, 'watch'],
    ...deps,
    send: (command) => runOnce(script, appleScriptArgs(command)),
  });
}

/** The script's arguments for `command`: seconds for a position, as Spotify's dictionary wants. */
function appleScriptArgs(command: LocalCommand): string[] {
  switch (command.type) {
    case 'playPause':
      return ['playpause'];
    case 'play':
    case 'pause':
    case 'next':
    case 'previous':
      return [command.type];
    case 'seek':
      return ['seek', String(Math.max(0, command.positionMs) / 1000)];
    case 'openUri':
      return ['open', command.uri];
  }
}

function runOnce(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('osascript', ['-l', 'JavaScript', script, ...args], { timeout: COMMAND_TIMEOUT_MS, windowsHide: true }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      if (/-1743/.test(stderr)) return reject(new LocalPlayerError(automationDenied()));
      reject(new LocalPlayerError(`osascript ${args[0]}: ${(stderr || error.message).trim().slice(0, 300)}`));
    });
  });
}
