import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

// The GitHub Actions workflow that runs the desktop helpers on Windows and macOS runners cannot
// run here: check that it parses and is well formed, and that what it runs exists.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const WORKFLOW = path.join(ROOT, '.github', 'workflows', 'desktop-helpers.yml');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  'timeout-minutes'?: number;
  env?: Record<string, string>;
  steps: Step[];
}

describe('desktop-helpers workflow (.github/workflows/desktop-helpers.yml)', () => {
  const workflow = parse(fs.readFileSync(WORKFLOW, 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };

  it('has a Windows and a macOS job, each with a time limit', () => {
    assert.deepStrictEqual(
      Object.entries(workflow.jobs).map(([name, job]) => [name, job['runs-on'], typeof job['timeout-minutes']]),
      [['windows', 'windows-latest', 'number'], ['macos', 'macos-latest', 'number']],
    );
  });

  it('runs on pushes and pull requests that touch the helpers, and by hand', () => {
    assert.ok('push' in workflow.on && 'pull_request' in workflow.on && 'workflow_dispatch' in workflow.on);
  });

  it('gives each step either a command or an action, with actions pinned to a major version', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      assert.ok(Array.isArray(job.steps) && job.steps.length > 0, `${name} has steps`);
      for (const step of job.steps) {
        assert.ok((typeof step.run === 'string') !== (typeof step.uses === 'string'), `${name}: ${JSON.stringify(step)} has one of run and uses`);
        if (step.uses) assert.match(step.uses, /^[\w-]+\/[\w-]+@v\d+$/);
      }
    }
  });

  it('runs checkers and scripts that exist, built by the steps before', () => {
    const checkers = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step, i) => {
        const match = /^node (out\/(\S+)\.js)$/m.exec(step.run ?? '');
        if (!match) return [];
        assert.ok(job.steps.slice(0, i).some((s) => /\btsc -p \./.test(s.run ?? '')), `${match[1]} is compiled before it runs`);
        return [match[2]];
      }),
    );
    assert.deepStrictEqual(checkers, ['test/platform/checkWindowsHelper', 'test/platform/checkMacosHelper']);
    for (const checker of checkers) assert.ok(fs.existsSync(path.join(ROOT, `${checker}.ts`)), `${checker}.ts exists`);
    for (const script of ['src/localPlayer/windows/smtc.ps1', 'test/platform/windows/publishMediaSession.ps1', 'src/localPlayer/macos/spotify.jxa.js']) {
      assert.ok(fs.existsSync(path.join(ROOT, script)), `${script} exists`);
    }
  });

  it('tells the Windows helper to follow the published session instead of Spotify', () => {
    assert.match(workflow.jobs.windows.env?.BACKBEAT_SMTC_APP ?? '', /powershell/i);
  });
});
