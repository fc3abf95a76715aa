import tseslint from 'typescript-eslint';

// The layers of src/, from the bottom: the base files in src/ (clock, log, emitter...); spotify;
// quota, auth, localPlayer and lyrics side by side; playback; present (what the user reads,
// without VS Code); core.ts; the adapters ui/ and vscode/, the only rooms that may import `vscode`;
// then extension.ts. A room imports only from rooms below it (ARCHITECTURE.md).
const ROOMS = ['spotify', 'quota', 'auth', 'localPlayer', 'lyrics', 'playback', 'present', 'ui', 'vscode'];
const CORE = /(^|\/)core$/.source;
const EXTENSION = /(^|\/)extension$/.source;
const room = (name) => `(^|/)${name}(/|$)`;
const notVscode = { name: 'vscode', message: 'Only the adapter rooms src/ui and src/vscode (and src/extension.ts) may import vscode.' };

/** Rules for the files of one layer: no import of `forbidden` rooms (and core or extension, when told). */
function layer(files, forbidden, { vscode = false, core = true, extension = true } = {}) {
  const regexes = [...forbidden.map(room), ...(core ? [CORE] : []), ...(extension ? [EXTENSION] : [])];
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: vscode ? [] : [notVscode],
          patterns: regexes.map((regex) => ({ regex, message: 'An import from a higher layer: see the layers in eslint.config.mjs and ARCHITECTURE.md.' })),
        },
      ],
    },
  };
}
const above = (name) => ROOMS.slice(ROOMS.indexOf(name) + 1);

/** Files outside src/ that may not import the top-level folders `forbidden`. */
function outsideOf(files, forbidden, message, ignores = []) {
  const regex = `(^|/)(${forbidden.join('|')})/`;
  return { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] } };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.test-artifacts/**', '**/*.mjs', '**/*.jxa.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['test/**', 'bench/**', 'emulator/**', 'sim/**'],
    rules: { 'no-console': 'off' },
  },
  // The base files import only each other.
  layer(['src/*.ts'], ROOMS),
  layer(['src/spotify/**'], above('spotify')),
  // Side by side above spotify: none imports another.
  layer(['src/quota/**'], ['auth', 'localPlayer', ...above('localPlayer')]),
  layer(['src/auth/**'], ['quota', 'localPlayer', ...above('localPlayer')]),
  layer(['src/localPlayer/**'], ['quota', 'auth', ...above('localPlayer')]),
  layer(['src/lyrics/**'], ['quota', 'auth', 'localPlayer', ...above('lyrics')]),
  layer(['src/playback/**'], above('playback')),
  layer(['src/present/**'], above('present')),
  layer(['src/core.ts'], ['ui', 'vscode'], { core: false }),
  layer(['src/ui/**', 'src/vscode/**'], [], { vscode: true }),
  layer(['src/extension.ts'], [], { vscode: true, extension: false, core: false }),
  // Below the suites and the benchmark: sim/ (a Core on Node, its doubles, a real VS Code to drive)
  // serves both and imports neither; the benchmark shares sim/, never test/.
  outsideOf(['sim/**'], ['test', 'bench'], 'sim/ serves the tests and the benchmark and imports neither.'),
  outsideOf(['bench/**'], ['test'], 'The benchmark imports nothing from test/: what it shares with the tests lives in sim/.'),
  outsideOf(['emulator/**'], ['sim', 'test', 'bench'], 'The emulator stands for Spotify: it knows nothing of who drives it.', ['emulator/test/**']),
);
