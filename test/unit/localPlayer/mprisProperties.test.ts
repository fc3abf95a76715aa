import * as assert from 'assert';
import { capabilitiesFrom, statusFrom, trackFromMetadata, trackIdPath } from '../../../src/localPlayer/linux/mprisProperties';

// What different Spotify builds put in MPRIS, as reported by users of playerctl and others.

describe('Linux bridge: reading MPRIS metadata from different Spotify builds', () => {
  it('reads a recent build (track id as an object path)', () => {
    const track = trackFromMetadata({
      'mpris:trackid': '/com/spotify/track/4CJpyIp4XjNWTNiauKXRw5',
      'mpris:length': 330_000_000,
      'mpris:artUrl': 'https://i.scdn.co/image/ab67616d0000b273',
      'xesam:title': 'Teardrop',
      'xesam:artist': ['Massive Attack'],
      'xesam:album': 'Mezzanine',
    });
    assert.deepStrictEqual(track, {
      title: 'Teardrop',
      artists: ['Massive Attack'],
      album: 'Mezzanine',
      artUrl: 'https://i.scdn.co/image/ab67616d0000b273',
      uri: 'spotify:track:4CJpyIp4XjNWTNiauKXRw5',
      durationMs: 330_000,
    });
  });

  it('reads an older build (track id as a spotify: string, cover on open.spotify.com)', () => {
    const metadata = {
      'mpris:trackid': 'spotify:track:4CJpyIp4XjNWTNiauKXRw5',
      'mpris:artUrl': 'https://open.spotify.com/image/ab67616d0000b273',
      'xesam:title': 'Teardrop',
      'xesam:artist': 'Massive Attack',
    };
    const track = trackFromMetadata(metadata)!;
    assert.strictEqual(track.uri, 'spotify:track:4CJpyIp4XjNWTNiauKXRw5');
    assert.strictEqual(track.artUrl, 'https://i.scdn.co/image/ab67616d0000b273');
    assert.deepStrictEqual(track.artists, ['Massive Attack']);
    assert.strictEqual(track.durationMs, 0, 'no length: unknown, not a guess');
    assert.strictEqual(trackIdPath(metadata), undefined, 'no object path: seek by offset instead');
  });

  it('falls back to the web link for the URI, shows ads without one, and ignores non-https covers', () => {
    assert.strictEqual(trackFromMetadata({ 'xesam:title': 'Sour Times', 'xesam:url': 'https://open.spotify.com/track/7wLG' })?.uri, 'spotify:track:7wLG');
    const ad = trackFromMetadata({ 'mpris:trackid': '/com/spotify/ad/123', 'xesam:title': 'Advertisement', 'mpris:artUrl': 'http://example.com/x.png' })!;
    assert.strictEqual(ad.uri, 'spotify:ad:123');
    assert.strictEqual(ad.artUrl, undefined);
  });

  it('has no track without a title (the app just started, or stopped)', () => {
    assert.strictEqual(trackFromMetadata({}), undefined);
    assert.strictEqual(trackFromMetadata({ 'xesam:title': '  ' }), undefined);
    assert.strictEqual(trackFromMetadata(undefined), undefined);
  });

  it('treats every capability as optional, and CanControl false as none', () => {
    assert.deepStrictEqual(capabilitiesFrom({ CanPlay: true, CanGoNext: true }), { playPause: true, next: true, previous: false, seek: false, openUri: true });
    assert.deepStrictEqual(capabilitiesFrom({ CanPlay: true, CanSeek: true, CanControl: false }), { playPause: false, next: false, previous: false, seek: false, openUri: false });
    assert.deepStrictEqual([statusFrom('Playing'), statusFrom('Paused'), statusFrom('Stopped'), statusFrom(7)], ['playing', 'paused', 'stopped', 'stopped']);
  });
});
