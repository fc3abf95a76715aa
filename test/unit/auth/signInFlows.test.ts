// The real sign-in (src/auth/signIn.ts) through each real flow against the emulator, with its
// progress UI and "Try another way" question played by a person who reads and clicks.
import * as assert from 'assert';
import * as net from 'net';
import { accountOfToken } from '../../../src/auth/accountOfToken';
import { ClientSecretStore } from '../../../src/auth/clientSecretStore';
import { LoopbackFlow } from '../../../src/auth/flows/loopbackFlow';
import { ManualFlow, PastePrompt } from '../../../src/auth/flows/manualFlow';
import { UriHandlerFlow } from '../../../src/auth/flows/uriHandlerFlow';
import { CancelSignal, PendingSignIns } from '../../../src/auth/pendingSignIns';
import { DEFAULT_SCOPES } from '../../../src/auth/scopes';
import { signIn, signInChoosingFlow, SignInDeps, SignInUi } from '../../../src/auth/signIn';
import { NotOnUserList, SignInCancelled, SignInDeclined, SignInSetupNeeded } from '../../../src/auth/signInErrors';
import type { SpotifySettings } from '../../../src/auth/spotifySettings';
import { Emitter } from '../../../src/emitter';
import { RetryAfterGate } from '../../../src/spotify/retryAfterGate';
import { Emulator, startEmulator } from '../../../emulator';
import { NOT_REGISTERED_MESSAGES } from '../../../emulator/options';
import { load, redirectAfterConsent } from '../../support/browserDouble';
import { FakeClock } from '../../../sim/fakeClock';
import { FakeSecretStorage } from '../../../sim/fakeSecretStorage';
import { emulatorSettings } from '../../../sim/emulatorSignIn';
import { RecordingLog } from '../../../sim/recordingLog';

/** The person at the editor: reads the progress notification, can press its Cancel, answers "Try another way". */
class Person implements SignInUi {
  /** Progress titles and the lines under them, in the order they showed. */
  readonly progress: string[] = [];
  /** "Try another way" questions, as `message [button]`. */
  readonly offers: string[] = [];
  acceptsAnotherWay = false;
  private cancel = cancelButton();

  async withProgress<T>(title: string, task: (report: (message: string) => void, cancel: CancelSignal) => Promise<T>): Promise<T> {
    this.progress.push(title);
    this.cancel = cancelButton(); // each attempt has its own notification
    return task((message) => this.progress.push(message), this.cancel.signal);
  }

  async offer(message: string, button: string): Promise<boolean> {
    this.offers.push(`${message} [${button}]`);
    return this.acceptsAnotherWay;
  }

  pressCancel(): void {
    this.cancel.press();
  }
}

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

