import * as assert from 'assert';
import { Emitter } from '../../../src/emitter';
import type { Lyrics, LyricsTrack } from '../../../src/lyrics/lyrics';
import { NowPlayingFeed, ToView } from '../../../src/present/nowPlayingFeed';
import { QueueReads } from '../../../src/present/queueReads';
import { isAutomatic, kindOfRequest } from '../../../src/spotify/requestKinds';
import type { PlaybackQueue, PlayableItem } from '../../../src/spotify/types';
import { DEFAULT_TIMING } from '../../../src/playback/scheduler';
import { setupScheduler } from '../../support/schedulerRig';
import { SimulatedWindowActivity } from '../../../sim/simulatedWindowActivity';
import { snapshot } from '../../support/snapshots';

const MINUTE = 60_000;
const track = (n: number): PlayableItem => ({ ...snapshot().item!, uri: `spotify:track:${n}`, name: `Song ${n}`, durationMs: 3_600_000 });

/** The feed over the real scheduler and budget; counts queue reads and what reaches the page. */
function setup(options: { lyrics?: (t: LyricsTrack) => Promise<Lyrics>; queueFails?: boolean } = {}) {
  const rig = setupScheduler(new SimulatedWindowActivity(true, true), () => DEFAULT_TIMING, 1000);
  rig.reader.answer = snapshot({ item: track(1) });
  const posted: ToView[] = [];
  const queueReads: number[] = [];
  const lyricsAsked: string[] = [];
  const likes = { current: undefined, onDidChange: new Emitter<void>().event };
  const queue = async (): Promise<PlaybackQueue> => {
    queueReads.push(rig.clock.now());
    if (options.queueFails) throw new Error('refused');
    return { current: track(1), upNext: [track(2), track(3)] };
  };
  const feed = new NowPlayingFeed({
    state: rig.state,
    likes,
    accountFree: () => false,
    clock: rig.clock,
    queue: { queue },
    budget: rig.budget,
    lyrics: options.lyrics && {
      lyricsFor: (t) => {
        lyricsAsked.push(t.title);
        return options.lyrics!(t);
      },
    },
    lookedAt: () => rig.scheduler.lookedAt(),
    post: (m) => void posted.push(m),
  });
  return { ...rig, feed, posted, queueReads, lyricsAsked };
}

const last = <T extends ToView['type']>(posted: ToView[], type: T) => posted.filter((m): m is Extract<ToView, { type: T }> => m.type === type).at(-1);

