import * as assert from 'assert';
import fc from 'fast-check';
import { PlaybackState } from '../../src/playback/playbackState';
import {
  parseAccount, parseContains, parseDevices, parseEntry, parsePage, parsePlayback, parseQueue, parseRecentlyPlayed, parseSearch,
} from '../../src/spotify/parse';
import { escapeMarkdown, formatTime } from '../../src/present/format';
import { nowPlayingLabel } from '../../src/present/nowPlayingLabel';
import { FakeClock } from '../../sim/fakeClock';
import { Rig } from '../support/hardening/rig';
import { tally } from '../support/hardening/tally';

// Spotify's answers with fields missing, mistyped or absurd never crash what the status bar
// renders: the parsers return something complete, the playback model keeps finite numbers, and
// the label stays a short line that a track name cannot inject icons into.

const RUNS = 1_000;

/** Any JSON value, with a bias towards the wrong-type values real APIs send (null, "", 0, []). */
const junk = fc.oneof(fc.constantFrom(null, '', 0, -1, 1e308, [], {}, true, 'NaN', '$(alert)', '[x](command:evil)'), fc.jsonValue({ maxDepth: 3 }));

/** A real answer of GET /me/player with some fields replaced by junk or deleted. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = collectPaths(base);
  return fc
    .array(fc.tuple(fc.constantFrom(...paths), fc.option(junk, { nil: undefined })), { minLength: 1, maxLength: 6 })
    .map((edits) => {
      const copy = structuredClone(base);
      // Each edit gets its own copy: one generated object placed twice could otherwise contain itself.
      for (const [path, value] of edits) setAt(copy, path, structuredClone(value));
      return copy;
    });
}

function collectPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => collectPaths(child, [...prefix, key]))].filter((p) => p.length > 0);
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let at: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (typeof at !== 'object' || at === null) return;
    at = (at as Record<string, unknown>)[key];
  }
  if (typeof at !== 'object' || at === null) return;
  const last = path[path.length - 1];
  if (value === undefined) delete (at as Record<string, unknown>)[last];
  else (at as Record<string, unknown>)[last] = value;
}

/** What the status bar shows for a body: parse, observe, label. Throws if any step does. */
function render(body: unknown, clock: FakeClock): string {
  const state = new PlaybackState(clock);
  state.observe(parsePlayback(body));
  const progress = state.progressMs();
  assert.ok(Number.isFinite(progress) && progress >= 0, `progress ${progress}`);
  const snapshot = state.snapshot;
  if (!snapshot) return '';
  const label = nowPlayingLabel(snapshot, progress, { showProgress: true, maxLength: 60, stale: false });
  // The icon is the extension's own; nothing after it may start another icon.
  assert.doesNotMatch(label.replace(/^\$\([a-z-]+\) /, ''), /\$\(/, label);
  assert.ok(!/undefined|\[object/.test(label), label);
  // The position shows only for an item with a length (as the label does it).
  if (snapshot.item?.durationMs) for (const ms of [progress, snapshot.item.durationMs]) assert.match(formatTime(ms), /^(\d+:)?\d+:\d{2}$/);
  escapeMarkdown(snapshot.item?.name ?? '');
  return label;
}

describe('hardening: bad input never crashes the UI', function () {
  this.timeout(60_000);
  let realBody: Record<string, unknown>;

  before(async () => {
    const rig = await Rig.start();
    try {
      await rig.signIn();
      realBody = (await rig.client.http.request('GET', '/me/player', { additional_types: 'episode' })).data as Record<string, unknown>;
    } finally {
      await rig.close();
    }
  });

  it(`${RUNS} mutated playback answers render a status bar line without throwing`, () => {
    const clock = new FakeClock();
    fc.assert(
      fc.property(mutated(realBody), fc.nat({ max: 10 * 3600_000 }), (body, later) => {
        tally.inputsFuzzed++;
        render(body, clock);
        clock.jump(later); // progress extrapolated long after the read stays sane
        render(body, clock);
      }),
      { numRuns: RUNS },
    );
  });

  it(`${RUNS} arbitrary values through every parser: nothing throws, results are complete`, () => {
    fc.assert(
      fc.property(junk, (value) => {
        tally.inputsFuzzed++;
        render(value, new FakeClock());
        for (const device of parseDevices(value)) assert.strictEqual(typeof device.name, 'string');
        const queue = parseQueue(value);
        assert.ok(Array.isArray(queue.upNext));
        parseSearch(value, ['track', 'album', 'artist', 'playlist']);
        parsePage(value, parseEntry);
        for (const played of parseRecentlyPlayed(value)) assert.ok(Number.isFinite(played.playedAt));
        parseAccount(value);
        assert.strictEqual(parseContains(value, 3).length, 3);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers mangled on the wire reach the status bar as a readable state, never a crash', async () => {
    const rig = await Rig.start();
    try {
      await rig.signIn();
      const samples = fc.sample(mutated(realBody), { numRuns: 40, seed: 5 });
      const raw = ['{"item": {"name": 42}}', '[]', 'null', '"just a string"', '{"is_playing":"yes","progress_ms":"12"}'];
      for (const body of [...samples.map((b) => JSON.stringify(b)), ...raw]) {
        tally.inputsFuzzed++;
        rig.emu.addFault({ match: { method: 'GET', path: '/v1/me/player' }, status: 200, headers: { 'content-type': 'application/json' }, body });
        await rig.nextRead();
        assert.ok(['active', 'nothingActive'].includes(rig.state.availability.kind), `${body}: ${JSON.stringify(rig.state.availability)}`);
        if (rig.state.snapshot) render(JSON.parse(body), rig.clock);
      }
    } finally {
      await rig.close();
    }
  });
});
