import * as assert from 'assert';
import { deviceRowText, entryRowText, queueRowText } from '../../../src/present/pickerRows';
import type { Device } from '../../../src/spotify/types';

// Playlists, devices and search results carry names anyone can choose. VS Code renders `$(name)`
// in a quick pick's label and description as an icon; in a Spotify name it must read as text.

/** `$(` that VS Code would render as an icon. */
const RENDERED_ICON = /\$\((?:sync~spin|warning|check|heart)\)/;

const device: Device = {
  id: 'd1', name: '$(warning) Kitchen', type: '$(check)', isActive: false, isRestricted: false, supportsVolume: true, volumePercent: 40,
};

describe('picker rows built from Spotify names', () => {
  it('a playlist, track or search result named with $(…) shows it as text; the row\u2019s own kind icon stays', () => {
    const row = entryRowText({ kind: 'playlist', uri: 'spotify:playlist:1', name: '$(sync~spin) Loading…', byline: '$(heart) by me' }, true);
    assert.doesNotMatch(row.label, RENDERED_ICON);
    assert.doesNotMatch(row.description ?? '', RENDERED_ICON);
    assert.match(row.label, /^\$\(list-unordered\) /, 'the kind icon is Backbeat\u2019s own and still renders');
    assert.match(row.label, /sync~spin\) Loading…$/, 'the name is still all there');
    assert.match(row.description ?? '', /^Playlist · /);
  });

  it('a device named with $(…) shows it as text', () => {
    const row = deviceRowText(device);
    assert.doesNotMatch(row.label, RENDERED_ICON);
    assert.doesNotMatch(row.description ?? '', RENDERED_ICON);
    assert.match(row.label, /^\$\(broadcast\) /);
    assert.strictEqual(deviceRowText({ ...device, isActive: true }).description, '$(check) active');
  });

  it('a queued track named with $(…) shows it as text', () => {
    const row = queueRowText({ kind: 'track', isLocal: false, name: '$(warning) Intro', byline: '$(heart) Band', durationMs: 61_000 });
    assert.doesNotMatch(row.label, RENDERED_ICON);
    assert.doesNotMatch(row.description ?? '', RENDERED_ICON);
    assert.match(row.description ?? '', / · 1:01$/);
  });
});