describe('Now Playing view feed', () => {
  it('an open, visible view adds no reads: the same requests over 30 minutes as without it', async () => {
    const without = setupScheduler(new SimulatedWindowActivity(true, true), () => DEFAULT_TIMING, 1000);
    without.reader.answer = snapshot({ item: track(1) });
    without.scheduler.setEnabled(true);
    await without.clock.advance(30 * MINUTE);

    const withView = setup();
    withView.scheduler.setEnabled(true);
    await withView.clock.advance(0);
    withView.feed.setVisible(true);
    withView.feed.receive({ type: 'ready' });
    await withView.clock.advance(30 * MINUTE);

    assert.ok(withView.posted.filter((m) => m.type === 'state').length > 10, 'the view was fed as the state changed');
    assert.deepStrictEqual(withView.reader.kinds, without.reader.kinds);
    assert.deepStrictEqual(withView.queueReads, [], 'the Up next section is closed: no queue read');
  });

  it('reads the queue only while Up next is open and the view visible, once per track', async () => {
    const { feed, state, queueReads, posted, clock } = setup();
    state.observe(snapshot({ item: track(1) }));
    feed.receive({ type: 'queueOpen', open: true });
    await clock.advance(0);
    assert.strictEqual(queueReads.length, 0, 'hidden view: nobody sees the queue');
    feed.setVisible(true);
    feed.receive({ type: 'ready' });
    await clock.advance(0);
    assert.strictEqual(queueReads.length, 1);
    assert.deepStrictEqual(last(posted, 'queue')?.queue.rows.map((r) => r.title), ['Song 2', 'Song 3']);
    state.observe(snapshot({ item: track(1), isPlaying: false, progressMs: 10_000 }));
    feed.receive({ type: 'queueOpen', open: false });
    feed.receive({ type: 'queueOpen', open: true });
    feed.setVisible(false);
    feed.setVisible(true);
    feed.receive({ type: 'ready' });
    await clock.advance(0);
    assert.strictEqual(queueReads.length, 1, 'same track: pause, reopening and showing again read nothing');
    state.observe(snapshot({ item: track(2) }));
    await clock.advance(0);
    assert.strictEqual(queueReads.length, 2, 'a new track: read once');
    feed.receive({ type: 'queueOpen', open: false });
    state.observe(snapshot({ item: track(3) }));
    await clock.advance(0);
    assert.strictEqual(queueReads.length, 2, 'closed: nothing');
  });

  it('reads the queue as a request the user asked for, which the budget\u2019s reserve covers', () => {
    const kind = kindOfRequest('GET', '/me/player/queue');
    assert.strictEqual(isAutomatic(kind), false, kind);
  });

  it('says so when the budget, reserve included, is spent', async () => {
    const { feed, state, posted, clock, budget, ledger } = setup({ queueFails: true });
    for (let i = 0; i < 1000; i++) ledger.record('command');
    assert.ok(budget.status().commandsRefusedUntil > 0);
    state.observe(snapshot({ item: track(1) }));
    feed.setVisible(true);
    feed.receive({ type: 'queueOpen', open: true });
    await clock.advance(0);
    assert.match(last(posted, 'queue')?.queue.notice ?? '', /daily budget is spent, with the reserve kept for what you ask: the queue can be read again at/);
  });

  it('plays a queued item by its place in the list it sent; an index it never sent does nothing', async () => {
    const { feed, state, clock } = setup();
    state.observe(snapshot({ item: track(1) }));
    feed.setVisible(true);
    feed.receive({ type: 'queueOpen', open: true });
    await clock.advance(0);
    const action = feed.receive({ type: 'playQueued', index: 1 });
    assert.deepStrictEqual(action && action.kind === 'play' && action.item.uri, 'spotify:track:3');
    assert.strictEqual(feed.receive({ type: 'playQueued', index: 5 }), undefined);
    assert.strictEqual(feed.receive({ type: 'command', command: 'signOut' }), undefined);
    assert.deepStrictEqual(feed.receive({ type: 'seek', positionMs: 1234 }), { kind: 'seek', positionMs: 1234 });
  });

  it('posts nothing while hidden, and the view becoming visible counts as the user looking', async () => {
    const { feed, state, posted, scheduler, reader, clock, window } = setup();
    window.set(true, false); // idle: the steady rhythm is slow
    scheduler.setEnabled(true);
    await clock.advance(MINUTE);
    state.observe(snapshot({ item: track(2) }));
    assert.deepStrictEqual(posted, []);
    const before = reader.reads.length;
    feed.setVisible(true);
    await clock.advance(0);
    assert.strictEqual(reader.reads.length, before + 1, 'shown after a while: one read, as focus does');
    feed.setVisible(false);
    feed.setVisible(true);
    await clock.advance(0);
    assert.strictEqual(reader.reads.length, before + 1, 'shown again at once: nothing more');
  });

  it('lyrics: asked once per track while visible, synced lines passed on as data, a failure is "No lyrics found"', async () => {
    let fail = false;
    const { feed, state, posted, clock, lyricsAsked } = setup({
      lyrics: async () => {
        if (fail) throw new Error('offline');
        return { kind: 'synced', lines: [{ atMs: 0, text: '<img src=x onerror=alert(1)>' }, { atMs: NaN, text: 'bad time' }, { atMs: 5_000, text: 'Love, love is a verb' }] };
      },
    });
    state.observe(snapshot({ item: track(1) }));
    assert.deepStrictEqual(lyricsAsked, [], 'hidden: not asked');
    feed.setVisible(true);
    feed.receive({ type: 'ready' });
    await clock.advance(0);
    state.observe(snapshot({ item: track(1), progressMs: 90_000 }));
    await clock.advance(0);
    assert.deepStrictEqual(lyricsAsked, ['Song 1']);
    assert.deepStrictEqual(last(posted, 'lyrics')?.lyrics, {
      kind: 'synced',
      lines: [
        { atMs: 0, text: '<img src=x onerror=alert(1)>' },
        { atMs: 5_000, text: 'Love, love is a verb' },
      ],
    });
    fail = true;
    state.observe(snapshot({ item: track(2) }));
    await clock.advance(0);
    assert.deepStrictEqual(last(posted, 'lyrics')?.lyrics, { kind: 'none', text: 'No lyrics found' });
  });

  it('lyrics off: the page is told so and nothing is asked', async () => {
    const { feed, posted, state, clock } = setup();
    state.observe(snapshot({ item: track(1) }));
    feed.setVisible(true);
    feed.receive({ type: 'ready' });
    await clock.advance(0);
    assert.deepStrictEqual(last(posted, 'lyrics')?.lyrics, { kind: 'off' });
  });
});

describe('queue read rule', () => {
  it('reads only open and visible, once per item', () => {
    const rule = new QueueReads();
    assert.strictEqual(rule.take('a'), false);
    rule.setOpen(true);
    assert.strictEqual(rule.take('a'), false, 'not visible');
    rule.setVisible(true);
    assert.strictEqual(rule.take(undefined), false, 'nothing playing');
    assert.strictEqual(rule.take('a'), true);
    assert.strictEqual(rule.take('a'), false);
    rule.setOpen(false);
    rule.setOpen(true);
    assert.strictEqual(rule.take('a'), false, 'reopened on the same track');
    assert.strictEqual(rule.take('b'), true);
  });
});
