import * as assert from 'assert';
import { buildAuthorizeUrl } from '../../../src/auth/authorizeUrl';
import { LoopbackFlow } from '../../../src/auth/flows/loopbackFlow';
import { ManualFlow, PastePrompt } from '../../../src/auth/flows/manualFlow';
import type { SignInFlow } from '../../../src/auth/flows/signInFlow';
import { UriHandlerFlow } from '../../../src/auth/flows/uriHandlerFlow';
import { CancelSignal, PendingSignIns } from '../../../src/auth/pendingSignIns';
import { codeChallengeS256, createCodeVerifier, createState } from '../../../src/auth/pkce';
import { DEFAULT_SCOPES } from '../../../src/auth/scopes';
import { SignInCancelled, SignInDeclined } from '../../../src/auth/signInErrors';
import { exchangeCode } from '../../../src/auth/tokenEndpoint';
import { Emitter } from '../../../src/emitter';
import { Emulator, startEmulator } from '../../../emulator';
import { FakeClock } from '../../support/fakeClock';
import { tokenClient } from '../../support/emulatorGrant';
import { load, redirectAfterConsent } from '../../support/browserDouble';

/** The progress notification's Cancel button. */
function cancelButton() {
  const pressed = new Emitter<void>();
  let cancelled = false;
  const signal: CancelSignal = {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested: (listener) => pressed.event(listener),
  };
  return { signal, press: () => ((cancelled = true), pressed.fire()) };
}

/** One attempt as signIn.ts makes it (PKCE, state, the flow, the exchange), without VS Code's progress UI. */
async function attempt(emu: Emulator, flow: SignInFlow, cancel = cancelButton().signal) {
  const prepared = await flow.prepare();
  try {
    const state = createState();
    const verifier = createCodeVerifier();
    const url = buildAuthorizeUrl({
      accountsUrl: emu.accountsUrl,
      clientId: emu.clientId,
      redirectUri: prepared.redirectUri,
      state,
      scopes: DEFAULT_SCOPES,
      codeChallenge: codeChallengeS256(verifier),
    });
    const code = await prepared.obtainCode(url, state, cancel);
    return { grant: await exchangeCode(tokenClient(emu), code, prepared.redirectUri, verifier), redirectUri: prepared.redirectUri, state };
  } finally {
    prepared.dispose();
  }
}

