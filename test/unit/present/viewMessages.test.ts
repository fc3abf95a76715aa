import * as assert from 'assert';
import { parseViewMessage } from '../../../src/present/viewMessages';

// The Now Playing page is untrusted: whatever it posts is checked before anything acts on it.

describe('Now Playing view messages', () => {
  it('accepts exactly the messages the page sends', () => {
    assert.deepStrictEqual(parseViewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseViewMessage({ type: 'command', command: 'playPause' }), { type: 'command', command: 'playPause' });
    assert.deepStrictEqual(parseViewMessage({ type: 'command', command: 'selectDevice' }), { type: 'command', command: 'selectDevice' });
    assert.deepStrictEqual(parseViewMessage({ type: 'seek', positionMs: 83_000 }), { type: 'seek', positionMs: 83_000 });
    assert.deepStrictEqual(parseViewMessage({ type: 'volume', percent: 40 }), { type: 'volume', percent: 40 });
    assert.deepStrictEqual(parseViewMessage({ type: 'queueOpen', open: true }), { type: 'queueOpen', open: true });
    assert.deepStrictEqual(parseViewMessage({ type: 'playQueued', index: 2 }), { type: 'playQueued', index: 2 });
  });

  it('drops anything that is not an object with a known type', () => {
    for (const raw of [undefined, null, 0, 'ready', ['ready'], [{ type: 'ready' }], {}, { type: 'READY' }, { type: 'eval', code: 'x' }, { type: { toString: () => 'ready' } }]) {
      assert.strictEqual(parseViewMessage(raw), undefined, JSON.stringify(raw));
    }
  });

  it('runs only the view\u2019s own commands, never one the page names (sign out, another extension\u2019s)', () => {
    for (const command of ['signOut', 'backbeat.signOut', 'workbench.action.terminal.new', 'constructor', '__proto__', 'toString', '', 42, null, ['next']]) {
      assert.strictEqual(parseViewMessage({ type: 'command', command }), undefined, String(command));
    }
  });

  it('refuses positions, volumes and indexes that are not plain numbers in range', () => {
    for (const positionMs of [-1, NaN, Infinity, 1e20, '83000', null, { valueOf: () => 1 }]) {
      assert.strictEqual(parseViewMessage({ type: 'seek', positionMs }), undefined, String(positionMs));
    }
    for (const percent of [-5, 101, NaN, '50', true]) {
      assert.strictEqual(parseViewMessage({ type: 'volume', percent }), undefined, String(percent));
    }
    for (const index of [-1, 101, NaN, '0', 1e9]) {
      assert.strictEqual(parseViewMessage({ type: 'playQueued', index }), undefined, String(index));
    }
    assert.strictEqual(parseViewMessage({ type: 'queueOpen', open: 'true' }), undefined);
  });

  it('rounds a fractional position or volume instead of passing it on', () => {
    assert.deepStrictEqual(parseViewMessage({ type: 'volume', percent: 49.6 }), { type: 'volume', percent: 50 });
    assert.deepStrictEqual(parseViewMessage({ type: 'seek', positionMs: 1000.4 }), { type: 'seek', positionMs: 1000 });
  });

  it('keeps nothing but the checked fields: extra fields and prototype tricks do not come through', () => {
    const hostile = JSON.parse('{"type":"seek","positionMs":5,"__proto__":{"polluted":true},"command":"signOut"}');
    const parsed = parseViewMessage(hostile);
    assert.deepStrictEqual(parsed, { type: 'seek', positionMs: 5 });
    assert.strictEqual(Object.getPrototypeOf(parsed), Object.prototype);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
  });
});
