import * as assert from 'assert';
import type { Availability } from '../../src/playback/playbackState';
import { DEFAULT_TIMING } from '../../src/playback/scheduler';
import type { Fault } from '../../emulator';
import { scanInto } from '../support/hardening/leakScan';
import { Rig } from '../support/hardening/rig';
import { tally } from '../support/hardening/tally';

// Every fault a long-open editor meets, against the real client, keeper and scheduler: during it
// the status bar says what is going on and a user pressing a key five times gets at most one
// notification for its cause, with the right words; the session survives unless Spotify said the
// grant is dead; the first read after the fault ends shows playback again; nothing leaks.

interface FaultCase {
  name: string;
  inject(rig: Rig): void | Promise<void>;
  end(rig: Rig): void | Promise<void>;
  /** What the status bar shows while the fault lasts. */
  during: Availability['kind'];
  /** The notification a command during the fault gives (undefined: commands still work). */
  cause?: string;
  /** Words that notification must contain. */
  says?: RegExp;
  /** false only where Spotify said the grant is dead. */
  sessionKept?: boolean;
}

const API = '/v1/*';
const TOKEN = '/api/token';
const spotifyError = (status: number, message: string) => ({ error: { status, message } });
const everyApiRequest = (fault: Omit<Fault, 'match' | 'times'>): Fault => ({ match: { path: API }, times: Infinity, ...fault });
const everyRefresh = (fault: Omit<Fault, 'match' | 'times'>): Fault => ({ match: { method: 'POST', path: TOKEN }, times: Infinity, ...fault });

/** The Retry-After gate ends the fault itself: nothing to undo. */
const waitEnds = () => undefined;

