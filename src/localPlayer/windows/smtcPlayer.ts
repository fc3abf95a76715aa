import { HelperPlayer } from '../helperPlayer';
import { LocalCommand, LocalPlayer, LocalPlayerDeps, LocalPlayerError } from '../localPlayer';
import { l10n } from '../../l10n';

// Spotify on Windows through the system media transport controls, read by one long-running
// Windows PowerShell 5.1 process running smtc.ps1 (PowerShell 7 cannot load the WinRT types).
// Commands are lines on its stdin, each answered. SMTC carries no Spotify URI and no cover URL:
// the merged state borrows them from the Web API when it describes the same track.

export function smtcPlayer(script: string, deps: LocalPlayerDeps): LocalPlayer {
  return new HelperPlayer({
    via: 'SMTC',
    command: 'powershell',
    args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script],
    ...deps,
    send: (command, ask) => ask(smtcLine(command)),
  });
}

/** The script's command line for `command`: a position in milliseconds. */
function smtcLine(command: LocalCommand): string {
  switch (command.type) {
    case 'playPause':
      return 'playpause';
    case 'play':
    case 'pause':
    case 'next':
    case 'previous':
      return command.type;
    case 'seek':
      return `seek ${Math.max(0, Math.round(command.positionMs))}`;
    case 'openUri':
      throw new LocalPlayerError(l10n.t('Windows media controls cannot open a Spotify URI.'));
  }
}
