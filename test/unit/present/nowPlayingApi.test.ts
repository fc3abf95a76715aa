import * as assert from 'assert';
import type * as vscode from 'vscode';
import type { BackbeatApi, NowPlaying } from '../../../api/backbeat';
import { nowPlayingApi } from '../../../src/present/nowPlayingApi';
import { PlaybackState } from '../../../src/playback/playbackState';
import { RequestBudget } from '../../../src/quota/requestBudget';
import { RequestLedger } from '../../../src/quota/requestLedger';
import { FakeClock } from '../../../sim/fakeClock';
import { MemoryLedgerStore } from '../../../sim/memoryLedgerStore';
import { RecordingLog } from '../../../sim/recordingLog';
import { snapshot } from '../../support/snapshots';

/** The API over a real PlaybackState and RequestBudget, as the extension builds it. */
function openApi(dailyRequests = 0) {
  const clock = new FakeClock();
  const log = new RecordingLog();
  const state = new PlaybackState(clock);
  const budget = new RequestBudget({ ledger: new RequestLedger({ store: new MemoryLedgerStore(), clock, log }), clock, log, dailyRequests: () => dailyRequests });
  let signedIn = true;
  const api: BackbeatApi = nowPlayingApi({ state, budget, clock, signedIn: () => signedIn });
  state.setAvailability({ kind: 'unknown' });
  return { api, state, budget, clock, signOut: () => ((signedIn = false), state.setAvailability({ kind: 'signedOut' })) };
}

describe('the now-playing API for other extensions', () => {
  it('tells the track with its position now, counting on while it plays, without another reading', async () => {
    const { api, state, clock } = openApi();
    state.observe(snapshot({ device: { id: 'd1', name: 'Kitchen speaker', type: 'Speaker', isActive: true, isRestricted: false, supportsVolume: true, volumePercent: 50 } }));
    const expected: NowPlaying = {
      kind: 'track', title: 'Teardrop', artists: 'Massive Attack', album: 'Mezzanine', uri: 'spotify:track:1', isLocalFile: false, coverUrl: undefined,
      durationMs: 330_000, positionMs: 60_000, isPlaying: true, deviceName: 'Kitchen speaker', volumePercent: 50, shuffle: false, repeat: 'off', source: 'webApi',
    };
    assert.deepStrictEqual(api.nowPlaying(), expected);
    await clock.advance(5_000);
    assert.strictEqual(api.nowPlaying()?.positionMs, 65_000);
    assert.strictEqual(api.apiVersion, 1);
  });

  it('says where the track came from: the desktop app on this computer', () => {
    const { api, state } = openApi();
    state.preferLocal(true);
    state.observeLocal(snapshot({ isPlaying: false }));
    assert.deepStrictEqual([api.nowPlaying()?.source, api.nowPlaying()?.isPlaying], ['local', false]);
  });

  it('is undefined when nothing plays and after signing out; an ad is something playing', () => {
    const { api, state, signOut } = openApi();
    assert.strictEqual(api.nowPlaying(), undefined, 'nothing read yet');
    state.observe(undefined);
    assert.strictEqual(api.nowPlaying(), undefined, "Spotify's 204");
    state.observe(snapshot({ isAd: true, item: undefined }));
    assert.deepStrictEqual([api.nowPlaying()?.kind, api.nowPlaying()?.title, api.nowPlaying()?.uri, api.nowPlaying()?.isPlaying], ['ad', '', undefined, true]);
    assert.strictEqual(api.signedIn, true);
    signOut();
    assert.strictEqual(api.signedIn, false);
    assert.strictEqual(api.nowPlaying(), undefined);
  });

  it('tells listeners what plays now, honouring thisArgs and disposables as vscode.Event does', () => {
    const { api, state } = openApi();
    const seen: (string | undefined)[] = [];
    const owner = { seen };
    const disposables: vscode.Disposable[] = [];
    // A consumer may hold it as a vscode.Event: this compiles only while the d.ts's event is one.
    const onDidChange: vscode.Event<NowPlaying | undefined> = api.onDidChangeNowPlaying;
    onDidChange(function (this: typeof owner, now) {
      this.seen.push(now?.title);
    }, owner, disposables);
    state.observe(snapshot());
    state.observe(undefined);
    assert.deepStrictEqual(seen, ['Teardrop', undefined]);
    assert.strictEqual(disposables.length, 1);
    disposables[0].dispose();
    state.observe(snapshot());
    assert.strictEqual(seen.length, 2, 'no call once disposed');
  });

  it('tells listeners of changes, not of every read: a read confirming what plays is no news; a seek, a pause or signing out is', async () => {
    const { api, state, clock, signOut } = openApi();
    const heard: (NowPlaying | undefined)[] = [];
    api.onDidChangeNowPlaying((now) => heard.push(now));
    state.observe(snapshot());
    await clock.advance(5_000);
    state.observe(snapshot({ progressMs: 65_700 })); // played on; Spotify's figure is a little off
    assert.strictEqual(heard.length, 1);
    state.observe(snapshot({ progressMs: 120_000 })); // a seek on the phone
    state.observe(snapshot({ progressMs: 120_000, isPlaying: false }));
    await clock.advance(5_000);
    state.observe(snapshot({ progressMs: 120_000, isPlaying: false }));
    state.observe(undefined);
    state.observe(undefined);
    signOut();
    assert.deepStrictEqual(
      heard.map((now) => [now?.positionMs, now?.isPlaying]),
      [[60_000, true], [120_000, true], [120_000, false], [undefined, undefined], [undefined, undefined]],
    );
    assert.strictEqual(api.signedIn, false);
  });

  it('reports the daily budget left (none when unset, nothing left while Spotify\'s quota is spent)', () => {
    assert.strictEqual(openApi(0).api.requestBudget(), undefined);
    const { api, budget } = openApi(1000);
    for (let i = 0; i < 30; i++) budget.spend('GET', '/me/player', 'periodic');
    assert.deepStrictEqual(api.requestBudget(), { used: 30, limit: 1000, left: 970 });
    budget.quotaRefusal('QUOTA_EXCEEDED', '3600');
    assert.deepStrictEqual(api.requestBudget(), { used: 30, limit: 1000, left: 0 });
  });

  it('tells the volume, shuffle and repeat, with a change event when one changes', () => {
    const { api, state } = openApi();
    const heard: (NowPlaying | undefined)[] = [];
    api.onDidChangeNowPlaying((now) => heard.push(now));
    const speaker = { id: 'd1', name: 'Kitchen speaker', type: 'Speaker', isActive: true, isRestricted: false, supportsVolume: true };
    state.observe(snapshot({ device: { ...speaker, volumePercent: 50 } }));
    state.observe(snapshot({ device: { ...speaker, volumePercent: 70 }, shuffle: true, repeat: 'track' }));
    state.observe(snapshot({ device: { ...speaker, volumePercent: null } }));
    assert.deepStrictEqual(
      heard.map((now) => [now?.volumePercent, now?.shuffle, now?.repeat]),
      [[50, false, 'off'], [70, true, 'track'], [undefined, false, 'off']],
    );
  });

  it('says until when Spotify makes Backbeat wait, and nothing once the wait is over', () => {
    const { api, state, clock } = openApi();
    assert.strictEqual(api.waitingUntil(), undefined);
    const until = clock.now() + 120_000;
    state.setAvailability({ kind: 'waiting', until });
    assert.strictEqual(api.waitingUntil(), until);
    state.observe(snapshot());
    assert.strictEqual(api.waitingUntil(), undefined);
  });
});