const CASES: FaultCase[] = [
  {
    name: 'access token expired mid-use (401, refreshed once, transparently)',
    inject: (rig) => rig.emu.expireAccessTokens(),
    end: () => undefined,
    during: 'active',
  },
  {
    name: 'a scripted 401 on the next request',
    inject: (rig) => rig.emu.addFault({ match: { path: API }, status: 401, body: spotifyError(401, 'The access token expired') }),
    end: () => undefined,
    during: 'active',
  },
  {
    name: '429 with a short Retry-After (5 s)',
    inject: (rig) => rig.emu.addFault({ match: { method: 'GET', path: '/v1/me/player' }, status: 429, headers: { 'Retry-After': '5' } }),
    end: waitEnds,
    during: 'waiting',
    cause: 'rate_limited',
    says: /wait \d+s/,
  },
  {
    name: "429 with a long Retry-After (3600 s): the daily quota's sign, nothing sent until it is over",
    inject: (rig) => rig.emu.addFault({ match: { method: 'GET', path: '/v1/me/player' }, status: 429, headers: { 'Retry-After': '3600' } }),
    end: waitEnds,
    during: 'waiting',
    cause: 'quota_exceeded',
    says: /wait until (\w{3} )?\d\d:\d\d: a wait that long means your app's daily request quota is spent/,
  },
  {
    name: "429 QUOTA_EXCEEDED (Spotify's daily quota is spent)",
    inject: (rig) => rig.emu.configure({ dailyQuota: rig.emu.quota().clients[0].used }),
    end: (rig) => rig.emu.configure({ dailyQuota: 0 }),
    during: 'waiting',
    cause: 'quota_exceeded',
    says: /daily request quota for your app is spent \(QUOTA_EXCEEDED\)\. Backbeat sends nothing from any window until (\w{3} )?\d\d:\d\d/,
  },
  {
    name: '429 without Retry-After (a default wait applies)',
    inject: (rig) => rig.emu.addFault({ match: { method: 'GET', path: '/v1/me/player' }, status: 429 }),
    end: waitEnds,
    during: 'waiting',
    cause: 'rate_limited',
    says: /wait 30s/,
  },
  ...[500, 502, 503].map((status): FaultCase => ({
    name: `a burst of ${status}s`,
    // A 502 usually comes from a proxy, as an HTML page.
    inject: (rig) => rig.emu.addFault(everyApiRequest({ status, body: status === 502 ? '<html><body>Bad Gateway</body></html>' : spotifyError(status, 'Server error') })),
    end: (rig) => rig.emu.clearFaults(),
    during: 'unreachable',
    cause: 'server',
    says: /Spotify is having trouble/,
  })),
  {
    name: 'a server that accepts and never answers (requests time out)',
    inject: (rig) => rig.emu.addFault(everyApiRequest({ hang: true })),
    end: (rig) => rig.emu.clearFaults(),
    during: 'unreachable',
    cause: 'network',
    says: /No answer from http:\/\/127\.0\.0\.2:\d+/,
  },
  {
    name: 'a server that stalls half-way through its answer (the body times out too)',
    inject: (rig) => rig.emu.addFault(everyApiRequest({ status: 200, body: { is_playing: true }, stallBody: true })),
    end: (rig) => rig.emu.clearFaults(),
    during: 'unreachable',
    cause: 'network',
    says: /No answer from http:\/\/127\.0\.0\.2:\d+/,
  },
  {
    name: 'connection refused (offline), then back online',
    inject: (rig) => rig.emu.goOffline(),
    end: (rig) => rig.emu.goOnline(),
    during: 'unreachable',
    cause: 'network',
    says: /Cannot reach http:\/\/127\.0\.0\.2:\d+.*Check your connection/,
  },
  {
    name: 'malformed JSON in a 200',
    inject: (rig) => rig.emu.addFault(everyApiRequest({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"is_playing": tru' })),
    end: (rig) => rig.emu.clearFaults(),
    during: 'unreachable',
  },
  {
    name: 'an empty 200 where a playback state was expected',
    inject: (rig) => rig.emu.addFault({ match: { method: 'GET', path: '/v1/me/player' }, times: Infinity, status: 200, body: '' }),
    end: (rig) => rig.emu.clearFaults(),
    during: 'nothingActive',
  },
  {
    name: 'token endpoint invalid_grant (the grant is dead)',
    inject: (rig) => rig.emu.revokeGrants(),
    end: async (rig) => {
      await rig.signIn(); // the user follows the notification's Sign In
    },
    during: 'signedOut',
    cause: 'deadGrant',
    says: /Spotify no longer accepts this sign-in \(Refresh token revoked\)\. Sign in again\./,
    sessionKept: false,
  },
  {
    name: 'token endpoint invalid_grant "Refresh token expired" (Spotify ends a sign-in after six months)',
    inject: (rig) => rig.emu.expireGrants(),
    end: async (rig) => {
      await rig.signIn(); // the user follows the notification's Sign In
    },
    during: 'signedOut',
    cause: 'expiredGrant',
    says: /^Spotify ends a sign-in after six months, and yours has ended\. Sign in again to go on\.$/,
    sessionKept: false,
  },
  {
    name: 'token endpoint invalid_client',
    inject: (rig) => {
      rig.emu.expireAccessTokens();
      rig.emu.addFault(everyRefresh({ status: 400, body: { error: 'invalid_client', error_description: 'Invalid client' } }));
    },
    end: (rig) => rig.emu.clearFaults(),
    during: 'unreachable',
    cause: 'rejectedClient',
    says: /rejected the app credentials \(Invalid client\)\. Check your Client ID/,
  },
  {
    name: 'token endpoint 5xx',
    inject: (rig) => {
      rig.emu.expireAccessTokens();
      rig.emu.addFault(everyRefresh({ status: 503, body: 'Service Unavailable' }));
    },
    end: (rig) => rig.emu.clearFaults(),
    during: 'unreachable',
    cause: 'tokenUnavailable',
    says: /HTTP 503.*You stay signed in/,
  },
  {
    name: 'token endpoint timeout',
    inject: (rig) => {
      rig.emu.expireAccessTokens();
      rig.emu.addFault(everyRefresh({ hang: true }));
    },
    end: (rig) => rig.emu.clearFaults(),
    during: 'unreachable',
    cause: 'tokenUnavailable',
    says: /unreachable: No answer .*You stay signed in/,
  },
];

const PRESSES = 5;

/** What the status bar renders from (read through a function: assertions narrow property types). */
const statusBar = (rig: Rig): Availability => rig.state.availability;

describe('hardening: faults survived', function () {
  this.timeout(30_000);
  let rig: Rig;

  beforeEach(async () => {
    rig = await Rig.start();
  });

  afterEach(async () => {
    await rig.close();
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const session = await rig.signIn();
      await rig.nextRead();
      assert.strictEqual(rig.state.availability.kind, 'active', 'healthy before the fault');

      await c.inject(rig);
      tally.faultsTried++;
      const requestsBefore = rig.emu.requests.length;
      await rig.nextRead();
      const shown = statusBar(rig);
      assert.strictEqual(shown.kind, c.during, 'status bar during the fault');
      if (shown.kind === 'unreachable') {
        assert.ok(shown.message.length > 0 && !/[{}<>]/.test(shown.message), `a readable reason, not a raw body: ${shown.message}`);
      }

      for (let i = 0; i < PRESSES; i++) await rig.command('Set Volume', (client) => client.setVolume(40 + i));
      if (c.cause) {
        assert.strictEqual(rig.notices.countFor(c.cause), 1, `one "${c.cause}" notification for ${PRESSES} presses: ${JSON.stringify(rig.notices.shown)}`);
        assert.match(rig.notices.shown.find((m) => m.cause === c.cause)!.text, c.says!);
      } else {
        assert.deepStrictEqual(rig.notices.shown, [], 'commands keep working: nothing to tell');
      }
      const causes = rig.notices.shown.map((m) => m.cause);
      assert.strictEqual(new Set(causes).size, causes.length, `at most one notification per cause: ${causes}`);
      if (c.during === 'waiting') {
        const sent = rig.emu.requests.slice(requestsBefore + 1).filter((r) => r.path.startsWith('/v1'));
        assert.deepStrictEqual(sent, [], 'nothing is sent before Retry-After has passed');
      }

      if (c.sessionKept === false) {
        assert.strictEqual(rig.keeper.current, undefined, 'signed out: Spotify said the grant is dead');
      } else {
        assert.strictEqual(rig.keeper.current?.id, session.id, 'the session survived the fault');
      }

      await c.end(rig);
      const waited = await rig.nextRead();
      assert.strictEqual(rig.state.availability.kind, 'active', 'healthy at the first read after the fault ends');
      assert.ok(rig.state.snapshot?.item?.name, 'the track is shown again');
      if (c.during !== 'waiting') assert.ok(waited <= DEFAULT_TIMING.slowCheckMs, `the next read came within one step (${waited} ms)`);

      const leaks = scanInto(tally, rig.emu.issuedSecrets(), rig.outputs());
      assert.deepStrictEqual(leaks, []);
    });
  }

  it('a device waking up (202) is retried a few times, then the command goes through', async () => {
    await rig.signIn();
    await rig.nextRead();
    rig.emu.addFault({ match: { method: 'PUT', path: '/v1/me/player/pause' }, status: 202, times: 2 });
    tally.faultsTried++;
    assert.strictEqual(await rig.command('Pause', (client) => client.pause()), true);
    assert.strictEqual(rig.emu.snapshot().isPlaying, false, 'paused once the device woke');
    assert.deepStrictEqual(rig.notices.shown, []);
  });

  it('a device that never wakes (202 forever) does not hang the command', async () => {
    await rig.signIn();
    await rig.nextRead();
    rig.emu.addFault({ match: { method: 'PUT', path: '/v1/me/player/pause' }, status: 202, times: Infinity });
    tally.faultsTried++;
    const before = rig.emu.requests.length;
    await rig.command('Pause', (client) => client.pause());
    const tries = rig.emu.requests.slice(before).filter((r) => r.path === '/v1/me/player/pause').length;
    assert.strictEqual(tries, 6, 'Spotify\u2019s advice: at most 5 retries, not a storm');
    assert.deepStrictEqual(rig.notices.shown.map((m) => m.cause), ['device_waking'], 'not reported as done');
  });
});
