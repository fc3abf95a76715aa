import * as assert from 'assert';
import { nowPlayingLabel } from '../../../src/present/nowPlayingLabel';
import { startEmulator } from '../../../emulator';
import { emulatorClient } from '../../support/emulatorClient';
import { snapshot } from '../../support/snapshots';

const OPTIONS = { showProgress: true, maxLength: 60, stale: false };

describe('now playing label', () => {
  it('shows title, artist and the position against the length', () => {
    assert.strictEqual(nowPlayingLabel(snapshot(), 83_000, OPTIONS), '$(play) Teardrop - Massive Attack  1:23 / 5:30');
  });

  it('leaves the position out when the setting is off', () => {
    assert.doesNotMatch(nowPlayingLabel(snapshot(), 83_000, { ...OPTIONS, showProgress: false }), /\d:\d\d/);
  });

  it('shortens long titles to maxLength but keeps the time whole', () => {
    const s = snapshot({ item: { ...snapshot().item!, name: 'A'.repeat(100), byline: 'Someone', durationMs: 296_000 } });
    const text = nowPlayingLabel(s, 0, { ...OPTIONS, maxLength: 20 });
    const title = text.replace(/^\$\(play\) /, '').replace(/ {2}0:00 \/ 4:56$/, '');
    assert.strictEqual(title.length, 20);
    assert.ok(title.endsWith('\u2026'));
    assert.ok(text.endsWith('0:00 / 4:56'));
  });

  it('shows a paused icon, a warning when the last read failed, and never a codicon from a title', () => {
    assert.match(nowPlayingLabel(snapshot({ isPlaying: false }), 0, OPTIONS), /^\$\(debug-pause\)/);
    assert.match(nowPlayingLabel(snapshot(), 0, { ...OPTIONS, stale: true }), /^\$\(warning\)/);
    const sneaky = snapshot({ item: { ...snapshot().item!, name: '$(bug) Trap' } });
    assert.ok(!nowPlayingLabel(sneaky, 0, OPTIONS).includes('$(bug)'));
  });

  it('an ad (no item, playing) reads "Advertisement", not "nothing is playing"', async () => {
    const emu = await startEmulator({ autoApprove: true, stateLagMs: 0 });
    try {
      const { client } = await emulatorClient(emu);
      emu.phone({ type: 'ad' });
      const ad = (await client.playback())!;
      assert.deepStrictEqual([ad.isAd, ad.item, ad.isPlaying], [true, undefined, true]);
      assert.strictEqual(nowPlayingLabel(ad, ad.progressMs, OPTIONS), '$(megaphone) Advertisement');
      emu.phone({ type: 'next' });
      const after = (await client.playback())!;
      assert.strictEqual(after.isAd, false);
      assert.match(nowPlayingLabel(after, after.progressMs, OPTIONS), /Sour Times/);
    } finally {
      await emu.close();
    }
  });

  it('shows podcast episodes like tracks, with the show as byline', () => {
    const episode = snapshot({ item: { kind: 'episode', isLocal: false, name: 'Massive Attack - Teardrop', byline: 'Song Exploder', durationMs: 1_307_000 } });
    assert.ok(nowPlayingLabel(episode, 60_000, OPTIONS).includes('Massive Attack - Teardrop - Song Exploder  1:00 / 21:47'));
  });
});
