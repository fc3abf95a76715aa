import * as assert from 'assert';
import fc from 'fast-check';
import { VirtualClock } from '..';
import { PlayerError } from '../errors';
import { Catalogue } from '../world/catalogue';
import { Player } from '../world/player';

type Step =
  | { kind: 'advance'; ms: number }
  | { kind: 'next' } | { kind: 'previous' } | { kind: 'pause' } | { kind: 'resume' }
  | { kind: 'seek'; ms: number } | { kind: 'shuffle'; on: boolean } | { kind: 'repeat'; state: 'off' | 'track' | 'context' }
  | { kind: 'queue'; index: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 2 * 3600_000 }) }),
  fc.constantFrom<Step>({ kind: 'next' }, { kind: 'previous' }, { kind: 'pause' }, { kind: 'resume' }),
  fc.record({ kind: fc.constant('seek' as const), ms: fc.integer({ min: 0, max: 600_000 }) }),
  fc.record({ kind: fc.constant('shuffle' as const), on: fc.boolean() }),
  fc.record({ kind: fc.constant('repeat' as const), state: fc.constantFrom('off' as const, 'track' as const, 'context' as const) }),
  fc.record({ kind: fc.constant('queue' as const), index: fc.nat(30) }),
);

describe('emulator player model (property based)', () => {
  it('keeps a consistent state through any sequence of commands and time', () => {
    const catalogue = new Catalogue();
    const tracks = [...catalogue.tracks.keys()];
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const clock = new VirtualClock();
      const player = new Player(catalogue, clock, () => 0);
      for (const s of steps) {
        try {
          apply(player, clock, s, tracks);
        } catch (error) {
          // Refusals are part of the contract (e.g. pause while paused); anything else is a bug.
          if (!(error instanceof PlayerError)) throw error;
        }
        const state = player.live();
        const item = catalogue.playable(state.itemUri);
        assert.ok(item, `unknown item ${state.itemUri}`);
        const progress = player.progress(state);
        assert.ok(progress >= 0 && progress < item.durationMs, `progress ${progress} outside 0..${item.durationMs}`);
        assert.ok(state.orderPos >= 0 && state.orderPos < state.order.length);
        assert.deepStrictEqual([...state.order].sort((a, b) => a - b), state.contextItems.map((_, i) => i), 'order is a permutation');
        assert.ok(player.history.length <= 50);
        assert.ok(player.history.every((h, i) => i === 0 || player.history[i - 1].playedAt >= h.playedAt), 'history newest first');
      }
    }), { numRuns: 200 });
  });
});

function apply(player: Player, clock: VirtualClock, s: Step, tracks: string[]): void {
  switch (s.kind) {
    case 'advance': clock.advance(s.ms); break;
    case 'next': player.next(undefined); break;
    case 'previous': player.previous(undefined); break;
    case 'pause': player.pause(undefined); break;
    case 'resume': player.play({}, undefined); break;
    case 'seek': player.seek(s.ms, undefined); break;
    case 'shuffle': player.setShuffle(s.on, undefined); break;
    case 'repeat': player.setRepeat(s.state, undefined); break;
    case 'queue': player.addToQueue(tracks[s.index % tracks.length], undefined); break;
  }
}
