import * as assert from 'assert';
import { ModelInput, nowPlayingModel } from '../../../src/present/nowPlayingModel';
import { snapshot } from '../../support/snapshots';

function input(overrides: Partial<ModelInput> = {}): ModelInput {
  return {
    availability: { kind: 'active' },
    webAvailability: { kind: 'active' },
    snapshot: snapshot({ device: { id: 'd1', name: 'Kitchen', type: 'Speaker', isActive: true, isRestricted: false, supportsVolume: true, volumePercent: 60 } }),
    source: 'webApi',
    positionMs: 61_234.6,
    liked: undefined,
    accountFree: false,
    now: Date.UTC(2026, 10, 28, 12),
    ...overrides,
  };
}

const usable = (model: ReturnType<typeof nowPlayingModel>) =>
  Object.entries(model.controls)
    .filter(([, c]) => !c.why)
    .map(([name]) => name)
    .sort();

describe('Now Playing view model', () => {
  it('shows the track, album, device and position the status bar shows, every control usable', () => {
    const model = nowPlayingModel(input({ snapshot: snapshot({ item: { ...snapshot().item!, imageUrl: 'https://i.scdn.co/image/ab67' }, device: input().snapshot!.device }) }));
    assert.deepStrictEqual(model.track, { title: 'Teardrop', artists: 'Massive Attack', album: 'Mezzanine', coverUrl: 'https://i.scdn.co/image/ab67', durationMs: 330_000, isLocalFile: false });
    assert.deepStrictEqual(model.device, { name: 'Kitchen', volumePercent: 60 });
    assert.strictEqual(model.positionMs, 61_235);
    assert.strictEqual(model.notice, undefined);
    assert.deepStrictEqual(usable(model), ['device', 'like', 'next', 'playPause', 'previous', 'repeat', 'seek', 'shuffle', 'volume']);
    assert.strictEqual(model.controls.playPause.label, 'Pause');
  });

  it('shows a cover only from Spotify\u2019s image hosts', () => {
    for (const imageUrl of ['https://evil.example/x.png', 'http://i.scdn.co/image/ab', 'javascript:alert(1)', 'https://i.scdn.co.evil.example/a']) {
      const model = nowPlayingModel(input({ snapshot: snapshot({ item: { ...snapshot().item!, imageUrl } }) }));
      assert.strictEqual(model.track?.coverUrl, undefined, imageUrl);
    }
  });

  it('greys out what Spotify disallows now and says why (an ad: no skipping, no seeking)', () => {
    const model = nowPlayingModel(input({ snapshot: snapshot({ isAd: true, item: undefined, disallows: { skipping_next: true, skipping_prev: true, seeking: true } }) }));
    assert.match(model.controls.next.why ?? '', /does not allow skipping to the next track during an ad/);
    assert.match(model.controls.previous.why ?? '', /during an ad/);
    assert.match(model.controls.seek.why ?? '', /seeking during an ad/);
    assert.strictEqual(model.controls.playPause.why, undefined);
    assert.match(model.notice ?? '', /advertisement/);
  });

  it('greys out the volume of a device that has none to change', () => {
    const device = { ...input().snapshot!.device!, supportsVolume: false, volumePercent: null };
    const model = nowPlayingModel(input({ snapshot: snapshot({ device }) }));
    assert.strictEqual(model.controls.volume.why, 'This device does not let other apps change its volume.');
  });

  it('signed out with the Spotify app on this computer: transport usable, what needs the Web API says to sign in', () => {
    const model = nowPlayingModel(input({ webAvailability: { kind: 'signedOut' }, source: 'local' }));
    assert.deepStrictEqual(usable(model), ['next', 'playPause', 'previous', 'seek']);
    for (const name of ['shuffle', 'repeat', 'like', 'volume', 'device'] as const) assert.match(model.controls[name].why ?? '', /Sign in/, name);
  });

  it('a Free account without the Spotify app on this computer: every playback control says it needs Premium', () => {
    const model = nowPlayingModel(input({ accountFree: true }));
    assert.deepStrictEqual(usable(model), []);
    assert.match(model.controls.playPause.why ?? '', /Premium/);
    const withApp = nowPlayingModel(input({ accountFree: true, source: 'local' }));
    assert.deepStrictEqual(usable(withApp), ['next', 'playPause', 'previous', 'seek']);
  });

  it('a local file cannot be liked, and says so', () => {
    const model = nowPlayingModel(input({ snapshot: snapshot({ item: { ...snapshot().item!, isLocal: true, uri: 'spotify:local:a' } }) }));
    assert.match(model.controls.like.why ?? '', /local file/);
  });

  it('says what is going on instead of a track: signed out, nothing playing, the quota spent', () => {
    const signedOut = nowPlayingModel(input({ availability: { kind: 'signedOut' }, webAvailability: { kind: 'signedOut' }, snapshot: undefined }));
    assert.match(signedOut.notice ?? '', /Sign in/);
    assert.strictEqual(signedOut.track, undefined);
    assert.strictEqual(signedOut.controls.playPause.why, 'Nothing is playing.');
    const nothing = nowPlayingModel(input({ availability: { kind: 'nothingActive' }, snapshot: undefined }));
    assert.match(nothing.notice ?? '', /Nothing is playing/);
    assert.strictEqual(nothing.controls.device.why, undefined, 'a device can be picked to start playback');
    const now = input().now;
    const quota = nowPlayingModel(input({ availability: { kind: 'waiting', until: now + 3_600_000, quota: true } }));
    assert.match(quota.notice ?? '', /quota is spent: back at/);
  });

  it('names the next repeat step and shuffle state for screen readers', () => {
    const model = nowPlayingModel(input({ snapshot: snapshot({ repeat: 'context', shuffle: true }) }));
    assert.match(model.controls.repeat.label, /repeat this track/);
    assert.match(model.controls.shuffle.label, /Shuffle is on/);
  });
});
