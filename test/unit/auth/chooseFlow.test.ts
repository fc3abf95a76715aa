import * as assert from 'assert';
import { flowsToTry, signInTryingFlows } from '../../../src/auth/flows/chooseFlow';
import { LoopbackFlow } from '../../../src/auth/flows/loopbackFlow';
import { ManualFlow } from '../../../src/auth/flows/manualFlow';
import { FlowEnvironment, flowEnvironmentOf, FlowId, SignInFlow } from '../../../src/auth/flows/signInFlow';
import { UriHandlerFlow } from '../../../src/auth/flows/uriHandlerFlow';
import { PendingSignIns } from '../../../src/auth/pendingSignIns';
import { SignInCancelled, SignInDeclined, SignInFlowUnavailable, SignInTimedOut } from '../../../src/auth/signInErrors';
import { TokenError } from '../../../src/auth/tokenEndpoint';
import { FakeClock } from '../../../sim/fakeClock';

/** The real flows with their real `worksIn` declarations, in the order the extension registers them. */
function realFlows(): SignInFlow[] {
  const pending = new PendingSignIns(new FakeClock());
  const browser = { openInBrowser: async () => undefined };
  return [
    new UriHandlerFlow('backbeat.spotify', pending, { uriScheme: 'vscode', externalUri: async (u) => u, ...browser }),
    new LoopbackFlow(pending, { port: () => 0, ...browser }),
    new ManualFlow(pending, { ...browser, askForPaste: () => ({ answer: Promise.resolve(undefined), dispose: () => undefined }) }),
  ];
}

// From what VS Code reports: web or desktop, a remote window or not, Backbeat's extension host on
// the user's machine (extensionKind "ui") or on the remote, the web editor's address.
const ENVIRONMENTS: Record<string, FlowEnvironment> = {
  'local desktop': flowEnvironmentOf({ web: false, remoteWindow: false, hostOnUserMachine: true, servedFromLoopback: false }),
  'remote desktop, Backbeat on your machine (SSH, WSL, container; the default)': flowEnvironmentOf({ web: false, remoteWindow: true, hostOnUserMachine: true, servedFromLoopback: false }),
  'remote desktop, Backbeat on the remote (SSH, WSL, container)': flowEnvironmentOf({ web: false, remoteWindow: true, hostOnUserMachine: false, servedFromLoopback: false }),
  'web served from this machine (code-server on 127.0.0.1)': flowEnvironmentOf({ web: true, remoteWindow: true, hostOnUserMachine: false, servedFromLoopback: true }),
  'web hosted elsewhere (Codespaces)': flowEnvironmentOf({ web: true, remoteWindow: true, hostOnUserMachine: false, servedFromLoopback: false }),
};

const ids = (flows: SignInFlow[]) => flows.map((f) => f.id);

describe('choosing the sign-in flow', () => {
  it('auto: the flows that work where VS Code runs, in order', () => {
    const expected: Record<string, FlowId[]> = {
      'local desktop': ['uriHandler', 'loopback', 'manual'],
      'remote desktop, Backbeat on your machine (SSH, WSL, container; the default)': ['uriHandler', 'loopback', 'manual'],
      'remote desktop, Backbeat on the remote (SSH, WSL, container)': ['uriHandler', 'manual'],
      'web served from this machine (code-server on 127.0.0.1)': ['loopback', 'manual'],
      'web hosted elsewhere (Codespaces)': ['manual'],
    };
    for (const [name, env] of Object.entries(ENVIRONMENTS)) assert.deepStrictEqual(ids(flowsToTry(realFlows(), 'auto', env)), expected[name], name);
  });

  it('a flow named in backbeat.signInFlow goes first; the ones that work here remain as other ways', () => {
    assert.deepStrictEqual(ids(flowsToTry(realFlows(), 'manual', ENVIRONMENTS['local desktop'])), ['manual', 'uriHandler', 'loopback']);
    // The user knows best: a named flow is tried even where it is not expected to work.
    assert.deepStrictEqual(ids(flowsToTry(realFlows(), 'uriHandler', ENVIRONMENTS['web served from this machine (code-server on 127.0.0.1)'])), ['uriHandler', 'loopback', 'manual']);
  });

  describe('"Having trouble signing in? Try another way"', () => {
    const flows = realFlows();
    async function run(outcomes: (Error | string)[], accept: boolean) {
      const offers: string[] = [];
      const tried: string[] = [];
      const result = signInTryingFlows(
        flows,
        async (flow) => {
          tried.push(flow.id);
          const outcome = outcomes[tried.length - 1];
          if (outcome instanceof Error) throw outcome;
          return outcome;
        },
        async (failed, next) => (offers.push(`${failed.id}->${next.id}`), accept),
      );
      return { result: await result.then((v) => v, (e: unknown) => e), offers, tried };
    }

    it('offers the next flow after a cancel, a timeout or a flow that cannot start, and uses it when accepted', async () => {
      const r = await run([new SignInCancelled(), new SignInFlowUnavailable('port busy'), 'signed in'], true);
      assert.strictEqual(r.result, 'signed in');
      assert.deepStrictEqual(r.offers, ['uriHandler->loopback', 'loopback->manual']);
      const t = await run([new SignInTimedOut(5), 'signed in'], true);
      assert.deepStrictEqual(t.tried, ['uriHandler', 'loopback']);
    });

    it('declining the offer ends with the original outcome (a cancel stays silent)', async () => {
      const r = await run([new SignInCancelled()], false);
      assert.ok(r.result instanceof SignInCancelled);
      assert.deepStrictEqual(r.tried, ['uriHandler']);
    });

    it('no other way is offered when another flow cannot help: denial, rejected app credentials', async () => {
      for (const error of [new SignInDeclined(), new TokenError('rejected_client', 'Spotify rejected the app credentials')]) {
        const r = await run([error], true);
        assert.strictEqual(r.result, error);
        assert.deepStrictEqual(r.offers, []);
      }
    });

    it('after the last flow there is nothing more to offer', async () => {
      const r = await run([new SignInCancelled(), new SignInCancelled(), new SignInCancelled()], true);
      assert.ok(r.result instanceof SignInCancelled);
      assert.deepStrictEqual(r.tried, ['uriHandler', 'loopback', 'manual']);
      assert.strictEqual(r.offers.length, 2);
    });
  });

  it('each flow names the redirect URI to register', () => {
    assert.deepStrictEqual(
      realFlows().map((f) => f.registeredRedirectUri()),
      ['vscode://backbeat.spotify/callback', 'http://127.0.0.1/callback', 'http://127.0.0.1/callback'],
    );
  });
});