describe('signing in against the emulator (the real sign-in, each flow)', () => {
  let emu: Emulator;
  let pending: PendingSignIns;
  let person: Person;
  let clock: FakeClock;
  let log: RecordingLog;
  let secrets: FakeSecretStorage;
  let settings: SpotifySettings;
  /** The user signed out since the last sign-in (what AccountChoice remembers). */
  let afterSignOut: boolean;
  /** Pages the browser showed after Spotify sent it back. */
  let pages: { status: number; text: string }[];

  beforeEach(async () => {
    emu = await startEmulator();
    clock = new FakeClock();
    pending = new PendingSignIns(clock);
    person = new Person();
    log = new RecordingLog();
    secrets = new FakeSecretStorage();
    settings = emulatorSettings(emu);
    afterSignOut = false;
    pages = [];
  });
  afterEach(() => emu.close());

  function deps(): SignInDeps {
    return {
      settings: () => settings,
      clientSecrets: new ClientSecretStore(secrets, log),
      accountOf: accountOfToken({ apiUrl: () => settings.apiUrl, gate: new RetryAfterGate(clock), clock, log }),
      ui: person,
      clock,
      log,
      showDialog: () => afterSignOut,
    };
  }

  /** The /authorize requests the browser made, as Spotify saw them. */
  const authorizeQueries = () => emu.requests.filter((r) => r.path === '/authorize').map((r) => r.query);

  /** The browser approves (or denies) on the consent page and follows Spotify's redirect to the extension host's page. */
  const consentAndLoad = (decision: 'approve' | 'deny' = 'approve') => async (url: string) => {
    // A moment later, as a browser would: obtainCode is waiting by then.
    void redirectAfterConsent(url, decision).then(async (location) => pages.push(await load(location)));
  };

  const loopback = (openInBrowser = consentAndLoad(), port = 0) => new LoopbackFlow(pending, { port: () => port, openInBrowser });

  describe('loopback', () => {
    it('signs in on a free port through the consent page: a session named after the Spotify account, the tab says it can be closed', async () => {
      const session = await signIn(deps(), loopback(), DEFAULT_SCOPES);
      assert.strictEqual(session.account.label, 'Backbeat Tester', 'named from GET /me with the new token');
      assert.ok(session.refreshToken && session.accessToken);
      assert.strictEqual(session.expiresAt, clock.now() + 3600 * 1000);
      assert.strictEqual(session.usesClientSecret, false);
      const [query] = authorizeQueries();
      assert.match(query.redirect_uri, /^http:\/\/127\.0\.0\.1:\d+\/callback$/, 'a port Spotify accepts for http://127.0.0.1/callback');
      assert.strictEqual(query.code_challenge_method, 'S256', 'PKCE without a client secret');
      assert.deepStrictEqual(person.progress, ['Signing in to Spotify', 'approve Backbeat in your browser…', 'finishing…']);
      assert.strictEqual(pages[0].status, 200);
      assert.match(pages[0].text, /You can close this tab/);
      assert.strictEqual((await load(query.redirect_uri)).status, 0, 'the server is gone once the sign-in is over');
    });

    it('denial ends the sign-in at once with "You declined access in Spotify" and an error page', async () => {
      await assert.rejects(signIn(deps(), loopback(consentAndLoad('deny')), DEFAULT_SCOPES), (e: unknown) => e instanceof SignInDeclined && e.message === 'You declined access in Spotify.');
      await new Promise((r) => setTimeout(r, 50));
      assert.match(pages[0].text, /You declined access/);
      assert.deepStrictEqual(emu.requests.filter((r) => r.path === '/api/token'), [], 'no token was asked for');
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

    it('Cancel on the progress notification ends the wait and closes the server', async () => {
      const attempt = signIn(deps(), loopback(async () => person.pressCancel()), DEFAULT_SCOPES);
      await assert.rejects(attempt, SignInCancelled);
      assert.deepStrictEqual(authorizeQueries(), [], 'the browser never reached Spotify');
      assert.strictEqual(pending.size, 0);
      const redirectUri = /redirect URI (\S+)/.exec(log.lines.join('\n'))?.[1] ?? '';
      assert.match(redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      assert.strictEqual((await load(redirectUri)).status, 0, 'the server closed');
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
      const session = await signIn(deps(), flow, DEFAULT_SCOPES);
      assert.strictEqual(session.account.label, 'Backbeat Tester');
      assert.strictEqual(authorizeQueries()[0].redirect_uri, 'http://127.0.0.1/callback');
      assert.deepStrictEqual(problems, [undefined]);
    });

    it('signs in with the code alone', async () => {
      const { flow } = manual((address) => new URL(address).searchParams.get('code') ?? '');
      assert.strictEqual((await signIn(deps(), flow, DEFAULT_SCOPES)).account.label, 'Backbeat Tester');
    });

    it('a pasted denial ends with "You declined access in Spotify"', async () => {
      const { flow } = manual((address) => address, 'deny');
      await assert.rejects(signIn(deps(), flow, DEFAULT_SCOPES), SignInDeclined);
    });

    it('closing the paste box is a cancel, not an error', async () => {
      const { flow } = manual(() => undefined);
      await assert.rejects(signIn(deps(), flow, DEFAULT_SCOPES), SignInCancelled);
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
      const session = await signIn(deps(), flow, DEFAULT_SCOPES);
      assert.strictEqual(authorizeQueries()[0].redirect_uri, 'vscode://backbeat.spotify/callback');
      assert.strictEqual(flow.registeredRedirectUri(), 'vscode://backbeat.spotify/callback');
      assert.strictEqual(session.account.label, 'Backbeat Tester');
    });
  });

  describe('the app\u2019s credentials', () => {
    it('without a Client ID, or with one of the wrong shape, asks for setup before any progress or browser', async () => {
      for (const [clientId, words] of [
        [undefined, /Set your Spotify Client ID first/],
        ['not-a-client-id', /backbeat\.clientId is not valid\. A Spotify Client ID is 32 characters of 0-9 and a-f/],
      ] as const) {
        settings = { ...settings, clientId };
        await assert.rejects(signIn(deps(), loopback(), DEFAULT_SCOPES), (e: unknown) => e instanceof SignInSetupNeeded && words.test(e.message));
      }
      assert.deepStrictEqual(person.progress, []);
      assert.deepStrictEqual(emu.requests, []);
    });

    it('with a client secret stored: no PKCE, the code is exchanged with the secret, and the session says so', async () => {
      await new ClientSecretStore(secrets, log).set(emu.clientSecret);
      const session = await signIn(deps(), loopback(), DEFAULT_SCOPES);
      assert.strictEqual(session.usesClientSecret, true);
      assert.strictEqual(authorizeQueries()[0].code_challenge, undefined, 'no PKCE challenge');
      // The emulator exchanges a code without a challenge only for the right secret.
      assert.deepStrictEqual(emu.requests.filter((r) => r.path === '/api/token').map((r) => r.status), [200]);
    });

    it('a user missing from the app\u2019s User Management: whatever Spotify\u2019s wording or body, the sign-in ends naming the Client ID, with no other way offered', async () => {
      person.acceptsAnotherWay = true;
      for (const message of NOT_REGISTERED_MESSAGES) {
        for (const body of ['text', 'json'] as const) {
          emu.configure({ userRegistered: false, notRegisteredMessage: message, notRegisteredBody: body });
          const flows = [loopback(), loopback()];
          await assert.rejects(signInChoosingFlow(deps(), flows, DEFAULT_SCOPES), (e: unknown) => e instanceof NotOnUserList && e.clientId === emu.clientId, `${body}: ${message}`);
        }
      }
      assert.deepStrictEqual(person.offers, []);
      assert.ok(emu.requests.filter((r) => r.path === '/v1/me').every((r) => r.status === 403));
    });

    it('after a sign-out, asks Spotify to show its dialog (show_dialog=true) so another account can be chosen', async () => {
      emu.configure({ rememberConsent: true });
      await signIn(deps(), loopback(), DEFAULT_SCOPES);
      afterSignOut = true;
      await signIn(deps(), loopback(), DEFAULT_SCOPES);
      afterSignOut = false;
      await signIn(deps(), loopback(), DEFAULT_SCOPES);
      assert.deepStrictEqual(authorizeQueries().map((q) => q.show_dialog), [undefined, 'true', undefined]);
      // The consent page (where another account can be chosen) showed the first time and after the sign-out;
      // otherwise Spotify sent the returning user straight back.
      assert.strictEqual(emu.requests.filter((r) => r.path === '/authorize/decision').length, 2);
    });
  });

  describe('"Having trouble signing in? Try another way"', () => {
    const paste = () =>
      new ManualFlow(pending, {
        openInBrowser: consentAndLoad(),
        askForPaste: () => ({ answer: new Promise(() => undefined), dispose: () => undefined }),
      });

    it('after a cancel, offers the next flow by name; accepting it signs in that way', async () => {
      person.acceptsAnotherWay = true;
      const session = await signInChoosingFlow(deps(), [loopback(async () => person.pressCancel()), loopback()], DEFAULT_SCOPES);
      assert.strictEqual(session.account.label, 'Backbeat Tester');
      assert.deepStrictEqual(person.offers, [
        'Having trouble signing in? Try another way: Sign in through the browser with a page served by VS Code on 127.0.0.1. [Try Another Way]',
      ]);
      assert.deepStrictEqual(person.progress.filter((line) => line === 'Signing in to Spotify').length, 2, 'a new progress notification for the second way');
    });

    it('declining the offer ends with the cancel, and the next flow never starts', async () => {
      const attempt = signInChoosingFlow(deps(), [loopback(async () => person.pressCancel()), paste()], DEFAULT_SCOPES);
      await assert.rejects(attempt, SignInCancelled);
      assert.strictEqual(person.offers.length, 1);
      assert.deepStrictEqual(authorizeQueries(), [], 'the paste flow never opened Spotify');
    });

    it('a loopback port another program holds: the paste flow is offered', async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      try {
        const busy = loopback(consentAndLoad(), (blocker.address() as net.AddressInfo).port);
        person.acceptsAnotherWay = false;
        await assert.rejects(signInChoosingFlow(deps(), [busy, paste()], DEFAULT_SCOPES), /is in use by another program/);
        assert.deepStrictEqual(person.offers, ['Having trouble signing in? Try another way: Paste the address the browser ends on. [Try Another Way]']);
      } finally {
        blocker.close();
      }
    });

    it('a refusal in Spotify is final: no other way is offered', async () => {
      person.acceptsAnotherWay = true;
      await assert.rejects(signInChoosingFlow(deps(), [loopback(consentAndLoad('deny')), paste()], DEFAULT_SCOPES), SignInDeclined);
      assert.deepStrictEqual(person.offers, []);
    });
  });
});
