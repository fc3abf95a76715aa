import * as assert from 'assert';
import { parseHelperLine } from '../../../src/localPlayer/helperReport';
import { trackFromMetadata } from '../../../src/localPlayer/linux/mprisProperties';
import { spotifyCoverUrl } from '../../../src/spotify/coverUrl';
import { parsePlayback } from '../../../src/spotify/parse';

// The tooltip shows the cover as a markdown image, which the editor fetches on hover. Only
// Spotify's image hosts are fetched, whoever names the URL: a Web API answer or a local player.

const SPOTIFY_COVER = 'https://i.scdn.co/image/ab67616d0000b273b131bd18deac072dda8a920e';
const FOREIGN = [
  'https://tracker.example.com/pixel.png',
  'http://i.scdn.co/image/ab67616d0000b273',
  'https://i.scdn.co.example.com/image/x',
  'https://evilspotifycdn.com/image/x',
  'https://user:pw@i.scdn.co/image/x',
  'https://i.scdn.co:8443/image/x',
  'file:///etc/passwd',
  'https://i.scdn.co/image/x) ![x](https://tracker.example.com/p.png',
];

function playbackWithImage(url: string): unknown {
  return {
    is_playing: true, progress_ms: 1000, currently_playing_type: 'track',
    device: { id: 'd', name: 'Computer', type: 'Computer', volume_percent: 50, is_active: true },
    item: {
      type: 'track', name: 'Teardrop', uri: 'spotify:track:1', duration_ms: 330_000, artists: [{ name: 'Massive Attack' }],
      album: { name: 'Mezzanine', images: [{ url, width: 640, height: 640 }, { url: SPOTIFY_COVER, width: 300, height: 300 }] },
    },
  };
}

describe('cover URLs come only from Spotify\u2019s image hosts', () => {
  it('accepts https images on i.scdn.co and *.spotifycdn.com', () => {
    assert.strictEqual(spotifyCoverUrl(SPOTIFY_COVER), SPOTIFY_COVER);
    const mosaic = 'https://image-cdn-ak.spotifycdn.com/image/ab67706c0000da84';
    assert.strictEqual(spotifyCoverUrl(mosaic), mosaic);
  });

  it('refuses any other host, scheme, credentials, port, or text that would break the markdown image', () => {
    for (const url of FOREIGN) assert.strictEqual(spotifyCoverUrl(url), undefined, url);
    assert.strictEqual(spotifyCoverUrl(undefined), undefined);
  });

  it('a Web API answer: a foreign image is skipped, the largest Spotify one is kept', () => {
    assert.strictEqual(parsePlayback(playbackWithImage('https://tracker.example.com/big.png'))?.item?.imageUrl, SPOTIFY_COVER);
  });

  it('the Spotify app on Linux (MPRIS artUrl): a foreign cover is dropped', () => {
    const track = trackFromMetadata({ 'xesam:title': 'Teardrop', 'mpris:artUrl': 'https://tracker.example.com/pixel.png' });
    assert.strictEqual(track?.artUrl, undefined);
  });

  it('the Spotify app on macOS or Windows (helper report artUrl): a foreign cover is dropped', () => {
    const line = JSON.stringify({ running: true, status: 'playing', title: 'Teardrop', artUrl: 'https://tracker.example.com/pixel.png' });
    const report = parseHelperLine(line, 0);
    assert.ok(report?.kind === 'state');
    assert.strictEqual(report.state.track?.artUrl, undefined);
  });
});
