// Bundles the extension into one minified CommonJS file for VS Code's Node extension host.
import * as esbuild from 'esbuild';

// node-fetch 2 only falls back to whatwg-url on runtimes without a global URL; Node always has
// one, so the 300 KB package (mostly Unicode tables) is replaced by the built-in.
const builtInUrl = {
  name: 'built-in-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'built-in-url' }));
    build.onLoad({ filter: /.*/, namespace: 'built-in-url' }, () => ({ contents: 'module.exports = { URL };', loader: 'js' }));
  },
};

await esbuild.build({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  plugins: [builtInUrl],
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
});
