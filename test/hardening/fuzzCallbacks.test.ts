import * as assert from 'assert';
import fc from 'fast-check';
import * as http from 'http';
import * as net from 'net';
import type * as vscode from 'vscode';
import { CallbackUriHandler } from '../../src/vscode/callbackUriHandler';
import { LoopbackFlow } from '../../src/auth/flows/loopbackFlow';
import { readPastedCallback } from '../../src/auth/flows/pastedCallback';
import { CALLBACK_PATH, PreparedFlow } from '../../src/auth/flows/signInFlow';
import { CancelSignal, PendingSignIns, SIGN_IN_TIMEOUT_MS } from '../../src/auth/pendingSignIns';
import { createState } from '../../src/auth/pkce';
import { SignInCancelled, SignInTimedOut } from '../../src/auth/signInErrors';
import { Emitter } from '../../src/emitter';
import { FakeClock, settle } from '../../sim/fakeClock';
import { RecordingLog } from '../../sim/recordingLog';
import { tally } from '../support/hardening/tally';

// Every way a callback reaches the extension (the URI handler, the loopback server, a pasted
// address), fed generated input: nothing throws, nothing completes a sign-in without the state
// that sign-in issued, a state works once, and the loopback server answers only GET /callback.

const RUNS = 1_000;
const EXPECTED = createState();

