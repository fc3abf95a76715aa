import { VirtualClock } from './clock';
import type { Emulator } from './emulatorApi';
import type { Fault } from './faults';
import { empty, json, parseJsonBody, Reply, RequestContext } from './http';
import type { EmulatorOptions } from './options';
import type { PhoneAction } from './world/player';
import { CONTROL_PREFIX } from './controlPrefix';

const PHONE_ACTIONS = ['pause', 'play', 'next', 'previous', 'seek', 'stop', 'transfer', 'ad'];

type ControlHandler = (emulator: Emulator, body: Record<string, unknown>) => Reply;

/**
 * The emulator's remote control over HTTP, for tests that run in another process (a VS Code
 * extension host, a Playwright script). Mirrors the Emulator interface one to one.
 */
const CONTROL_ROUTES: Record<string, ControlHandler> = {
  'GET /info': (e) => json(200, { accountsUrl: e.accountsUrl, apiUrl: e.apiUrl, controlUrl: e.controlUrl, lyricsUrl: e.lyricsUrl, clientId: e.clientId }),
  'GET /snapshot': (e) => json(200, e.snapshot()),
  'GET /quota': (e) => json(200, e.quota()),
  'GET /secrets': (e) => json(200, e.issuedSecrets()),
  'POST /configure': (e, body) => done(() => e.configure(body as Partial<EmulatorOptions>)),
  'POST /faults': (e, body) => done(() => e.addFault(faultFromJson(body))),
  'DELETE /faults': (e) => done(() => e.clearFaults()),
  'POST /revoke': (e) => done(() => e.revokeGrants()),
  'POST /expire': (e) => done(() => e.expireAccessTokens()),
  'POST /expire-grants': (e) => done(() => e.expireGrants()),
  'POST /phone': (e, body) => done(() => e.phone(phoneActionFromJson(body))),
  'POST /desktop': (e, body) => done(() => e.desktop(phoneActionFromJson(body))),
  'POST /reset': (e, body) => done(() => e.reset({ grants: body.grants === true })),
  'GET /requests': (e) => json(200, e.requests),
  'DELETE /requests': (e) => done(() => { e.requests.length = 0; }),
  'GET /lyrics-requests': (e) => json(200, e.lyricsRequests),
  'DELETE /lyrics-requests': (e) => done(() => { e.lyricsRequests.length = 0; }),
  'POST /clock/advance': (e, body) => {
    if (!(e.clock instanceof VirtualClock)) return json(409, { error: 'the emulator runs on the real clock' });
    const ms = body.ms;
    if (typeof ms !== 'number') return json(400, { error: 'body must be {"ms": number}' });
    e.clock.advance(ms);
    return json(200, { now: e.clock.now() });
  },
};

/**
 * A page on another site may POST text/plain or a form here without asking first (no CORS
 * preflight); only JSON, which a browser sends cross-site only after a preflight this server
 * never grants, can change the emulator.
 */
function isJson(ctx: RequestContext): boolean {
  return /^application\/json\s*(;|$)/i.test(ctx.headers['content-type'] ?? '');
}

export async function handleControl(emulator: Emulator, ctx: RequestContext): Promise<Reply> {
  if (ctx.method === 'POST' && !isJson(ctx)) return json(415, { error: 'control POSTs take Content-Type: application/json' });
  const handler = CONTROL_ROUTES[`${ctx.method} ${ctx.path.slice(CONTROL_PREFIX.length)}`];
  if (!handler) return json(404, { error: `no control endpoint ${ctx.method} ${ctx.path}` });
  try {
    const body = parseJsonBody(ctx.body) ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('body must be a JSON object');
    return handler(emulator, body as Record<string, unknown>);
  } catch (error) {
    return json(400, { error: error instanceof Error ? error.message : String(error) });
  }
}

function done(action: () => void): Reply {
  action();
  return empty(204);
}

/** JSON has no Infinity: `"times": null` means forever. */
function faultFromJson(body: Record<string, unknown>): Fault {
  const fault = { ...body } as unknown as Fault & { times?: number | null };
  if (fault.times === null) fault.times = Infinity;
  return fault as Fault;
}

function phoneActionFromJson(body: Record<string, unknown>): PhoneAction {
  if (typeof body.type !== 'string' || !PHONE_ACTIONS.includes(body.type)) {
    throw new Error(`phone action type must be one of ${PHONE_ACTIONS.join(', ')}`);
  }
  if (body.type === 'seek' && typeof body.positionMs !== 'number') throw new Error('seek needs positionMs');
  if (body.type === 'play' && body.uri !== undefined && typeof body.uri !== 'string') throw new Error('play takes a uri string');
  if (body.type === 'transfer' && typeof body.device !== 'string') throw new Error('transfer needs a device key');
  if (body.type === 'ad' && body.durationMs !== undefined && !(typeof body.durationMs === 'number' && body.durationMs > 0)) {
    throw new Error('ad takes a positive durationMs');
  }
  return body as unknown as PhoneAction;
}
