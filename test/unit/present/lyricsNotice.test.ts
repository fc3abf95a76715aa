import * as assert from 'assert';
import { lyricsSharingText, whenTurnedOn } from '../../../src/present/lyricsNotice';

// Lyrics send what plays to a service other than Spotify: the user is told what and where, once
// each time they turn them on.

describe('the lyrics notice', () => {
  it('says what is sent (title, artist, album, duration) and where', () => {
    const text = lyricsSharingText('lrclib.net');
    for (const word of ['title', 'artist', 'album', 'duration', 'LRCLIB at lrclib.net', 'no key']) assert.ok(text.includes(word), word);
    assert.ok(lyricsSharingText('127.0.0.2:41234').includes('LRCLIB at 127.0.0.2:41234'));
  });

  it('is announced when the setting turns on, not on other changes, and again after off then on', () => {
    let on = false;
    let announced = 0;
    const changed = whenTurnedOn(() => on, () => announced++);
    changed();
    assert.strictEqual(announced, 0, 'another setting changed');
    on = true;
    changed();
    changed();
    assert.strictEqual(announced, 1, 'once, however many changes follow');
    on = false;
    changed();
    on = true;
    changed();
    assert.strictEqual(announced, 2);
  });

  it('is not announced at start-up when lyrics are already on', () => {
    let announced = 0;
    const changed = whenTurnedOn(() => true, () => announced++);
    changed();
    assert.strictEqual(announced, 0);
  });
});