/** The shape of a callback, with its parts often right, often nearly right, sometimes absurd. */
const stateArb = fc.oneof(
  fc.constant(EXPECTED),
  fc.constant(EXPECTED.toUpperCase()),
  fc.constant(`${EXPECTED} `),
  fc.constant(EXPECTED.slice(1)),
  fc.constant(''),
  createStateLike(),
  fc.string({ unit: 'binary' }),
);
function createStateLike() {
  return fc.stringMatching(/^[A-Za-z0-9_-]{43}$/);
}
const valueArb = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{20,120}$/), fc.string({ unit: 'binary' }), fc.constant(''));
const callbackParamsArb = fc.record(
  {
    state: stateArb,
    code: valueArb,
    error: fc.constantFrom('access_denied', 'server_error', 'invalid_scope', '', '<script>alert(1)</script>'),
    extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);
/** A query string: well-formed from parts, or raw garbage. */
const queryArb = fc.oneof(
  { arbitrary: valueArb.map((code) => `code=${encodeURIComponent(code)}&state=${EXPECTED}`), weight: 2 },
  callbackParamsArb.map(({ extra, ...p }) => new URLSearchParams({ ...extra, ...(Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Record<string, string>) }).toString()),
  fc.string({ unit: 'binary' }),
  fc.webQueryParameters(),
  fc.constant(`state=${EXPECTED}&state=other&code=abc`),
  fc.constant(`code=abc&state=${encodeURIComponent(EXPECTED)}%00`),
);
const pathArb = fc.oneof(
  { arbitrary: fc.constant(CALLBACK_PATH), weight: 3 },
  fc.constantFrom('/callback/', '/CALLBACK', '/callback%2F', '/', '/favicon.ico', '/callbackx', '/a/../callback', '//elsewhere.example/callback'),
  fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
);

/** What a well-behaved callback for the waiting sign-in looks like: the state and a code or an error. */
function completes(path: string, query: string): boolean {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  return path === CALLBACK_PATH && params.get('state') === EXPECTED && !!(params.get('code') || params.get('error'));
}

const neverCancelled: CancelSignal = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

/** A sign-in's code, watched without letting its rejection go unhandled. */
function observe(code: Promise<string>) {
  const outcome = { settled: false, code: undefined as string | undefined, error: undefined as unknown };
  const promise = code.then(
    (code) => Object.assign(outcome, { settled: true, code }),
    (error: unknown) => Object.assign(outcome, { settled: true, error }),
  );
  return { outcome, promise };
}

const waiting = (pending: PendingSignIns) => observe(pending.waitForCode(EXPECTED, neverCancelled));
const waitingOn = (prepared: PreparedFlow) => observe(prepared.obtainCode('http://accounts.invalid/authorize', EXPECTED, neverCancelled));

describe('hardening: callbacks fuzzed', function () {
  this.timeout(120_000);

  it(`URI handler: ${RUNS} generated links never throw and complete only the sign-in whose unused state they carry`, async () => {
    const seen = { completed: 0, ignored: 0 };
    await fc.assert(
      fc.asyncProperty(pathArb, queryArb, async (path, query) => {
        tally.inputsFuzzed++;
        const pending = new PendingSignIns(new FakeClock());
        const handler = new CallbackUriHandler(pending, new RecordingLog());
        const attempt = waiting(pending);
        const uri = { path, query } as vscode.Uri;
        handler.handleUri(uri);
        await settle();
        assert.strictEqual(attempt.outcome.settled, completes(path, query));
        seen[attempt.outcome.settled ? 'completed' : 'ignored']++;
        // Single use: the same link again changes nothing, not even for a new attempt with another state.
        const other = pending.waitForCode('another-state-entirely-0123456789');
        other.catch(() => undefined);
        handler.handleUri(uri);
        await settle();
        assert.strictEqual(pending.size, attempt.outcome.settled ? 1 : 2);
      }),
      { numRuns: RUNS },
    );
    assert.ok(seen.completed > 50 && seen.ignored > 50, `both outcomes were generated: ${JSON.stringify(seen)}`);
  });

  describe('loopback server', () => {
    const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND'];

    function prepare(pending: PendingSignIns, port = 0): Promise<PreparedFlow> {
      return new LoopbackFlow(pending, { port: () => port, openInBrowser: async () => undefined }).prepare();
    }

    function send(redirectUri: string, method: string, pathAndQuery: string): Promise<number> {
      const { hostname, port } = new URL(redirectUri);
      return new Promise((resolve, reject) => {
        const request = http.request({ host: hostname, port: Number(port), method, path: pathAndQuery, agent: false }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        });
        request.on('error', reject);
        request.end();
      });
    }

    function portOf(redirectUri: string): number {
      return Number(new URL(redirectUri).port);
    }

    /** The port can be bound again: nothing listens on it any more. */
    function portIsFree(port: number): Promise<boolean> {
      return new Promise((resolve) => {
        const probe = net.createServer();
        probe.once('error', () => resolve(false));
        probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
      });
    }

    it(`${RUNS} generated requests: 404 off /callback, 405 for other methods, no 5xx, sign-in only with its state`, async () => {
      const seen = { completed: 0, ignored: 0 };
      await fc.assert(
        fc.asyncProperty(fc.oneof({ arbitrary: fc.constant('GET'), weight: 3 }, fc.constantFrom(...METHODS)), pathArb, queryArb, async (method, path, query) => {
          tally.inputsFuzzed++;
          const pending = new PendingSignIns(new FakeClock());
          const prepared = await prepare(pending);
          try {
            const attempt = waitingOn(prepared);
            await settle();
            const target = `${encodeURI(path).replace(/%25/g, '%')}${query ? `?${encodeURIComponent(query).replace(/%3D/g, '=').replace(/%26/g, '&')}` : ''}`;
            const status = await send(prepared.redirectUri, method, target);
            // The target read as a path on the server (dot segments resolved); '//x/callback' is not /callback.
            const url = new URL(`http://127.0.0.1${target}`);
            if (url.pathname !== CALLBACK_PATH) assert.strictEqual(status, 404, `${method} ${target}`);
            else if (method !== 'GET') assert.strictEqual(status, 405, `${method} ${target}`);
            else assert.ok(status === 200 || status === 400, `${method} ${target}: ${status}`);
            await settle();
            const shouldComplete = method === 'GET' && completes(url.pathname, url.search);
            assert.strictEqual(attempt.outcome.settled, shouldComplete, `${method} ${target}`);
            seen[shouldComplete ? 'completed' : 'ignored']++;
          } finally {
            prepared.dispose();
          }
        }),
        { numRuns: RUNS },
      );
      assert.ok(seen.completed > 50 && seen.ignored > 50, `both outcomes were generated: ${JSON.stringify(seen)}`);
    });

    it('survives raw garbage on its socket and still completes a real callback', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 512 }), async (bytes) => {
          tally.inputsFuzzed++;
          const pending = new PendingSignIns(new FakeClock());
          const prepared = await prepare(pending);
          try {
            const attempt = waitingOn(prepared);
            // An incomplete request may leave the connection open: give the server a moment, then hang up.
            await new Promise<void>((resolve) => {
              const socket = net.connect(portOf(prepared.redirectUri), '127.0.0.1', () => socket.write(Buffer.from(bytes)));
              const done = () => {
                socket.destroy();
                resolve();
              };
              socket.on('error', done);
              socket.on('close', done);
              setTimeout(done, 20);
              socket.resume();
            });
            assert.strictEqual(await send(prepared.redirectUri, 'GET', `/callback?code=the-code&state=${EXPECTED}`), 200);
            await attempt.promise;
            assert.strictEqual(attempt.outcome.code, 'the-code');
          } finally {
            prepared.dispose();
          }
        }),
        { numRuns: 200 },
      );
    });

    it('binds 127.0.0.1 only, on an ephemeral port, and frees it after use, cancel and timeout', async () => {
      const clock = new FakeClock();
      const pending = new PendingSignIns(clock);

      // Use: the callback completes the sign-in; the flow is disposed as signIn's `finally` does.
      const used = await prepare(pending);
      const usedPort = portOf(used.redirectUri);
      assert.ok(usedPort >= 1024, `an ephemeral port (${usedPort})`);
      await assert.rejects(send(used.redirectUri.replace('127.0.0.1', '127.0.0.2'), 'GET', '/callback'), /ECONNREFUSED/, 'not on other addresses');
      const code = used.obtainCode('http://accounts.invalid/authorize', EXPECTED, neverCancelled);
      assert.strictEqual(await send(used.redirectUri, 'GET', `/callback?code=c1&state=${EXPECTED}`), 200);
      assert.strictEqual(await code, 'c1');
      used.dispose();
      assert.ok(await portIsFree(usedPort), 'free after use');

      // Cancel: the progress notification's Cancel button.
      const cancelled = await prepare(pending);
      const cancelledPort = portOf(cancelled.redirectUri);
      assert.notStrictEqual(cancelledPort, usedPort, 'a new port for each attempt');
      const cancelEvent = new Emitter<void>();
      let isCancelled = false;
      const cancel: CancelSignal = { get isCancellationRequested() { return isCancelled; }, onCancellationRequested: (l) => cancelEvent.event(l) };
      const cancelledCode = cancelled.obtainCode('http://accounts.invalid/authorize', createState(), cancel);
      isCancelled = true;
      cancelEvent.fire();
      await assert.rejects(cancelledCode, SignInCancelled);
      cancelled.dispose();
      assert.ok(await portIsFree(cancelledPort), 'free after cancel');

      // Timeout: nobody came back within five minutes.
      const timedOut = await prepare(pending);
      const timedOutPort = portOf(timedOut.redirectUri);
      const late = timedOut.obtainCode('http://accounts.invalid/authorize', createState(), neverCancelled);
      late.catch(() => undefined);
      await clock.advance(SIGN_IN_TIMEOUT_MS);
      await assert.rejects(late, SignInTimedOut);
      timedOut.dispose();
      assert.ok(await portIsFree(timedOutPort), 'free after timeout');
      assert.strictEqual(pending.size, 0);
      tally.faultsTried += 2; // a cancelled and an abandoned sign-in
    });
  });

  it(`manual paste: ${RUNS} generated texts never throw and only ever complete the attempt they were pasted into, once`, async () => {
    const pasted = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('http://127.0.0.1/callback', 'http://127.0.0.1:8080/callback', 'vscode://backbeat.spotify/callback', ''), queryArb, fc.constantFrom('', '#frag', '  ', '\n'))
        .map(([base, query, tail]) => `${base}?${query}${tail}`),
      valueArb,
    );
    await fc.assert(
      fc.asyncProperty(pasted, async (text) => {
        tally.inputsFuzzed++;
        const reading = readPastedCallback(text, EXPECTED);
        if ('problem' in reading) {
          assert.ok(reading.problem.length > 0);
          return;
        }
        assert.strictEqual(reading.params.get('state'), EXPECTED, 'a reading always belongs to this attempt');
        const trimmed = text.trim();
        const query = trimmed.includes('?') ? trimmed.slice(trimmed.indexOf('?') + 1).split('#')[0] : '';
        const carried = new URLSearchParams(query).get('state');
        assert.ok(carried === null || carried === EXPECTED, `a pasted state of another attempt is refused: ${JSON.stringify(text)}`);
        const pending = new PendingSignIns(new FakeClock());
        const attempt = waiting(pending);
        const delivered = pending.deliver(reading.params);
        await settle();
        assert.strictEqual(attempt.outcome.settled, delivered);
        assert.strictEqual(pending.deliver(reading.params), false, 'single use');
      }),
      { numRuns: RUNS },
    );
  });
});
