import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// What activation loads stays small: the Now Playing view's code and page are files of their own,
// loaded only when the view opens (esbuild.mjs). Run after `npm run build`.

const DIST = path.join(__dirname, '..', '..', '..', 'dist');
const read = (name: string) => fs.readFileSync(path.join(DIST, name), 'utf8');
const MAIN_BUNDLE_MAX_BYTES = 150 * 1024;

describe('the bundles', () => {
  it('the main bundle stays at most 150 KB', () => {
    const size = fs.statSync(path.join(DIST, 'extension.js')).size;
    assert.ok(size <= MAIN_BUNDLE_MAX_BYTES, `dist/extension.js is ${size} bytes`);
  });

  it('the Now Playing view\u2019s feed and page are not in it, but in their own files', () => {
    const main = read('extension.js');
    // Texts only the view's feed and page contain.
    for (const text of ['Reading the queue', 'Nothing is queued', 'Looking for lyrics', 'lyrics-body']) assert.ok(!main.includes(text), `"${text}" is in dist/extension.js`);
    // The page's words are translated on the extension side and handed to it (src/present/nowPlayingTexts.ts).
    for (const text of ['Reading the queue', 'Looking for lyrics']) assert.ok(read('nowPlayingView.js').includes(text), text);
    // The page's own element, which only the page builds.
    assert.ok(read('nowPlaying.js').includes('lyrics-body'));
  });
});
