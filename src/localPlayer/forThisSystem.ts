import * as path from 'path';
import { loadMprisBus } from './linux/loadMprisBus';
import { MprisPlayer } from './linux/mprisPlayer';
import type { LocalPlayer, LocalPlayerDeps } from './localPlayer';
import { appleScriptPlayer } from './macos/appleScriptPlayer';
import { smtcPlayer } from './windows/smtcPlayer';

// The bridge to the Spotify app for the system VS Code's extension host runs on; undefined where
// there is none. Nothing OS-specific loads or starts here: each bridge does so on its first start.


/** The helper scripts' file names; they ship in the extension as plain files (esbuild.mjs copies them). */
const HELPER_SCRIPTS = { macos: 'spotify.jxa.js', windows: 'smtc.ps1' } as const;

/** `helpersDir`: where the helper scripts are (dist/helpers in the packaged extension). */
export function localPlayerForThisSystem(platform: NodeJS.Platform, helpersDir: string, deps: LocalPlayerDeps): LocalPlayer | undefined {
  switch (platform) {
    case 'linux':
      return new MprisPlayer({ ...deps, watch: loadMprisBus });
    case 'darwin':
      return appleScriptPlayer(path.join(helpersDir, HELPER_SCRIPTS.macos), deps);
    case 'win32':
      return smtcPlayer(path.join(helpersDir, HELPER_SCRIPTS.windows), deps);
    default:
      return undefined;
  }
}