describe('sign-in flows against the emulator', () => {
  let emu: Emulator;
  let pending: PendingSignIns;
  /** Pages the browser showed after Spotify sent it back. */
  let pages: { status: number; text: string }[];
  beforeEach(async () => {
    emu = await startEmulator();
    pending = new PendingSignIns(new FakeClock());
    pages = [];
  });
  afterEach(() => emu.close());

  describe('loopback', () => {
    const loopback = (decision: 'approve' | 'deny' = 'approve', port = 0) =>
      new LoopbackFlow(pending, {
        port: () => port,
        openInBrowser: async (url) => {
          // The browser follows Spotify's redirect to the extension host's page, a moment later.
          void redirectAfterConsent(url, decision).then(async (location) => pages.push(await load(location)));
        },
      });

    it('signs in on a free port through the consent page, and the tab says it can be closed', async () => {
      const { grant, redirectUri } = await attempt(emu, loopback());
      assert.ok(grant.refreshToken);
      assert.match(redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/callback$/, 'a port Spotify accepts for http://127.0.0.1/callback');
      assert.strictEqual(pages[0].status, 200);
      assert.match(pages[0].text, /You can close this tab/);
      assert.strictEqual((await load(redirectUri)).status, 0, 'the server is gone once the sign-in is over');
    });

    it('denial ends the sign-in at once with "You declined access in Spotify" and an error page', async () => {
      await assert.rejects(attempt(emu, loopback('deny')), (e: unknown) => e instanceof SignInDeclined && e.message === 'You declined access in Spotify.');
      await new Promise((r) => setTimeout(r, 50));
      assert.match(pages[0].text, /You declined access/);
    });

    it('accepts only its own state: forged, incomplete and replayed callbacks change nothing', async () => {
      const flow = new LoopbackFlow(pending, { port: () => 0, openInBrowser: async () => undefined });
      const prepared = await flow.prepare();
      const code = prepared.obtainCode('http://unused', 'the-state', cancelButton().signal);
      assert.strictEqual((await load(`${prepared.redirectUri}?code=forged&state=other`)).status, 400, 'wrong state');
      assert.strictEqual((await load(`${prepared.redirectUri}?state=the-state`)).status, 400, 'missing code');
      assert.strictEqual((await load(`${prepared.redirectUri}?code=forged`)).status, 400, 'no state');
      assert.strictEqual((await load(`${prepared.redirectUri}?code=real&state=the-state`)).status, 200);
      assert.strictEqual(await code, 'real');
      assert.strictEqual((await load(`${prepared.redirectUri}?code=again&state=the-state`)).status, 0, 'replay: nobody listens any more');
      assert.strictEqual(pending.deliver('code=again&state=the-state'), false, 'and the state is spent');
      prepared.dispose();
    });

    it('a cancel ends the wait and closes the server', async () => {
      const cancel = cancelButton();
      const flow = new LoopbackFlow(pending, { port: () => 0, openInBrowser: async () => undefined });
      const prepared = await flow.prepare();
      const code = prepared.obtainCode('http://unused', 's', cancel.signal);
      cancel.press();
      await assert.rejects(code, SignInCancelled);
      prepared.dispose();
      assert.strictEqual((await load(prepared.redirectUri)).status, 0);
    });
  });

  describe('manual (paste the address)', () => {
    /** The user copies the address the browser ended on and pastes `transform(address)`. */
    const manual = (transform: (address: string) => string | undefined, decision: 'approve' | 'deny' = 'approve') => {
      const problems: (string | undefined)[] = [];
      let opened = '';
      const flow = new ManualFlow(pending, {
        openInBrowser: async (url) => void (opened = url),
        askForPaste: (check): PastePrompt => {
          const answer = redirectAfterConsent(opened, decision).then((address) => {
            const text = transform(address);
            if (text !== undefined) problems.push(check(text));
            return text;
          });
          return { answer, dispose: () => undefined };
        },
      });
      return { flow, problems };
    };

    it('signs in with the whole pasted address; the redirect URI is http://127.0.0.1/callback', async () => {
      const { flow, problems } = manual((address) => address);
      const { grant, redirectUri } = await attempt(emu, flow);
      assert.ok(grant.accessToken);
      assert.strictEqual(redirectUri, 'http://127.0.0.1/callback');
      assert.deepStrictEqual(problems, [undefined]);
    });

    it('signs in with the code alone', async () => {
      const { flow } = manual((address) => new URL(address).searchParams.get('code') ?? '');
      assert.ok((await attempt(emu, flow)).grant.accessToken);
    });

    it('a pasted denial ends with "You declined access in Spotify"', async () => {
      const { flow } = manual((address) => address, 'deny');
      await assert.rejects(attempt(emu, flow), SignInDeclined);
    });

    it('closing the paste box is a cancel, not an error', async () => {
      const { flow } = manual(() => undefined);
      await assert.rejects(attempt(emu, flow), SignInCancelled);
      assert.strictEqual(pending.size, 0);
    });
  });

  describe('uriHandler', () => {
    it('sends the editor\u2019s own URI (through asExternalUri) and completes when the URI handler delivers the callback', async () => {
      const flow = new UriHandlerFlow('backbeat.spotify', pending, {
        uriScheme: 'vscode',
        externalUri: async (uri) => uri,
        // VS Code hands vscode://backbeat.spotify/callback?… to the extension's UriHandler.
        openInBrowser: async (url) => void redirectAfterConsent(url).then((address) => pending.deliver(new URL(address).search)),
      });
      const { grant, redirectUri } = await attempt(emu, flow);
      assert.strictEqual(redirectUri, 'vscode://backbeat.spotify/callback');
      assert.strictEqual(flow.registeredRedirectUri(), 'vscode://backbeat.spotify/callback');
      assert.ok(grant.accessToken);
    });
  });
});
