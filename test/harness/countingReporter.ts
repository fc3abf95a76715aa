// mocha's spec output for people, plus the result line for the runner: lets a suite run
// in a child mocha process (isolated from the runner) and still be counted.
import Mocha from 'mocha';
import { resultLine } from './counts';

class CountingSpec extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    // Registered after Spec's own listener, so the line comes after its summary.
    runner.once('end', () => {
      const stats = runner.stats;
      console.log(resultLine({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0 }));
    });
  }
}

export = CountingSpec;
