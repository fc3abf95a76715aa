// `npm run sandbox` and every test's code-server: no web page on the user's machine can use the
// workbench (password login, loopback), and the sandbox's banner says how to get in and start over.
import * as assert from 'assert';
import { serverCommand } from '../../../sim/editor/launchCodeServer';
import { parseSandboxArgs, SandboxInfo, sandboxBanner } from '../../harness/sandboxBanner';

const PASSWORD = 'pw-Zq81mK0rT2yXc4vB';

function command() {
  return serverCommand({
    entry: 'entry.js', port: 45123, password: PASSWORD, dirArgs: ['--user-data-dir', 'ud'],
    workspaceFolder: 'ws', configFile: 'config.yaml', trustedDomains: ['http://127.0.0.2:8890'], env: { EXTRA: '1' },
  });
}

const info: SandboxInfo = {
  codeServerUrl: 'http://127.0.0.1:45123/', password: PASSWORD, phoneUrl: 'http://127.0.0.2:8890/',
  accountsUrl: 'http://127.0.0.2:8890', apiUrl: 'http://127.0.0.2:8890/v1', controlUrl: 'http://127.0.0.2:8890/__emulator',
  clientId: 'client', busAddress: 'unix:path=bus', serverLog: 'code-server.log', profileDir: 'cache/sandbox', fresh: false,
};

describe('sandbox and test code-server: locked to the user', () => {
  it('code-server asks for a password (never --auth none) and listens on loopback at the given port', () => {
    const { args } = command();
    assert.deepStrictEqual(args.slice(args.indexOf('--auth'), args.indexOf('--auth') + 2), ['--auth', 'password']);
    assert.ok(!args.includes('none'));
    assert.deepStrictEqual(args.slice(args.indexOf('--bind-addr'), args.indexOf('--bind-addr') + 2), ['--bind-addr', '127.0.0.1:45123']);
  });

  it('the password goes in the environment ($PASSWORD), not on the command line others can list', () => {
    const { args, env } = command();
    assert.strictEqual(env.PASSWORD, PASSWORD);
    assert.strictEqual(env.EXTRA, '1', 'the caller\u2019s environment is kept');
    assert.ok(!args.some((a) => a.includes(PASSWORD)));
  });

  it('the banner gives the address and the password together, names --fresh and the 15-minute quota', () => {
    const banner = sandboxBanner(info);
    assert.match(banner, /Open VS Code: +http:\/\/127\.0\.0\.1:45123\/\n +Password: +pw-Zq81mK0rT2yXc4vB\n/);
    assert.match(banner, /npm run sandbox -- --fresh/);
    assert.match(banner, /Daily quota spent \(15 min\)/);
    assert.match(sandboxBanner({ ...info, fresh: true }), /VS Code profile: +cache\/sandbox\n +new \(--fresh\)/);
  });

  it('`npm run sandbox -- --fresh` asks for a new profile; no flag keeps it; a mistyped flag is an error', () => {
    assert.deepStrictEqual(parseSandboxArgs(['--fresh']), { fresh: true });
    assert.deepStrictEqual(parseSandboxArgs([]), { fresh: false });
    assert.throws(() => parseSandboxArgs(['--frsh']), /--frsh/);
  });
});
