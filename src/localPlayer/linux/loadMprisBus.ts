import type { WatchMpris } from './mprisPlayer';

// esbuild sets this in the bundle, where the D-Bus part is its own file beside extension.js
// (dist/mprisBus.js, see esbuild.mjs); compiled by tsc for tests, it is the module itself.
declare const BACKBEAT_BUNDLE: boolean | undefined;

/** Loads dbus-next and the MPRIS link on first use; on other systems it is never loaded. */
export function loadMprisBus(): WatchMpris {
  const path = typeof BACKBEAT_BUNDLE === 'undefined' ? './mprisBus' : './mprisBus.js';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bus = require(path) as typeof import('./mprisBus');
  return bus.watchMpris;
}
