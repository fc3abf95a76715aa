import type { Clock } from '../clock';
import type { Log } from '../log';
import { loadMprisBus } from './linux/loadMprisBus';
import { MprisPlayer } from './linux/mprisPlayer';
import type { LocalPlayer } from './localPlayer';

// The bridge to the Spotify app for the system VS Code's extension host runs on; undefined where
// there is none. Nothing OS-specific loads or starts here: each bridge does so on its first start.

export interface LocalPlayerDeps {
  clock: Clock;
  log: Pick<Log, 'info' | 'warn'>;
}

export function localPlayerForThisSystem(platform: NodeJS.Platform, deps: LocalPlayerDeps): LocalPlayer | undefined {
  switch (platform) {
    case 'linux':
      return new MprisPlayer({ ...deps, watch: loadMprisBus });
    default:
      return undefined;
  }
}
