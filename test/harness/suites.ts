// Every suite `npm test` runs, in order. Adding a suite is one line here.
import { checkPowerShell } from './checkPowerShell';
import { nodeToolCheck } from './commandCheck';
import { addCounts, Counts } from './counts';
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
  // As `npm run lint`: eslint, then the PowerShell scripts against a PowerShell grammar.
  { name: 'lint', run: async () => addCounts([await nodeToolCheck('eslint/bin/eslint.js', ['.']), await checkPowerShell()]) },
  { name: 'unit', run: runUnit },
  { name: 'integration', needsVSCode: true, run: () => runIntegrationSuite() },
  { name: 'e2e', needsVSCode: true, run: runE2E },
  // Last: its summary adds the secret scan the e2e suite ran in a real VS Code session.
  { name: 'hardening', run: runHardening },
];
