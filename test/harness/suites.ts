// Every suite `npm test` runs, in order. Adding a suite is one line here.
import { nodeToolCheck } from './commandCheck';
import { Counts } from './counts';
import { runE2E } from './runE2E';
import { runHardening } from './runHardening';
import { runIntegrationSuite } from './runIntegration';
import { runUnit } from './runUnit';

export interface Suite {
  name: string;
  /** Needs code-server and Chromium; skipped as failed when they could not be set up. */
  needsVSCode?: boolean;
  run(): Promise<Counts>;
}

export const SUITES: Suite[] = [
  { name: 'typecheck', run: () => nodeToolCheck('typescript/bin/tsc', ['-p', '.', '--noEmit']) },
  { name: 'lint', run: () => nodeToolCheck('eslint/bin/eslint.js', ['.']) },
  { name: 'unit', run: runUnit },
  { name: 'integration', needsVSCode: true, run: () => runIntegrationSuite() },
  { name: 'e2e', needsVSCode: true, run: runE2E },
  // Last: its summary adds the secret scan the e2e suite ran in a real VS Code session.
  { name: 'hardening', run: runHardening },
];
