// Bundles the extension into minified CommonJS files for VS Code's Node extension host:
// dist/extension.js, loaded at activation, and dist/mprisBus.js, the D-Bus part of the Linux
// local player (dbus-next), loaded only on Linux once the local player starts; and
// the Now Playing view's two halves, loaded only when the view opens: dist/nowPlayingView.js (its
// extension side) and dist/nowPlaying.js (its page, for the webview's browser; the CSS is
// media/nowPlaying.css). The macOS and
// Windows helper scripts ship as the plain files they are, in dist/helpers.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'fs';

// node-fetch 2 only falls back to whatwg-url on runtimes without a global URL; Node always has
// one, so the 300 KB package (mostly Unicode tables) is replaced by the built-in.
const builtInUrl = {
  name: 'built-in-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'built-in-url' }));
    build.onLoad({ filter: /.*/, namespace: 'built-in-url' }, () => ({ contents: 'module.exports = { URL };', loader: 'js' }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
};

await esbuild.build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  // The D-Bus part stays a file of its own beside extension.js (src/localPlayer/linux/loadMprisBus.ts).
  external: ['vscode', './mprisBus.js', './nowPlayingView.js'],
  define: { BACKBEAT_BUNDLE: 'true' },
  plugins: [builtInUrl],
});

await esbuild.build({
  ...common,
  entryPoints: ['src/localPlayer/linux/mprisBus.ts'],
  outfile: 'dist/mprisBus.js',
  // dbus-next's optional native socket and X11 address lookup; Backbeat uses neither.
  external: ['usocket', 'x11'],
});

await esbuild.build({
  ...common,
  entryPoints: ['src/ui/nowPlaying/resolveView.ts'],
  outfile: 'dist/nowPlayingView.js',
  external: ['vscode'],
  // Lyrics come through node-fetch: the same built-in URL as the main bundle.
  plugins: [builtInUrl],
});

await esbuild.build({
  ...common,
  entryPoints: ['src/ui/nowPlaying/page.ts'],
  outfile: 'dist/nowPlaying.js',
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
});

mkdirSync('dist/helpers', { recursive: true });
copyFileSync('src/localPlayer/macos/spotify.jxa.js', 'dist/helpers/spotify.jxa.js');
copyFileSync('src/localPlayer/windows/smtc.ps1', 'dist/helpers/smtc.ps1');
