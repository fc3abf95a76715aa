import * as vscode from 'vscode';
import type { NowPlayingViewDeps } from './nowPlaying/resolveView';

// The Now Playing view in the Spotify activity bar container. Registering it costs nothing: its
// extension side (dist/nowPlayingView.js) and its page (dist/nowPlaying.js) are loaded only when
// VS Code first shows the view, so the main bundle and activation do not grow.

export const NOW_PLAYING_VIEW_ID = 'backbeat.nowPlaying';

// esbuild sets this in the bundle, where the view's side is its own file beside extension.js
// (see esbuild.mjs); compiled by tsc for tests, it is the module itself.
declare const BACKBEAT_BUNDLE: boolean | undefined;

export function registerNowPlayingView(deps: NowPlayingViewDeps): vscode.Disposable {
  return vscode.window.registerWebviewViewProvider(NOW_PLAYING_VIEW_ID, {
    resolveWebviewView: (view) => {
      const path = typeof BACKBEAT_BUNDLE === 'undefined' ? './nowPlaying/resolveView' : './nowPlayingView.js';
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { resolveNowPlayingView } = require(path) as typeof import('./nowPlaying/resolveView');
      resolveNowPlayingView(view, deps);
    },
  });
}
