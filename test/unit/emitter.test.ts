import * as assert from 'assert';
import { Emitter, setListenerErrorReporter } from '../../src/emitter';

describe('Emitter', () => {
  it('reports a listener\u2019s exception, and the listeners after it still hear the event', () => {
    const reported: unknown[] = [];
    const reporter = setListenerErrorReporter((error) => reported.push(error));
    try {
      const emitter = new Emitter<number>();
      const heard: number[] = [];
      const failure = new Error('the renderer broke');
      emitter.event(() => {
        throw failure;
      });
      emitter.event((n) => heard.push(n));
      emitter.fire(7);
      assert.deepStrictEqual(heard, [7]);
      assert.deepStrictEqual(reported, [failure]);
    } finally {
      reporter.dispose();
    }
  });

  it('a reporter that throws breaks neither the event nor the other listeners', () => {
    const reporter = setListenerErrorReporter(() => {
      throw new Error('the log is gone');
    });
    try {
      const emitter = new Emitter<void>();
      let heard = 0;
      emitter.event(() => {
        throw new Error('first');
      });
      emitter.event(() => heard++);
      assert.doesNotThrow(() => emitter.fire());
      assert.strictEqual(heard, 1);
    } finally {
      reporter.dispose();
    }
  });
});
