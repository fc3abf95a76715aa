// What `npm run sandbox` takes on its command line and prints once it runs: how to get into
// VS Code (address and password), the phone, the emulator, and how to start over.
import { parseArgs } from 'util';

export interface SandboxArgs {
  /** Start from a new VS Code profile (sign-in, settings, a quota wait Backbeat keeps). */
  fresh: boolean;
}

export function parseSandboxArgs(argv: string[]): SandboxArgs {
  const { values } = parseArgs({ args: argv, options: { fresh: { type: 'boolean', default: false } }, strict: true });
  return { fresh: values.fresh === true };
}

export interface SandboxInfo {
  codeServerUrl: string;
  password: string;
  phoneUrl: string;
  accountsUrl: string;
  apiUrl: string;
  controlUrl: string;
  clientId: string;
  busAddress: string;
  serverLog: string;
  profileDir: string;
  /** This run started from a new profile. */
  fresh: boolean;
}

export function sandboxBanner(info: SandboxInfo): string {
  const profile = info.fresh ? 'new (--fresh)' : 'kept from earlier runs; `npm run sandbox -- --fresh` starts from a new one';
  return `
Backbeat sandbox is running.

  Open VS Code:      ${info.codeServerUrl}
  Password:          ${info.password}
                     paste it on code-server's login page; a new one each start
  Your phone:        ${info.phoneUrl}
                     what plays, play/pause, next, seek, "Play on", and buttons that make
                     Spotify misbehave (429, daily quota spent for 15 min or 14 h, 503, revoked or six-month-old sign-in)
  Spotify emulator:  accounts ${info.accountsUrl}
                     web API  ${info.apiUrl}
                     control  ${info.controlUrl}
  Client id:         ${info.clientId}
  Desktop app:       the emulator's computer, as org.mpris.MediaPlayer2.spotify on a private
                     D-Bus session bus; try: DBUS_SESSION_BUS_ADDRESS='${info.busAddress}' playerctl -p spotify next
  VS Code profile:   ${info.profileDir}
                     ${profile}
  Server log:        ${info.serverLog}

The status bar already follows the emulator's desktop app before you sign in.
Run "Spotify: Sign In" from the command palette (F1), then change the music on the phone
and watch the status bar follow. Backbeat keeps a spent daily quota across restarts, as it
must: try "Daily quota spent (15 min)"; after the 14 h one, start with --fresh to go on.
Both servers listen on loopback only: open the URLs in a browser on this machine.
Press Ctrl+C to stop.
`;
}
